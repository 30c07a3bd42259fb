import { defineRule } from './define-rule.ts'
import { textRuns } from '../text/plan-text.ts'

type D = { text: string }

// Counters and time units that follow a blank number in a template: X年X月X日, x个, ×名, X万元.
const UNIT = '(?:年|月|日|时|分钟|分|小时|天|个|人|名|次|支|台|辆|套|家|处|万元|万|元|号|条|项|吨|公里|户|艘|座)'
const X = '[XxＸｘ]'

/**
 * The placeholders that drafting templates leave behind, which inspection reports keep finding. Each alternative is narrow on
 * purpose: one 某 or one × is ordinary Chinese or arithmetic, an X inside a Latin word (XXL, Xbox) is
 * a word, and 待定 is also the start of 待定位/待定级/待定性.
 */
const BUILT_IN = [
  '【[^【】\\n]{0,40}】',
  // 20XX年 is a placeholder too, so a run may follow digits; a single X may not (2X is not a blank).
  `(?<![A-Za-z])(?:${X}{2,}|×{2,})(?![A-Za-z])${UNIT}?`,
  `(?<![A-Za-z0-9])[XxＸｘ×]${UNIT}`,
  '某某',
  '待定(?![位级性期])',
  '(?<![A-Za-z])(?:TBD|TODO|FIXME)(?![A-Za-z])',
  '(?:\\\\?[_＿]){2,}',
]

const YEAR_BRACKET = /^[【〔﹝\[［（(]\s*(?:19|20)\d{2}\s*[】〕﹞\]］）)]$/u
const DOC_NUMBER_TAIL = /^\s*第?\s*\d+\s*号/u

const patterns = new Map<string, RegExp>()

/** The pattern for these extra sources, built once per option value (callers reset lastIndex). */
function placeholderPattern(extra: string[]): RegExp {
  const key = JSON.stringify(extra)
  let pattern = patterns.get(key)
  if (!pattern) patterns.set(key, (pattern = buildPattern(extra)))
  return pattern
}

function buildPattern(extra: string[]): RegExp {
  const sources = [...BUILT_IN]
  for (const source of extra) {
    try {
      new RegExp(source, 'u')
    } catch (error) {
      throw new Error(`placeholder-text: option "patterns" holds an invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message}`)
    }
    sources.push(`(?:${source})`)
  }
  // TBD/TODO in any case; the other alternatives name their cases themselves.
  return new RegExp(sources.join('|'), 'giu')
}

export default defineRule({
  id: 'placeholder-text',
  name: { zh: '占位文字未填', en: 'Placeholder text' },
  family: 'form',
  severity: 'warn',
  scope: 'file',
  anyPlan: true,
  options: { patterns: [] as string[], allow: [] as string[] },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      patterns: { type: 'array', items: { type: 'string', minLength: 1 } },
      allow: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  docs: {
    summary: { zh: '正文中留有未填写的占位符（XX、×××、某某、待定、TBD、【…】、＿＿ 等）', en: 'Unfilled placeholders left in the text (XX, ×××, 某某, 待定, TBD, 【…】, underscores…)' },
    why: {
      zh: '照模板起草的预案常留下“XX年”“x个”“×××同志”之类的空位，各地检查报告屡屡点名（见 docs/regulations.md#inspection-findings）。空位意味着时限、数量或责任人没有落实，应急时无法执行。',
      en: 'Plans drafted from templates keep blanks such as “XX年”, “x个” or “×××同志”; inspection reports name them again and again (see docs/regulations.md#inspection-findings). A blank means a time limit, a number or a person was never decided.',
    },
    notReported: {
      zh: '代码块和行内代码中的文字不报告；options.allow 中列出的确切文字不报告；前言（frontmatter）不检查。',
      en: 'Text in code blocks and inline code is not reported, nor exact texts listed in options.allow; the frontmatter is not checked.',
    },
    fix: {
      zh: '填入实际的日期、数量、单位或人员；确实尚未确定的，写明由谁在何时确定。只检查正文文字，代码块和行内代码不检查。文号中括住四位年份的括号（【2008】第99号、〔2024〕5号、﹝2014﹞13号、[2013]101号）不是占位符。',
      en: 'Fill in the real date, number, unit or person; where it is not decided yet, say who decides by when. Only prose is checked, not code blocks or inline code. The brackets around the year of a document number (【2008】第99号, 〔2024〕5号, ﹝2014﹞13号, [2013]101号) are not placeholders.',
    },
    options: {
      zh: 'patterns（默认 []）：追加的占位符正则表达式（字符串，按 Unicode、不区分大小写匹配）；allow（默认 []）：允许出现的确切文字，例如 ["【注】"]。',
      en: 'patterns (default []): extra placeholder regular expressions (strings; Unicode, case-insensitive); allow (default []): exact texts that are fine, e.g. ["【注】"].',
    },
    bad: '本预案自XX年起施行。事发单位应在x个小时内报告，联系人×××同志，值班电话待定。',
    good: '本预案自2025年7月1日起施行。事发单位应在1小时内报告，联系人为市委网信办值班室主任，值班电话0100-12345678。',
  },
  messages: {
    default: {
      zh: (d: D) => `正文中留有未填写的占位符“${d.text}”`,
      en: (d: D) => `Unfilled placeholder "${d.text}" left in the text`,
    },
  },
  checkPlan(plan, ctx) {
    if (plan.issues.some((i) => i.messageId === 'unclosed')) return
    const pattern = placeholderPattern(ctx.options.patterns)
    const allow = new Set(ctx.options.allow)
    for (const run of textRuns(plan.tree, plan.text, plan.bodyStart)) {
      pattern.lastIndex = 0
      for (let m = pattern.exec(run.value); m; m = pattern.exec(run.value)) {
        if (m[0] === '') {
          pattern.lastIndex++
          continue
        }
        if (allow.has(m[0])) continue
        // 无锡市人民政府【2008】第99号: the year bracket of a document number, in any bracket, is not a blank.
        if (YEAR_BRACKET.test(m[0]) && DOC_NUMBER_TAIL.test(run.value.slice(m.index + m[0].length))) continue
        const start = run.start + m.index
        ctx.report({ file: plan, place: plan.lines.place(start, start + m[0].length), data: { text: m[0] } })
      }
    }
  },
})
