import { defineRule, message } from './define-rule.ts'
import { yamlPlace, yamlRange, type Plan, titleOf } from '../model/plan.ts'
import { planStanding } from '../plan-system.ts'
import { isInForce } from '../model/vocabulary.ts'
import { catalogueIndex } from './repealed-basis.ts'
import { normaliseTitle } from '../citations/find.ts'
import { currentVersion, describeVersion, versionDate } from '../citations/catalogue.ts'

type D = { id: string; title?: string; by?: string; byTitle?: string; date?: string; own?: string; key?: DateKey; current?: string }
const m = message<D>

type DateKey = 'last_reviewed' | 'published'

/** The latest of a plan's revision and issue dates, with the key it came from. */
function revisedOn(plan: Plan): { date: string; key: DateKey } | undefined {
  const dates = (plan.data as Partial<Plan['data']>).dates
  if (!dates || typeof dates !== 'object') return undefined
  let best: { date: string; key: DateKey } | undefined
  for (const key of ['published', 'last_reviewed'] as const) {
    const date = dates[key]
    if (typeof date === 'string' && (!best || date > best.date)) best = { date, key }
  }
  return best
}

function statusOf(plan: Plan): string | undefined {
  const s = (plan.data as Partial<Plan['data']>).status
  return typeof s === 'string' ? s : undefined
}

