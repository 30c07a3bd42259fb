import { defineRule, message } from './define-rule.ts'
import { titleOf, type Plan } from '../model/plan.ts'
import type { Unit } from '../model/units.ts'
import { textRuns } from '../text/plan-text.ts'
import { unitMatcher, continuesName, type UnitMatcher } from '../text/unit-mentions.ts'

type D = { text: string; place: string; title: string; parentText: string; suggestion?: string; suggestionId?: string }
const m = message<D>
/** A name in the plan's text that looks like a body of its own level but is not registered, with its sentence (normalised). */
type Candidate = { name: string; start: number; sentence: string }

/** The level word a jurisdiction's own bodies start with in its plans: 西山县 → 县, 东城区 → 区, 青石镇 → 镇. */
function levelWord(j: Unit): string | undefined {
  if (j.name.endsWith('街道')) return '街道'
  const last = j.name.slice(-1)
  return '省市县区镇乡旗'.includes(last) ? last : undefined
}

/**
 * A body of the plan's own level as plain text writes it: the level word, a short name, and an
 * organisation ending (县卫生健康委, 县应急管理局, 镇综治办, 县消防救援大队, 县疾控中心, 县水文站). The name part
 * stops at words that make it a phrase rather than a name (县级有关部门, 各县区人民政府: no ending; 县有关单位).
 */
function namePattern(level: string): RegExp {
  return new RegExp(`${level}(?![级委域内外])((?:(?![的和与及或、等有关各负责组织做好在对向由是为将把按经报请])[\\u4e00-\\u9fff]){1,8}?)(委员会|办公室|管理局|局|委|办|大队|中队|支队|队|中心|站)`, 'gu')
}

/** Sentences of a text with offsets: split at 。；! ? and line breaks. */
function sentences(text: string, from: number): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = []
  let a = from
  for (let i = from; i <= text.length; i++) {
    if (i === text.length || /[。；;！!？?\n]/.test(text[i])) {
      if (i > a) out.push({ start: a, text: text.slice(a, i) })
      a = i + 1
    }
  }
  return out
}

