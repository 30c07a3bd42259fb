import { defineRule, message } from './define-rule.ts'
import { titleOf, type Plan } from '../model/plan.ts'
import { planFingerprint } from '../text/fingerprint.ts'
import { banding, candidatePairs, estimateJaccard } from '../text/minhash.ts'
import { bodyShingles, jaccard, longestSharedPassage, type Passage, SIMILARITY_OPTIONS } from '../text/shingles.ts'
import { unitMatcher, type UnitMatcher } from '../text/unit-mentions.ts'
import { contentKeyOfAll } from '../text/content-key.ts'

type D = { percent: number; title: string; id: string; owner: string; length: number }
const m = message<D>

interface Options extends Record<string, unknown> {
  /** Jaccard similarity of the two bodies' shingle sets at or above which a pair is reported. */
  threshold: number
  /** Bodies shorter than this (normalised characters) are not compared. */
  minLength: number
}

interface Prepared {
  length: number
  signature: Uint32Array
}

/** A signature estimate this far below the threshold (≈ 3 standard errors at 128 hashes) is still checked exactly. */
const ESTIMATE_MARGIN = 0.1
/** A plan is reported with at most this many earlier near-duplicates (the most similar), so a family of copies does not flood the report. */
export const MAX_PER_PLAN = 5

/** Pairs i < j (as i·n + j) of plans where one lists the other among its parents. */
function parentChildPairs(plans: Plan[]): Set<number> {
  const n = plans.length
  const index = new Map<string, number>()
  plans.forEach((plan, i) => index.has(plan.data.id) || index.set(plan.data.id, i))
  const pairs = new Set<number>()
  plans.forEach((plan, i) => {
    for (const ref of plan.data.parents) {
      const j = ref.plan === undefined ? undefined : index.get(ref.plan)
      if (j !== undefined && j !== i) pairs.add(Math.min(i, j) * n + Math.max(i, j))
    }
  })
  return pairs
}

