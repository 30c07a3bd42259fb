import { defineRule, message } from './define-rule.ts'
import type { Plan } from '../model/plan.ts'
import { textRuns } from '../text/plan-text.ts'

type D = { word: string }
const m = message<D>

interface Options extends Record<string, unknown> {
  /** Sections (by name, numbering stripped) whose text is checked, with their sub-sections: a name containing one of these. */
  sections: string[]
}

const URGENT = /立即|及时|第一时间|迅速|尽快|马上/
const REPORT = /报告|上报|报送|续报|核报/
/** A concrete limit: 30分钟, 1 小时, 两小时, 半小时, 3个工作日, 24h. */
const LIMIT = /(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十百半]+)\s*(?:个\s*)?(?:分钟|小时|钟头|工作日|日|天|h\b|min\b)/i
/**
 * Sentence ends; a line break ends a list item or table row. A semicolon does not end a sentence: the
 * statutory first report (生产安全事故报告和调查处理条例 第九条) chains its clauses with "；".
 */
const SENTENCE = /[^。！？!?\n]+/g
const CLAUSE = /[^；;]+/g
/** A report inside the unit: to its head, duty room, dispatcher, team leader or own command post. */
const INTERNAL_TARGET =
  /(?:向|报告给?|报)(?:本|所在|事发|其所在)?(?:单位|企业|公司|工厂|厂|车间|班组|岗位|部门|项目部|矿)?(?:的)?(?:主要|有关|现场|值班|当班|安全)?(?:负责人|总经理|厂长|矿长|董事长|领导|班组长|班长|值班室|值班人员|调度室|调度中心|总调度|应急办公室|安全管理部门|安全管理人员|现场指挥部|现场指挥|总指挥|应急指挥部)/
/** The person who finds the event: their first report goes to their own unit. */
const DISCOVERER = /^[\s，,]*(?:[（(]?[0-9一二三四五六七八九十]+[)）.．、]\s*)?(?:(?:事故|事件|事发)?现场(?:有关|的)?(?:人员|员工|作业人员)|(?:第一)?发现人|发现者|岗位(?:人员|员工)|当班人员|从业人员|作业人员|员工|职工)/
/** A row of a reporting table whose first cell is the unit's own head or duty room. */
const INTERNAL_ROW = /^\s*(?:本单位|单位|企业|公司)?(?:主要)?(?:负责人|总经理|厂长|矿长|董事长|值班室|调度室|中控室|班组长)\s/
/** A report outside the unit: to a government, one of its departments, the level above, or an emergency number. */
const EXTERNAL_TARGET = /人民政府|政府|局|委员会|[^副总]委|办公室|上级|主管部门|监管部门|管理部门|11[09]|12[02]/

/** Ranges [start, end) of the checked sections, nested ones merged. */
function checkedRanges(plan: Plan, names: string[]): [number, number][] {
  const ranges = plan.sections
    .filter((s) => names.some((n) => s.name.includes(n)))
    .map((s): [number, number] => [s.bodyStart, s.end])
    .sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([...r])
  }
  return merged
}

/** The prose of text[from, to) at its own offsets: Markdown syntax, code and HTML blanked, line breaks kept. */
function prose(plan: Plan, from: number, to: number): string {
  const chars = plan.text.slice(from, to).replace(/[^\n]/g, ' ').split('')
  for (const run of textRuns(plan.tree, plan.text, from, to)) {
    for (let i = 0; i < run.value.length && run.start + i < to; i++) chars[run.start - from + i] = run.value[i]
  }
  return chars.join('')
}

/** The discoverer's or the unit's own immediate report to its head or command: correct without a limit. */
function isInternal(clause: string): boolean {
  if (INTERNAL_TARGET.test(clause) && !EXTERNAL_TARGET.test(clause.replace(INTERNAL_TARGET, ''))) return true
  if (INTERNAL_ROW.test(clause)) return true
  return DISCOVERER.test(clause) && !EXTERNAL_TARGET.test(clause)
}

