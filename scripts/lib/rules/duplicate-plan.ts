import { defineRule, message } from './define-rule.ts'
import { yamlPlace, type Plan, titleOf } from '../model/plan.ts'
import { effectiveDate, planStanding } from '../plan-system.ts'
import { planTypeName } from '../model/vocabulary.ts'

type D = { other: string; otherTitle: string; owner: string; type: string; hazards: string }
const m = message<D>

/** Types an owner has exactly one of in force: any two of them are duplicates. */
const ONE_PER_OWNER: ReadonlySet<string> = new Set(['overall', 'enterprise-comprehensive'])
/**
 * Types compared by hazard. On-site procedures, event plans and grassroots plans are left out: an
 * enterprise has many on-site procedures for one hazard (one per place or device), and a jurisdiction
 * many event plans (one per event).
 */
const BY_HAZARD: ReadonlySet<string> = new Set(['special', 'department', 'joint', 'enterprise-special'])

/** A title without its edition: years, 版/修订/试行 and bracketed remarks. */
function titleCore(title: string): string {
  return title.replace(/[（(][^）)]*[）)]/g, '').replace(/\d{4}\s*年?(?:版|修订|修正)?|[版本]$|修订版?|试行|暂行/g, '').replace(/\s+/g, '')
}

/** Dice coefficient of the titles' character bigrams. */
function titleSimilarity(a: string, b: string): number {
  const grams = (t: string) => {
    const out: string[] = []
    for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2))
    return out
  }
  const x = grams(titleCore(a))
  const y = grams(titleCore(b))
  if (!x.length || !y.length) return titleCore(a) === titleCore(b) ? 1 : 0
  const pool = [...y]
  let shared = 0
  for (const g of x) {
    const i = pool.indexOf(g)
    if (i >= 0) {
      shared++
      pool.splice(i, 1)
    }
  }
  return (2 * shared) / (x.length + y.length)
}

/**
 * Two plans for the same hazard with clearly different names are usually two real plans (城市内涝 and
 * 防汛, 山洪灾害防御 and 防汛抗旱); an old version left in force or a copy keeps (nearly) the same name.
 */
const SIMILAR_TITLE = 0.75

/** Who owns a plan of this type: a department plan belongs to the department that issues it. */
function ownerOf(plan: Plan): string {
  return plan.data.type === 'department' ? (plan.data.issuer ?? plan.data.jurisdiction) : plan.data.jurisdiction
}

/** The body with spaces removed: a copy left under a new id has the same one. */
function bodyKey(plan: Plan): string {
  return plan.text.slice(plan.bodyStart).replace(/\s+/g, '')
}

/** Plans tied to each other on purpose: one replaces the other, or one sits under or beside the other. */
function linked(a: Plan, b: Plan): boolean {
  const ids = (p: Plan, key: 'supersedes') => (Array.isArray(p.data[key]) ? p.data[key]! : [])
  const parents = (p: Plan) => (Array.isArray(p.data.parents) ? p.data.parents.map((x) => ('plan' in x ? x.plan : undefined)) : [])
  const related = (p: Plan) => (Array.isArray(p.data.related) ? p.data.related.map((x) => x.plan) : [])
  const tie = (x: Plan, y: Plan) => ids(x, 'supersedes').includes(y.data.id) || parents(x).includes(y.data.id) || related(x).includes(y.data.id)
  return tie(a, b) || tie(b, a)
}