export default defineRule({
  id: 'near-duplicate',
  name: { zh: '正文几乎相同', en: 'Near-duplicate' },
  family: 'operability',
  severity: 'warn',
  options: { threshold: 0.8, minLength: 200 } satisfies Options,
  optionsSchema: SIMILARITY_OPTIONS,
  docs: {
    summary: { zh: '两个不同单位的预案正文几乎相同', en: 'Two plans of different owners are nearly the same text' },
    why: {
      zh: '不同行政区或单位的预案几乎一字不差，说明至少有一方没有结合本地风险、队伍和物资编写，是年度报告反复指出的“照抄照搬”（见 docs/regulations.md#inspection-findings）。上下级之间的照抄由 copied-from-parent 检查。',
      en: 'When the plans of two jurisdictions or units are almost word for word the same, at least one was not written for its own risks, teams and supplies: the copying that annual reports keep naming (see docs/regulations.md#inspection-findings). Copying between a plan and its parent is copied-from-parent\'s job.',
    },
    notReported: {
      zh: '同一所属单位（jurisdiction）的预案之间、直接上下级预案之间不报告（后者由 copied-from-parent 检查）；正文少于 minLength 字的不比较；每个预案最多报告 5 个最相似的预案。',
      en: 'Plans of the same owner (jurisdiction) and direct parent–child pairs are not reported (the latter is copied-from-parent\'s); bodies shorter than minLength are not compared; at most 5 most similar plans per plan.',
    },
    fix: {
      zh: '按本单位实际改写后出现的预案（消息指向两者最长的相同段落）；确属同一预案的（如联合预案），只保留一份，由另一方在 parents 或 related 中引用。',
      en: 'Rewrite the later plan for its own situation (the finding points at the longest shared passage); if both are truly one plan (e.g. a joint plan), keep one and link it from the other through parents or related.',
    },
    options: {
      zh: 'threshold：两个正文 5 字片段集合的 Jaccard 相似度达到此值即报告，默认 0.8；minLength：正文（去掉空白、标点后）少于此字数不比较，默认 200。行政区名、单位名称和数字比较前替换为占位符。同一所属单位（jurisdiction）的预案之间、直接上下级预案之间不报告。每个预案最多报告与它最相似的 5 个先出现的预案。',
      en: 'threshold: Jaccard similarity of the two bodies\' 5-character shingle sets at or above which a pair is reported, default 0.8; minLength: bodies shorter than this many characters (without whitespace and punctuation) are not compared, default 200. Jurisdiction and unit names and numbers are masked first. Plans of the same owner (jurisdiction) and direct parent–child pairs are not reported. A plan is reported with at most its 5 most similar earlier plans.',
    },
    bad: '# dongcheng/flood.md（jurisdiction: dongcheng-qu）\n## 一、总则\n为了做好西山县防汛抗旱工作……（与 xishan/flood.md 只差单位名称）',
    good: '# dongcheng/flood.md（jurisdiction: dongcheng-qu）\n## 一、总则\n东城区为平原城区，主要风险是城市内涝和地下空间进水……',
  },
  messages: {
    default: m(
      (d) => `正文与${d.owner}的“${d.title}”（${d.id}）有 ${d.percent}% 相同，最长相同段落 ${d.length} 字：不同单位的预案应各自结合实际编写`,
      (d) => `${d.percent}% of the text is the same as "${d.title}" (${d.id}) of ${d.owner}, the longest shared passage ${d.length} characters: each owner's plan should be written for its own situation`,
    ),
  },
  preparePlan(plan, ctx): Prepared {
    const { length, signature } = planFingerprint(plan, ctx.library.units)
    return { length, signature }
  },
  checkLibrary(ctx) {
    const { threshold, minLength } = ctx.options
    const { units } = ctx.library
    const matcher = unitMatcher(units)
    const plans = [...ctx.plans].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    const signatures = plans.map((plan) => {
      const p = ctx.prepared<Prepared>(plan)
      return p && p.length >= minLength ? p.signature : undefined
    })
    // The outcome depends only on the plans' paths and contents (and the registry and options, which key
    // the memo): a run where no plan changed replays it instead of comparing again.
    const key = ctx.memo ? `${threshold}:${minLength}:${contentKeyOfAll(plans)}` : undefined
    const remembered = key ? ctx.memo!.get(key) : undefined
    const outcome = Array.isArray(remembered) ? (remembered as Found[]) : compare(plans, signatures, threshold, matcher)
    if (key && remembered !== outcome) ctx.memo!.set(key, outcome)
    for (const [later, e, share, passage] of outcome) {
      const plan = plans[later]
      const other = plans[e]
      ctx.report({
        file: plan,
        place: plan.lines.place(passage.start, passage.end),
        data: { percent: Math.round(share * 100), title: titleOf(other), id: other.data.id, owner: units.name(other.data.jurisdiction), length: passage.length },
        cause: {
          file: other.path,
          place: other.lines.place(passage.otherStart, passage.otherEnd),
          message: ctx.locale === 'en' ? 'the same passage in the other plan' : '另一预案中的相同段落',
        },
      })
    }
  },
})

/** A reported pair: indices into the plans sorted by path, Jaccard similarity, longest shared passage. */
type Found = [later: number, earlier: number, share: number, passage: Passage]

function compare(plans: Plan[], signatures: (Uint32Array | undefined)[], threshold: number, matcher: UnitMatcher): Found[] {
  const out: Found[] = []
  const owners = plans.map((plan) => plan.data.jurisdiction)
  const linked = parentChildPairs(plans)
  const sets = new Map<Plan, Uint32Array>()
  const setOf = (plan: Plan) => {
    let set = sets.get(plan)
    if (!set) sets.set(plan, (set = bodyShingles(plan, matcher).set))
    return set
  }
  for (const [later, earlier] of candidatePairs(signatures, banding(threshold))) {
    const plan = plans[later]
    const found: { other: Plan; index: number; share: number }[] = []
    for (const e of earlier) {
      if (owners[e] === owners[later] || linked.has(e * plans.length + later)) continue
      if (estimateJaccard(signatures[later]!, signatures[e]!) < threshold - ESTIMATE_MARGIN) continue
      const other = plans[e]
      const share = jaccard(setOf(plan), setOf(other))
      if (share >= threshold) found.push({ other, index: e, share })
    }
    if (!found.length) continue
    found.sort((a, b) => b.share - a.share)
    const mine = bodyShingles(plan, matcher)
    for (const { other, index, share } of found.slice(0, MAX_PER_PLAN)) {
      const passage = longestSharedPassage(mine, bodyShingles(other, matcher))
      if (passage) out.push([later, index, share, passage])
    }
  }
  return out
}
