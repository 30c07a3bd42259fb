import { defineRule, message } from './define-rule.ts'
import { titleOf, type Plan } from '../model/plan.ts'
import { planFingerprint } from '../text/fingerprint.ts'
import { bodyShingles, containment, longestSharedPassage, type Passage, SIMILARITY_OPTIONS } from '../text/shingles.ts'
import { contentKey } from '../text/content-key.ts'
import { unitMatcher } from '../text/unit-mentions.ts'

type D = { percent: number; title: string; id: string; length: number }
const m = message<D>

interface Options extends Record<string, unknown> {
  /** Share of the child's shingles found in the parent at or above which the child is reported. */
  threshold: number
  /** Bodies shorter than this (normalised characters) are not compared. */
  minLength: number
}

interface Prepared {
  length: number
  sample: Uint32Array
}

/** The exact comparison of a child with a parent: containment, and the longest shared passage when reported. */
interface Verdict {
  share: number
  passage?: Passage
}

/**
 * How far below the threshold a sampled estimate may fall and still be checked exactly: two standard
 * errors of a proportion t measured on n sampled shingles. A copy exactly at the threshold is missed
 * with probability ≤ 2.3%, one 5 points above it practically never (n ≈ 600 for a real plan).
 */
function margin(threshold: number, n: number): number {
  return 2 * Math.sqrt((threshold * (1 - threshold)) / Math.max(1, n))
}