/** A sentence with level words and unit-name characters made comparable: 市/县/区/镇 → L, no spaces or marks. */
function normal(s: string): string {
  return s.replace(/[市县区镇乡]/g, 'L').replace(/[\s*_`#>|，,、：:（）()“”"'《》]/g, '')
}

/** Share of the child's character bigrams that the parent sentence has too. */
function overlap(child: string, parent: string): number {
  if (child.length < 2) return 0
  const have = new Set<string>()
  for (let i = 0; i + 1 < parent.length; i++) have.add(parent.slice(i, i + 2))
  let hit = 0
  for (let i = 0; i + 1 < child.length; i++) if (have.has(child.slice(i, i + 2))) hit++
  return hit / (child.length - 1)
}

/** Whether a text is a registered name or alias, written with the level word or the jurisdiction's name. */
function registered(matcher: UnitMatcher, text: string, j: Unit, level: string): boolean {
  const rest = text.slice(level.length)
  return [text, j.name + rest, j.name.replace(/[省市县区镇乡旗]$|街道$/, '') + rest].some((t) => matcher.claimsOf(t) !== undefined)
}

/** The unit of the plan's jurisdiction whose name shares the longest start with the copied one (卫生健康委 → 卫生健康局). */
function closestLocal(local: Unit[], j: Unit, level: string, rest: string): Unit | undefined {
  let best: Unit | undefined
  let bestLen = 1
  for (const u of local) {
    for (const n of [u.name, ...(u.aliases ?? [])]) {
      const tail = n.startsWith(j.name) ? n.slice(j.name.length) : n.startsWith(level) ? n.slice(level.length) : undefined
      if (!tail) continue
      let k = 0
      while (k < tail.length && k < rest.length && tail[k] === rest[k]) k++
      if (k > bestLen) {
        best = u
        bestLen = k
      }
    }
  }
  return best
}

export default defineRule({
  id: 'unregistered-unit-name',
  name: { zh: '本级机构名称未登记', en: 'Unregistered local body' },
  family: 'responsibility',
  severity: 'warn',
  scope: 'library',
  options: {},
  docs: {
    summary: {
      zh: '正文写的本级机构名称在 units.yaml 中没有登记，且这段文字照抄自上级预案（县级预案写“县卫生健康委”，本县实为“卫生健康局”）',
      en: 'The text names a body of the plan\'s own level that units.yaml does not register, in a passage copied from the parent plan (县卫生健康委 where the county has a 卫生健康局)',
    },
    why: {
      zh: '下级预案照抄上级预案时，常把上级的机构名称只改一个“市”字，写出本地并不存在的机构（市县机构设置不同：市设卫生健康委员会，县多设卫生健康局）。应急时职责落到不存在的单位上；“照抄照搬、机构名称与本地不符”是各地预案检查反复指出的问题。单位在 units.yaml 中登记后，预案中的名称才能与职责、演练和覆盖检查对上。',
      en: 'A lower plan copied from the level above often changes only 市 to 县 in the names of bodies, naming bodies that do not exist locally (a city has a 卫生健康委员会, a county usually a 卫生健康局). In an emergency the duty lands on nobody; copied plans with names that do not fit the locality are a finding of plan inspections everywhere.',
    },
    fix: {
      zh: '改为本级实际设置的机构名称（消息会给出本行政区名称最接近的已登记单位）；机构确实存在的，在 units.yaml 中登记它（名称或别名）。不报告的情形：与上级预案中同一段落无关的文字（只在上级预案有相同段落、且上级写的是已登记的上级机构时才报告）；本行政区没有登记任何名称相近的单位时（如没有登记任何“财政”单位，就不判断“县财政局”，因为它可能只是没有登记）；已登记的名称或别名（写成“县××”或“西山县××”都算）；前面接着其他地名或更长名称的（“东山县卫生健康委”）；泛称（县级有关部门、各县区人民政府、县有关单位）；企业预案。',
      en: 'Use the body the jurisdiction really has (the message names the registered unit of the jurisdiction with the closest name); if the body exists, register it in units.yaml (name or alias). Not reported: text unrelated to the parent plan (only a passage the parent also has, where the parent names a registered body of its own level, is reported); a name for which the jurisdiction registers no unit with a similar name (with no 财政 unit registered, 县财政局 is not judged: it may simply be unregistered); registered names and aliases (as 县… or 西山县…); a name continuing another place name or a longer name (东山县卫生健康委); generic phrases (县级有关部门, 各县区人民政府, 县有关单位); enterprise plans.',
    },
    notReported: {
      zh: '与上级预案中同一段落无关的文字（只在上级预案有相同段落、且上级写的是已登记的上级机构时才报告）；本行政区没有登记任何名称相近的单位时（如没有登记任何“财政”单位，就不判断“县财政局”，因为它可能只是没有登记）；已登记的名称或别名（写成“县××”或“西山县××”都算）；前面接着其他地名或更长名称的（“东山县卫生健康委”）；泛称（县级有关部门、各县区人民政府、县有关单位）；企业预案。',
      en: 'Text unrelated to the parent plan (only a passage the parent also has, where the parent names a registered body of its own level, is reported); a name for which the jurisdiction registers no unit with a similar name (with no 财政 unit registered, 县财政局 is not judged: it may simply be unregistered); registered names and aliases (as 县… or 西山县…); a name continuing another place name or a longer name (东山县卫生健康委); generic phrases (县级有关部门, 各县区人民政府, 县有关单位); enterprise plans.',
    },
    bad: '# 西山县突发公共卫生事件应急预案（上级：示例市突发公共卫生事件应急预案）\n\n县卫生健康委负责组织医疗救治和疾病预防控制工作。\n\n# 上级预案中的同一段\n\n市卫生健康委负责组织医疗救治和疾病预防控制工作。',
    good: '# 西山县突发公共卫生事件应急预案\n\n县卫生健康局负责组织医疗救治和疾病预防控制工作。',
  },
  messages: {
    default: m(
      (d) =>
        `“${d.text}”不是${d.place}登记的单位；这段与上级预案“${d.title}”中“${d.parentText}”的段落相同，可能照抄了上级的机构名称${d.suggestion ? `：本地对应的单位可能是“${d.suggestion}”（${d.suggestionId}）` : '：请改为本地实际设置的机构，或在 units.yaml 中登记'}`,
      (d) =>
        `"${d.text}" is not a registered unit of ${d.place}; the passage is the one naming "${d.parentText}" in the parent plan "${d.title}", so the name may be copied from the level above${d.suggestion ? `: the local body is probably "${d.suggestion}" (${d.suggestionId})` : ': name the body the jurisdiction has, or register it in units.yaml'}`,
    ),
  },
  // The scan of the plan's own text needs its Markdown tree: it runs per plan, in the worker threads and
  // from the lint cache; checkLibrary then only compares the candidates with the parent plans.
  preparePlan(plan, ctx): Candidate[] {
    const { units } = ctx.library
    const j = units.get(plan.data.jurisdiction)
    if (!j || j.kind !== 'jurisdiction') return []
    const level = levelWord(j)
    if (!level || !plan.data.parents.some((ref) => ref.plan !== undefined)) return []
    const matcher = unitMatcher(units)
    const pattern = namePattern(level)
    const out: Candidate[] = []
    let own: { start: number; text: string }[] | undefined
    for (const run of textRuns(plan.tree, plan.text, plan.bodyStart)) {
      pattern.lastIndex = 0
      for (let hit = pattern.exec(run.value); hit; hit = pattern.exec(run.value)) {
        // 县卫生健康委员会, 县政府办公室: the lazy match stopped at 委 or 办 of the longer ending.
        const longer = /^(?:委员会|办公室)/.exec(run.value.slice(hit.index + hit[0].length - 1))
        const name = longer ? hit[0].slice(0, -1) + longer[0] : hit[0]
        if (registered(matcher, name, j, level)) continue
        if (continuesName(run.value, hit.index, [{ kind: 'relative' }])) continue
        const start = run.start + hit.index
        own ??= sentences(plan.text, plan.bodyStart)
        const sentence = own.find((s) => start >= s.start && start < s.start + s.text.length)
        if (sentence) out.push({ name, start, sentence: normal(sentence.text) })
      }
    }
    return out
  },
  checkLibrary(ctx) {
    const { units } = ctx.library
    const matcher = unitMatcher(units)
    const byId = new Map<string, Plan>()
    for (const plan of ctx.plans) if (!byId.has(plan.data.id)) byId.set(plan.data.id, plan)
    // Active units by jurisdiction, built once: a library of 10,000 units is not scanned per name.
    const byJurisdiction = new Map<string, Unit[]>()
    for (const u of units.units) {
      if (u.status === 'dissolved' || u.kind === 'jurisdiction') continue
      const j = units.jurisdictionOf(u.id)?.id
      if (!j) continue
      let list = byJurisdiction.get(j)
      if (!list) byJurisdiction.set(j, (list = []))
      list.push(u)
    }
    const parentSentences = new Map<Plan, { start: number; text: string; norm: string }[]>()
    const sentencesOf = (p: Plan) => {
      let list = parentSentences.get(p)
      if (!list) parentSentences.set(p, (list = sentences(p.text, p.bodyStart).map((s) => ({ ...s, norm: normal(s.text) }))))
      return list
    }
    for (const plan of ctx.plans) {
      const j = units.get(plan.data.jurisdiction)
      if (!j || j.kind !== 'jurisdiction') continue
      const level = levelWord(j)
      if (!level) continue
      const parents = plan.data.parents
        .map((ref) => (ref.plan === undefined ? undefined : byId.get(ref.plan)))
        .filter((p): p is Plan => !!p && p !== plan && units.get(p.data.jurisdiction)?.kind === 'jurisdiction' && p.data.jurisdiction !== plan.data.jurisdiction)
      if (!parents.length) continue
      const reported = new Set<string>()
      for (const { name, start, sentence: norm } of ctx.prepared<Candidate[]>(plan) ?? []) {
        if (reported.has(name)) continue
        const rest = name.slice(level.length)
        // Only where the jurisdiction registers a body for the same work under another name (卫生健康委
        // where it has 卫生健康局): a body it registers nothing for may exist unregistered (县财政局).
        const local = closestLocal(byJurisdiction.get(j.id) ?? [], j, level, rest)
        if (!local) continue
        for (const parent of parents) {
          const pj = units.get(parent.data.jurisdiction)!
          const plevel = levelWord(pj)
          if (!plevel) continue
          const parentName = plevel + rest
          // The parent names a registered body of its own level in the same passage.
          if (!registered(matcher, parentName, pj, plevel)) continue
          const same = sentencesOf(parent).find((s) => s.text.includes(parentName) && overlap(norm, s.norm) >= 0.7)
          if (!same) continue
          const at = same.start + same.text.indexOf(parentName)
          reported.add(name)
          ctx.report({
            file: plan,
            place: plan.lines.place(start, start + name.length),
            data: { text: name, place: j.name, title: titleOf(parent), parentText: parentName, suggestion: local.name, suggestionId: local.id },
            cause: {
              file: parent.path,
              place: parent.lines.place(at, at + parentName.length),
              message: ctx.locale === 'en' ? 'the same passage in the parent plan' : '上级预案中的相同段落',
            },
          })
          break
        }
      }
    }
  },
})