export default defineRule({
  id: 'stale-parent',
  name: { zh: '上位预案已变更', en: 'Stale parent' },
  family: 'linkage',
  severity: 'warn',
  options: {},
  docs: {
    summary: {
      zh: '上位预案已被替代或废止，或在本预案最近一次发布或修订之后又发布或修订过（库外上位预案按引用文件目录判断）',
      en: 'A parent plan was superseded or retired, or was issued or revised after this plan was last issued or revised (external parents by the catalogue of cited documents)',
    },
    why: {
      zh: '上位预案中的有关规定发生变化是下级预案应当及时修订的情形之一（原国办发〔2013〕101号第二十五条，《突发事件应急预案管理办法》国办发〔2024〕5号保留）；各地报告反复指出下级预案没有随上级预案修订（见 docs/regulations.md#revision-triggers）。衔接已被替代或废止的预案，等于衔接一份不再有效的文件；库内有在用的新版在 supersedes 中列出它时，即使旧版的 status 没有改，也视为已被替代。比较的是双方 dates.published 和 dates.last_reviewed 中较晚的一个。已替代、已废止的预案本身不检查。库外上位预案（parents 中的 external）按引用文件目录（docs/regulations.md）判断：目录中的国家预案在本预案之后修订的（如国家自然灾害救助应急预案 2024 年由国办函〔2024〕11号修订），同样报告；目录不认识的库外预案不报告。默认为警告：需要人工评估是否真的要修订。',
      en: 'A change in the plan above is a statutory reason to revise the plans below (formerly 国办发〔2013〕101号 art. 25, kept by 国办发〔2024〕5号), and reports keep finding plans that were not (see docs/regulations.md#revision-triggers). Linking to a superseded or retired plan links to a document no longer in force; a plan that a version in force lists in supersedes counts as superseded even if its own status was not updated. The later of dates.published and dates.last_reviewed is compared on both sides. Superseded and retired plans are not checked themselves. A parent outside the library (external) is judged by the catalogue of cited documents (docs/regulations.md): a national plan it knows to have been revised after this plan (e.g. the National Natural Disaster Relief Plan, revised by 国办函〔2024〕11号) is reported too; external plans it does not know are not. A warning by default: someone has to judge whether a revision is needed.',
    },
    notReported: {
      zh: '已替代、已废止的预案本身不检查；引用文件目录不认识的库外上级预案（external）不检查；上位预案修订后本预案已评估（dates.last_reviewed 不早于上位预案的修订日期）时不报告。',
      en: 'Superseded and retired plans are not checked themselves; external parents the catalogue of cited documents does not know are not checked; a plan reviewed (dates.last_reviewed) on or after its parent\'s revision is not reported.',
    },
    fix: {
      zh: '把 parents 改为替代它的新版预案（yuanku lint --fix 在只有一个新版时自动修改）；上位预案修订后，对照评估本预案，修订或确认后更新 dates.last_reviewed。',
      en: 'Point parents at the version that replaced it (yuanku lint --fix does it when exactly one plan supersedes it); after the parent is revised, review this plan against it and update dates.last_reviewed.',
    },
    bad: '# 上位预案 shili-flood：dates: { published: 2025-06-01 }\nid: xishan-flood\nparents:\n  - plan: shili-flood\ndates: { approved: 2023-05-06, published: 2023-05-10 }',
    good: 'id: xishan-flood\nparents:\n  - plan: shili-flood\ndates: { approved: 2023-05-06, published: 2023-05-10, last_reviewed: 2025-09-01 }',
  },
  messages: {
    superseded: m(
      (d) => `上位预案“${d.title}”（${d.id}）已被替代，应改为衔接替代它的新版预案`,
      (d) => `Parent plan "${d.id}" was superseded; link to the version that replaced it`,
    ),
    'superseded-by': m(
      (d) => `上位预案“${d.title}”（${d.id}）已被“${d.byTitle}”替代，应改为 ${d.by}`,
      (d) => `Parent plan "${d.id}" was superseded by "${d.by}"; link to "${d.by}" instead`,
    ),
    retired: m(
      (d) => `上位预案“${d.title}”（${d.id}）已废止，请改为衔接现行的上级预案`,
      (d) => `Parent plan "${d.id}" was retired; link to a plan above that is in force`,
    ),
    'external-revised': m(
      (d) => `库外上位预案“${d.id}”已修订，现行版本为${d.current}，晚于本预案最近一次发布或修订（${d.own}）；请对照新版评估本预案`,
      (d) => `External parent "${d.id}" was revised: the current version is ${d.current}, after this plan was last issued or revised (${d.own}); review this plan against it`,
    ),
    revised: m(
      (d) => `上位预案“${d.title}”（${d.id}）于 ${d.date} ${d.key === 'published' ? '发布新版' : '修订'}，晚于本预案最近一次发布或修订（${d.own}）；请对照上位预案评估本预案`,
      (d) => `Parent plan "${d.id}" was ${d.key === 'published' ? 'issued' : 'revised'} on ${d.date}, after this plan was last issued or revised (${d.own}); review this plan against it`,
    ),
  },
  checkLibrary(ctx) {
    const { planById } = ctx.library
    // Plan id → plans in force that say they supersede it, with the index of that supersedes entry.
    const successors = new Map<string, { plan: Plan; index: number }[]>()
    for (const p of ctx.plans) {
      if (planStanding(p, ctx.today) !== 'active') continue
      for (const [index, old] of (p.data.supersedes ?? []).entries()) successors.set(old, [...(successors.get(old) ?? []), { plan: p, index }])
    }
    const index = catalogueIndex(ctx.library.settings)
    for (const plan of ctx.plans) {
      // Plans no longer in force are not checked themselves.
      if (plan.data.status === 'superseded' || plan.data.status === 'retired' || successors.has(plan.data.id)) continue
      const own = revisedOn(plan)
      plan.data.parents.forEach((entry, i) => {
        // A parent outside the library that the catalogue of cited documents knows to have been revised since.
        if ('external' in entry && typeof entry.external === 'string') {
          const found = own && index.titles.get(normaliseTitle(entry.external.replace(/^《|》$/g, '')))
          // Named by an old title, it is reported by repealed-basis.
          if (!found || found.index !== undefined) return
          const cur = currentVersion(found.doc)
          const date = cur && versionDate(cur)
          if (!cur || !date || found.doc.versions.length < 2 || date <= own.date) return
          ctx.report({
            file: plan,
            place: yamlPlace(plan, ['parents', i, 'external']),
            messageId: 'external-revised',
            data: { id: entry.external, date, own: own.date, current: describeVersion(found.doc, cur, ctx.locale === 'en') },
          })
          return
        }
        const parent = entry.plan === undefined ? undefined : planById.get(entry.plan)
        if (!parent || parent === plan) return
        const id = entry.plan!
        const path = ['parents', i, 'plan']
        const status = statusOf(parent)
        // A plan is superseded when it says so, or when a version in force names it in supersedes
        // (its own status may not have been updated: superseded-still-published).
        const by = successors.get(id) ?? []
        const marked = status === 'superseded' || status === 'retired'
        if (marked || by.length) {
          const single = status !== 'retired' && by.length === 1 ? by[0] : undefined
          const range = yamlRange(plan, path)
          const cause = marked
            ? { file: parent.path, place: yamlPlace(parent, ['status']) }
            : { file: by[0].plan.path, place: yamlPlace(by[0].plan, ['supersedes', by[0].index]) }
          ctx.report({
            file: plan,
            place: yamlPlace(plan, path),
            messageId: single ? 'superseded-by' : status === 'retired' ? 'retired' : 'superseded',
            data: { id, title: titleOf(parent), by: single?.plan.data.id, byTitle: single && titleOf(single.plan) },
            cause,
            // Certain: the new version names the old one in supersedes, and the value is the bare id.
            ...(single && range && plan.text.slice(range[0], range[1]) === id ? { fix: { start: range[0], end: range[1], text: single.plan.data.id } } : {}),
          })
          return
        }
        if (!isInForce(status) || !own) return
        const theirs = revisedOn(parent)
        if (!theirs || theirs.date <= own.date) return
        ctx.report({
          file: plan,
          place: yamlPlace(plan, path),
          messageId: 'revised',
          data: { id, title: titleOf(parent), date: theirs.date, own: own.date, key: theirs.key },
          cause: { file: parent.path, place: yamlPlace(parent, ['dates', theirs.key]) },
        })
      })
    }
  },
})