export default defineRule({
  id: 'copied-from-parent',
  name: { zh: '照抄上级预案', en: 'Copied from parent' },
  family: 'operability',
  severity: 'warn',
  options: { threshold: 0.6, minLength: 200 } satisfies Options,
  optionsSchema: SIMILARITY_OPTIONS,
  docs: {
    summary: { zh: '正文大部分照抄上级预案（照抄照搬）', en: 'The body is largely the text of its parent plan' },
    why: {
      zh: '各地应急管理部门的年度报告和预案检查通报反复指出：下级预案照抄照搬上级预案，不结合本地风险、队伍和物资实际，到用时无法操作（见 docs/regulations.md#inspection-findings）。预案应建立在本地的风险评估和应急资源调查之上：生产经营单位备案时须附这两项结果（《生产安全事故应急预案管理办法》，应急管理部令第2号修正），政府预案见《突发事件应急预案管理办法》（国办发〔2024〕5号）的编制规定。',
      en: 'Annual reports and inspection notices of emergency offices name it again and again: lower-level plans copied from the plan above, without local risks, teams and supplies, are useless when needed (see docs/regulations.md#inspection-findings). Plans must build on a local risk assessment and resource survey: enterprises file both with the plan (MEM Order No. 2), and the 2024 measures (国办发〔2024〕5号) ask the same when government plans are drafted.',
    },
    notReported: {
      zh: '正文（去掉空白、标点后）少于 minLength 字的预案不比较；只与 parents 中库内的上位预案比较，external 不比较；行政区名、单位名、数字不同不会掩盖照搬，但相同的法定表述（如分级标准）低于阈值时不报告。',
      en: 'Bodies shorter than minLength are not compared; only in-library parents are compared, not external ones; text shared below the threshold (e.g. the statutory severity scale) is not reported.',
    },
    fix: {
      zh: '按本地实际改写被照搬的段落：写明本地的风险点、责任单位、队伍、物资、联系方式和时限；只在确需一致的地方（如分级标准）引用上级预案。',
      en: 'Rewrite the copied passages for local conditions: local risks, units, teams, supplies, contacts and time limits; refer to the parent plan where the text must be the same (e.g. severity levels).',
    },
    options: {
      zh: 'threshold：子预案正文的字片段（5 字）有多大比例出现在上级预案中即报告，默认 0.6；minLength：正文（去掉空白、标点后）少于此字数不比较，默认 200。比较前行政区名、单位名称和数字都替换为占位符，“市/县/区/镇/乡”视为同一字，所以把“示例市”换成“西山县”、“市水利局”换成“县水利局”、“30分钟”换成“20分钟”不会掩盖照搬。',
      en: 'threshold: the share of the child body\'s 5-character shingles that are also in the parent at or above which it is reported, default 0.6; minLength: bodies shorter than this many characters (without whitespace and punctuation) are not compared, default 200. Jurisdiction and unit names and numbers are masked, and 市/县/区/镇/乡 are one character, so replacing 示例市 by 西山县, 市水利局 by 县水利局 or 30分钟 by 20分钟 does not hide a copy.',
    },
    bad: '# xishan/flood.md（上级预案 shili-flood 的正文只把“示例市”改成了“西山县”）\n## 一、总则\n为了做好西山县防汛抗旱工作，最大程度地减少人员伤亡和财产损失……\n## 二、组织指挥体系\n县防汛抗旱指挥部负责领导、组织全县防汛抗旱工作……',
    good: '# xishan/flood.md\n## 一、总则\n西山县地处青龙河上游，境内有白石水库等小型水库 12 座，汛期主要风险是山洪和水库超汛限水位……\n## 二、组织指挥体系\n县防汛抗旱指挥部设在县水利局，青石镇、松岭乡设防汛工作站……',
  },
  messages: {
    default: m(
      (d) => `${d.percent}% 的正文与上级预案“${d.title}”（${d.id}）相同，最长一段 ${d.length} 字照搬：请结合本地实际改写`,
      (d) => `${d.percent}% of the body is the same as the parent plan "${d.title}" (${d.id}), the longest copied passage ${d.length} characters: adapt it to local conditions`,
    ),
  },
  preparePlan(plan, ctx): Prepared {
    const { length, sample } = planFingerprint(plan, ctx.library.units)
    return { length, sample }
  },
  checkLibrary(ctx) {
    const { threshold, minLength } = ctx.options
    const matcher = unitMatcher(ctx.library.units)
    const byId = new Map<string, Plan>()
    for (const plan of ctx.plans) if (!byId.has(plan.data.id)) byId.set(plan.data.id, plan)
    // Exact shingle sets, only for the plans whose sampled estimate comes near the threshold.
    const sets = new Map<Plan, Uint32Array>()
    const setOf = (plan: Plan) => {
      let set = sets.get(plan)
      if (!set) sets.set(plan, (set = bodyShingles(plan, matcher).set))
      return set
    }
    for (const child of ctx.plans) {
      const c = ctx.prepared<Prepared>(child)
      if (!c || c.length < minLength) continue
      const seen = new Set<Plan>()
      for (const ref of child.data.parents) {
        const parent = ref.plan === undefined ? undefined : byId.get(ref.plan)
        if (!parent || parent === child || seen.has(parent)) continue
        seen.add(parent)
        const p = ctx.prepared<Prepared>(parent)
        if (!p || containment(c.sample, p.sample) < threshold - margin(threshold, c.sample.length)) continue
        // The exact check reads both bodies again: its outcome depends only on the two texts (and the
        // registry and options, which key the memo), so a warm run takes it from the cache.
        const key = `${threshold}:${contentKey(child)}:${contentKey(parent)}`
        let verdict = ctx.memo?.get(key) as Verdict | undefined
        if (!verdict || typeof verdict.share !== 'number') {
          const exact = containment(setOf(child), setOf(parent))
          verdict = { share: exact, passage: exact >= threshold ? longestSharedPassage(bodyShingles(child, matcher), bodyShingles(parent, matcher)) : undefined }
          ctx.memo?.set(key, verdict)
        }
        const { share, passage } = verdict
        if (share < threshold || !passage) continue
        ctx.report({
          file: child,
          place: child.lines.place(passage.start, passage.end),
          data: { percent: Math.round(share * 100), title: titleOf(parent), id: parent.data.id, length: passage.length },
          cause: {
            file: parent.path,
            place: parent.lines.place(passage.otherStart, passage.otherEnd),
            message: ctx.locale === 'en' ? 'the same passage in the parent plan' : '上级预案中的相同段落',
          },
        })
      }
    }
  },
})