export default defineRule({
  id: 'duplicate-plan',
  name: { zh: '同类预案重复', en: 'Duplicate plan' },
  family: 'coverage',
  severity: 'error',
  options: {},
  docs: {
    summary: {
      zh: '同一主体同一类型、事件种类重叠的两个预案同时在用',
      en: 'Two plans of one kind for one owner are in force at the same time',
    },
    why: {
      zh: '一个行政区（或部门、企业）同一类预案只能有一个现行版本：总体预案是本级预案体系的总纲，专项预案由本级政府针对某类事件印发（《突发事件应急预案管理办法》，国办发〔2024〕5号，第二章“分类与内容”）；企业只有一个综合应急预案（GB/T 29639-2020）。修订后旧版本仍标为在用，或复制出的文件以新编号留在库里，应急时两个版本并存，无法确定以哪个为准。',
      en: 'A jurisdiction (department, enterprise) has one current plan of a kind: the overall plan heads its plan system and a special plan is issued for an event type by the government (国办发〔2024〕5号, chapter 2); an enterprise has one comprehensive plan (GB/T 29639-2020). An old version still marked in force after a revision, or a copy left in the tree under a new id, leaves two versions side by side and nobody knows which one applies.',
    },
    fix: {
      zh: '保留现行的一个：把旧版本的 status 改为 superseded（或 retired），并在新版本的 supersedes 中写明旧版本编号；误复制的文件删除。确属两个不同预案时，在其中一个的 parents 或 related 中写明二者的关系。',
      en: 'Keep the current one: set the old version\'s status to superseded (or retired) and list its id in the new version\'s supersedes; delete a stray copy. If they really are two different plans, state how they relate in parents or related of one of them.',
    },
    notReported: {
      zh: '一个预案在 supersedes 中替代另一个时不报告；二者有 parents 或 related 关系（如山洪灾害防御预案挂在防汛抗旱预案之下）时不报告；草案、征求意见稿（修订中的新版本）和已替代、已废止的预案不报告；现场处置方案、重大活动预案、基层预案不比较（一个企业可有多个同类现场处置方案）；专项、部门、联合或企业专项预案只在事件种类重叠、且名称（去掉年份、版次、括注后）基本相同或标题正文完全相同时报告，名称明显不同的同类预案（如“城市内涝应急预案”与“防汛应急预案”）不报告；部门预案按印发部门比较，不同部门的预案不报告。',
      en: 'Not reported when one plan supersedes the other, when they are tied by parents or related (a flash-flood plan under the flood plan), for drafts and plans in review (the new version of a revision), superseded and retired plans; on-site procedures, event plans and grassroots plans are not compared (an enterprise has several on-site procedures for one hazard); special, department, joint and enterprise special plans are reported only when their hazards overlap and their titles (years, editions and bracketed remarks removed) are nearly the same, or title and text are identical, so two real plans with clearly different names (城市内涝 and 防汛) are not; department plans are compared per issuing department.',
    },
    bad: '# xishan/overall.md\nid: xishan-overall\ntype: overall\njurisdiction: xishan-xian\nstatus: published\n# xishan/overall-copy.md（复制后未删除）\nid: xishan-overall-2025\ntype: overall\njurisdiction: xishan-xian\nstatus: published',
    good: '# xishan/overall-2025.md\nid: xishan-overall-2025\ntype: overall\njurisdiction: xishan-xian\nstatus: published\nsupersedes: [xishan-overall]\n# xishan/overall.md\nid: xishan-overall\nstatus: superseded',
  },
  messages: {
    default: m(
      (d) => `本预案与“${d.other}”（${d.otherTitle}）同为${d.owner}在用的${d.type}${d.hazards ? `（${d.hazards}）` : ''}：请保留现行的一个，旧版本标为 superseded 并在新版本的 supersedes 中写明`,
      (d) => `This plan and "${d.other}" (${d.otherTitle}) are both ${d.owner}'s ${d.type} in force${d.hazards ? ` (${d.hazards})` : ''}: keep the current one, mark the old one superseded and list it in the new one's supersedes`,
    ),
    copy: m(
      (d) => `本预案与“${d.other}”标题和正文相同，同为${d.owner}在用的${d.type}：像是复制后留在库中的副本，请删除其一或标为 superseded`,
      (d) => `This plan has the same title and text as "${d.other}", both ${d.owner}'s ${d.type} in force: it looks like a copy left in the library; delete one or mark it superseded`,
    ),
  },
  checkLibrary(ctx) {
    const { library } = ctx
    // Oldest first, so that the finding lands on the newer plan (the one that made the pair).
    const active = ctx.plans
      .filter((p) => planStanding(p, ctx.today) === 'active' && (ONE_PER_OWNER.has(p.data.type) || BY_HAZARD.has(p.data.type)))
      .sort((x, y) => (effectiveDate(x) ?? '9999').localeCompare(effectiveDate(y) ?? '9999') || x.path.localeCompare(y.path))
    const byOwner = new Map<string, Plan[]>()
    for (const plan of active) {
      const key = `${ownerOf(plan)}\u0000${plan.data.type}`
      const earlier = byOwner.get(key) ?? []
      for (const other of earlier) {
        if (other.data.id === plan.data.id || linked(plan, other)) continue
        const shared = ONE_PER_OWNER.has(plan.data.type) ? [] : (plan.data.hazards ?? []).filter((h) => (other.data.hazards ?? []).includes(h))
        const copy = plan.data.title === other.data.title && bodyKey(plan) === bodyKey(other)
        if (!ONE_PER_OWNER.has(plan.data.type) && (shared.length === 0 || (!copy && titleSimilarity(plan.data.title, other.data.title) < SIMILAR_TITLE))) continue
        ctx.report({
          file: plan,
          place: yamlPlace(plan, ['id']),
          messageId: copy ? 'copy' : 'default',
          data: {
            other: other.data.id,
            otherTitle: titleOf(other),
            owner: library.units.name(ownerOf(plan)),
            type: planTypeName(plan.data.type, ctx.locale),
            hazards: [...new Set(shared)].map((h) => library.taxonomy.name(h, ctx.locale)).join(ctx.locale === 'en' ? ', ' : '、'),
          },
          cause: { file: other.path, place: yamlPlace(other, ['id']) },
        })
        break
      }
      byOwner.set(key, [...earlier, plan])
    }
  },
})
