import { defineRule, type Message } from './define-rule.ts'
import type { Plan } from '../model/plan.ts'
import { textRuns } from '../text/plan-text.ts'

type D = { word: string }
const m = (zh: (d: D) => string, en: (d: D) => string): Message<D> => ({ zh, en })

interface Options extends Record<string, unknown> {
  /** Sections (by name, numbering stripped) whose text is checked, with their sub-sections: a name containing one of these. */
  sections: string[]
}

const URGENT = /立即|及时|第一时间|迅速|尽快|马上/
const REPORT = /报告|上报|报送|续报|核报/
/** A concrete limit: 30分钟, 1 小时, 两小时, 半小时, 3个工作日, 24h. */
const LIMIT = /(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十百半]+)\s*(?:个\s*)?(?:分钟|小时|钟头|工作日|日|天|h\b|min\b)/i
/** Sentence ends; a line break ends a list item or table row. */
const SENTENCE = /[^。！？；!?;\n]+/g

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

export default defineRule<Options>({
  id: 'no-time-limit',
  name: { zh: '报告无时限', en: 'No time limit' },
  family: 'responsibility',
  severity: 'off',
  scope: 'file',
  options: { sections: ['信息报告', '应急响应'] },
  docs: {
    summary: {
      zh: '信息报告或应急响应中的“立即/及时/第一时间报告”没有具体时限',
      en: 'An information-report or response step says 立即/及时/第一时间 (immediately) but gives no time limit',
    },
    why: {
      zh: '信息报告要写明时限和责任人（GB/T 29639-2020；DOMAIN.md §2）。实际预案中常见“事发后 20 分钟内电话报告、40 分钟内书面报告”“1 小时内报告”；只写“立即”“及时”无法考核，也无法在演练中评分，是已知的薄弱环节。默认关闭，需要的库在 library.yaml 中开启。',
      en: 'Information reporting must state its time limit and who reports (GB/T 29639-2020; DOMAIN.md §2). Real plans say "phone within 20 minutes, in writing within 40 minutes" or "within 1 hour"; "immediately" alone cannot be checked in a drill and is a known weakness. Off by default; turn it on in library.yaml.',
    },
    fix: {
      zh: '在同一句中写明时限，如“事发后30分钟内电话报告，1小时内书面报告”。检查范围是标题含“信息报告”“应急响应”的章节及其下级章节中，同时含“立即/及时/第一时间/迅速/尽快/马上”和“报告/上报/报送/续报/核报”的句子；句中出现“N分钟”“N小时”“半小时”“N个工作日”“N日/天”即视为有时限。',
      en: 'State the limit in the same sentence, e.g. 事发后30分钟内电话报告，1小时内书面报告. Checked: sentences in sections whose title contains 信息报告 or 应急响应 (and their sub-sections) that contain both an urgency word (立即/及时/第一时间/迅速/尽快/马上) and a report verb (报告/上报/报送/续报/核报); N分钟, N小时, 半小时, N个工作日 or N日/天 in the sentence counts as a limit.',
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
    const sections = ([] as unknown[]).concat(ctx.options.sections).map(String).filter(Boolean)
    for (const [from, to] of checkedRanges(plan, sections)) {
      const text = prose(plan, from, to)
      for (const sentence of text.matchAll(SENTENCE)) {
        const s = sentence[0]
        const urgent = URGENT.exec(s)
        if (!urgent || !REPORT.test(s) || LIMIT.test(s)) continue
        const start = from + sentence.index! + urgent.index
        ctx.report({ file: plan, place: plan.lines.place(start, start + urgent[0].length), data: { word: urgent[0] } })
      }
    }
  },
})