export default defineRule({
  id: 'no-time-limit',
  name: { zh: '报告无时限', en: 'No time limit' },
  family: 'responsibility',
  severity: 'off',
  scope: 'file',
  options: { sections: ['信息报告', '应急响应'] } satisfies Options,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sections: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
  },
  docs: {
    summary: {
      zh: '信息报告或应急响应中的“立即/及时/第一时间报告”没有具体时限',
      en: 'An information-report or response step says 立即/及时/第一时间 (immediately) but gives no time limit',
    },
    why: {
      zh: '信息报告要写明时限和责任人（GB/T 29639-2020 综合应急预案“信息报告”要素）。实际预案中常见“事发后 20 分钟内电话报告、40 分钟内书面报告”“1 小时内报告”；向政府或上级报告只写“立即”“及时”无法考核，也无法在演练中评分，是已知的薄弱环节。默认关闭，需要的库在 library.yaml 中开启。',
      en: 'Information reporting must state its time limit and who reports (GB/T 29639-2020, information-report element of the comprehensive plan). Real plans say "phone within 20 minutes, in writing within 40 minutes" or "within 1 hour"; a report to the government or the level above that says only "immediately" cannot be checked in a drill and is a known weakness. Off by default; turn it on in library.yaml.',
    },
    fix: {
      zh: '在同一句中写明时限，如“事发后30分钟内电话报告，1小时内书面报告”。检查范围是标题含“信息报告”“应急响应”的章节及其下级章节中，同时含“立即/及时/第一时间/迅速/尽快/马上”和“报告/上报/报送/续报/核报”的分句（以“；”分开）；分句中出现“N分钟”“N小时”“半小时”“N个工作日”“N日/天”即视为有时限。',
      en: 'State the limit in the same sentence, e.g. 事发后30分钟内电话报告，1小时内书面报告. Checked: clauses (split at ；) in sections whose title contains 信息报告 or 应急响应 (and their sub-sections) that contain both an urgency word (立即/及时/第一时间/迅速/尽快/马上) and a report verb (报告/上报/报送/续报/核报); N分钟, N小时, 半小时, N个工作日 or N日/天 in the clause counts as a limit.',
    },
    notReported: {
      zh: '单位内部的首报不报告：事故现场有关人员、发现人、岗位人员向本单位负责人、值班室、调度室、现场指挥部“立即报告”是正确写法（生产安全事故报告和调查处理条例第九条：“事故现场有关人员应当立即向本单位负责人报告；单位负责人接到报告后，应当于1小时内……报告”），报告表中首列为本单位负责人或值班室的行也一样。时限写在紧随其后的分句中（“立即报告；最迟不超过1小时”）也算有时限。只报告向政府、部门、上级或 110/119/120 报告而无时限的情形。',
      en: 'The unit\'s internal first report is not reported: the people at the scene, the discoverer or the post reporting "immediately" to the unit\'s head, duty room, dispatcher or on-site command is correct (Regulations on the Reporting, Investigation and Handling of Production Safety Accidents, art. 9: people at the scene report to the unit head immediately; the unit head reports within 1 hour), and so is a row of a reporting table whose first cell is the unit head or duty room. A limit in the clause right after (立即报告；最迟不超过1小时) counts. Only reports to a government, a department, the level above or 110/119/120 without a limit are reported.',
    },
    options: {
      zh: 'sections：检查哪些章节（标题去掉编号后包含其中任一词），默认 ["信息报告", "应急响应"]。',
      en: 'sections: which sections are checked (a title, numbering stripped, containing one of these), default ["信息报告", "应急响应"].',
    },
    bad: '## （四）信息报告\n\n事发单位应立即向县应急管理局报告。',
    good: '## （四）信息报告\n\n事发单位应在事发后30分钟内向县应急管理局电话报告，1小时内书面报告。',
  },
  messages: {
    default: m(
      (d) => `“${d.word}”报告没有具体时限：请写明多少分钟或小时内报告（如“事发后30分钟内电话报告，1小时内书面报告”）`,
      (d) => `"${d.word}" (immediately) report with no time limit: say within how many minutes or hours (e.g. 事发后30分钟内电话报告，1小时内书面报告)`,
    ),
  },
  checkPlan(plan, ctx) {
    const sections = ctx.options.sections
    for (const [from, to] of checkedRanges(plan, sections)) {
      const text = prose(plan, from, to)
      for (const sentence of text.matchAll(SENTENCE)) {
        const clauses = [...sentence[0].matchAll(CLAUSE)]
        clauses.forEach((clause, i) => {
          const c = clause[0]
          const urgent = URGENT.exec(c)
          if (!urgent || !REPORT.test(c) || LIMIT.test(c)) return
          // "立即报告；最迟不超过1小时": the next clause gives this report's limit.
          const next = clauses[i + 1]?.[0]
          if (next && LIMIT.test(next) && !REPORT.test(next)) return
          if (isInternal(c)) return
          const start = from + sentence.index! + clause.index! + urgent.index
          ctx.report({ file: plan, place: plan.lines.place(start, start + urgent[0].length), data: { word: urgent[0] } })
        })
      }
    }
  },
})
