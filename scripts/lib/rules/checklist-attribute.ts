import type { List, ListItem, Paragraph, RootContent } from 'mdast'
import { defineRule, message, type Report } from './define-rule.ts'
import { findSection, type SourceFile } from '../model/plan.ts'
import { ATTRIBUTE_KEYS, parseAttributes, type AttributeProblem } from '../drill/attributes.ts'
import { closest, editDistance } from '../text/closest.ts'

type D = { token: string; key?: string; value?: string; suggestion?: string }
const m = message<D>
type Id = 'unclosed' | 'unknown-key' | 'bad-points' | 'bad-within' | 'bad-flag' | 'not-at-end'

const TRAILING = /[{｛]([^{}｛｝]*)[}｝]\s*$/
/** An opening brace with no closing one up to the end of the item, holding something like key=value. */
const UNCLOSED = /[{｛]([^{}｛｝]*[=＝:：][^{}｛｝]*|\s*(?:分值|时限|否决|points|within|critical)[^{}｛｝]*)$/
/** Braces in the middle of the item whose content reads entirely as attributes: they are not at the end. */
const INNER = /[{｛]([^{}｛｝]+)[}｝]/g

type Found = { start: number; end: number; messageId: Id; data: D }

/** Problems in the attributes of one checklist item, written in `source` from offset `at`. */
export function attributeProblems(source: string, at: number): Found[] {
  const text = source.replace(/\s+$/, '')
  const trailing = TRAILING.exec(text)
  if (trailing) {
    const inside = at + trailing.index + trailing[0].indexOf(trailing[1])
    return parseAttributes(trailing[1]).problems.map((p) => fromProblem(p, inside))
  }
  const unclosed = UNCLOSED.exec(text)
  if (unclosed) return [{ start: at + unclosed.index, end: at + text.length, messageId: 'unclosed', data: { token: unclosed[0] } }]
  for (const inner of text.matchAll(INNER)) {
    const { attributes, problems } = parseAttributes(inner[1])
    if (problems.length === 0 && Object.keys(attributes).length > 0) {
      return [{ start: at + inner.index, end: at + inner.index + inner[0].length, messageId: 'not-at-end', data: { token: inner[0] } }]
    }
  }
  return []
}

function fromProblem(p: AttributeProblem, inside: number): Found {
  const data: D = { token: p.token, key: p.key, ...(p.value === undefined ? {} : { value: p.value }) }
  if (p.reason === 'unknown-key') {
    // Only a near miss (point → points): any two Chinese keys are two edits apart.
    const suggestion = closest(p.key, ATTRIBUTE_KEYS)
    if (suggestion && editDistance(p.key.toLowerCase(), suggestion) <= Math.floor(suggestion.length / 3)) data.suggestion = suggestion
  }
  return { start: inside + p.offset, end: inside + p.offset + p.token.length, messageId: p.reason, data }
}

/** The paragraphs of the GFM task items under `nodes`, nested lists included. */
function taskParagraphs(nodes: RootContent[]): Paragraph[] {
  const out: Paragraph[] = []
  const visit = (list: List) => {
    for (const li of list.children as ListItem[]) {
      const para = li.children.find((c): c is Paragraph => c.type === 'paragraph')
      if (li.checked !== null && li.checked !== undefined && para) out.push(para)
      for (const child of li.children) if (child.type === 'list') visit(child)
    }
  }
  for (const node of nodes) if (node.type === 'list') visit(node)
  return out
}

function checkItems(file: SourceFile, nodes: RootContent[], report: (r: Report<Id>) => void): void {
  for (const para of taskParagraphs(nodes)) {
    const start = para.position?.start.offset
    const end = para.position?.end.offset
    if (start === undefined || end === undefined) continue
    for (const f of attributeProblems(file.text.slice(start, end), start)) {
      report({ file, place: file.lines.place(f.start, f.end), messageId: f.messageId, data: f.data })
    }
  }
}

export default defineRule({
  id: 'checklist-attribute',
  name: { zh: '清单项属性有误', en: 'Malformed checklist attribute' },
  family: 'operability',
  severity: 'warn',
  scope: 'file',
  anyPlan: true,
  options: {},
  docs: {
    summary: {
      zh: '演练评估要点中清单项末尾的属性（{分值=5 时限=30分钟 否决}）写错了，打分时会被忽略',
      en: 'A checklist item\'s attributes ({分值=5 时限=30分钟 否决}) in the drill-evaluation section are malformed and would be ignored when scoring',
    },
    why: {
      zh: '分值、时限和否决项决定演练评估的得分和等级。写错的属性（{分值=abc}、{时限=三十}、漏了右括号、不认识的键）过去被默默丢掉：该项按 1 分、不计时、非否决项评分，与编写者的本意不同，评估结果也就不可信。生产安全事故应急演练评估规范（AQ/T 9009-2015）要求评估内容和评分标准事先明确。',
      en: 'Points, time limits and critical flags decide a drill\'s score and grade. A malformed attribute ({分值=abc}, {时限=三十}, a missing closing brace, an unknown key) used to be dropped silently: the item was scored at 1 point, untimed and not critical, unlike what the author meant. AQ/T 9009-2015 (evaluation of production-safety emergency drills) requires evaluation items and scoring criteria to be set beforehand.',
    },
    fix: {
      zh: '按以下写法改正：分值=正数（如 分值=5），时限=数字加单位（如 时限=30分钟、时限=2小时；英文 within=30m），否决（或 否决=是/否）；属性写在清单项末尾的一对花括号中，用空格分隔。',
      en: 'Write points as a positive number (分值=5 / points=5), a time limit as a number with a unit (时限=30分钟, within=30m), and 否决 / critical as a bare flag (or =yes/no); put the attributes in one pair of braces at the end of the item, separated by spaces.',
    },
    notReported: {
      zh: '只检查演练评估要点章节（及清单模板）中的任务清单项（- [ ]）；普通列表和正文中的花括号不检查；清单项中间的花括号只有其内容全部是有效属性时才报告（提示应移到末尾）；未写任何属性的清单项不报告。',
      en: 'Only task items (- [ ]) of the drill-evaluation section (and of checklist templates) are read; braces in ordinary lists and text are not; braces in the middle of an item are reported only when all of their content reads as valid attributes (they belong at the end); items without attributes are not reported.',
    },
    bad: '## 演练评估要点\n\n- [ ] 水利局报告水情 {分值=abc 时限=三十 否决}\n- [ ] 指挥部启动响应 {分值=5',
    good: '## 演练评估要点\n\n- [ ] 水利局报告水情 {分值=5 时限=30分钟 否决}\n- [ ] 指挥部启动响应 {分值=5}',
  },
  messages: {
    'bad-points': m(
      (d) => `分值“${d.value ?? ''}”不是正数，该项会按 1 分计算：应写作如 ${d.key}=5`,
      (d) => `Points "${d.value ?? ''}" is not a positive number, so the item counts 1 point: write e.g. ${d.key}=5`,
    ),
    'bad-within': m(
      (d) => `时限“${d.value ?? ''}”无法识别，该项不会计时：应写作数字加单位，如 ${d.key}=${/^[a-z]/i.test(d.key ?? '') ? '30m' : '30分钟'}`,
      (d) => `Time limit "${d.value ?? ''}" cannot be read, so the item is not timed: write a number with a unit, e.g. ${d.key}=${/^[a-z]/i.test(d.key ?? '') ? '30m' : '30分钟'}`,
    ),
    'bad-flag': m(
      (d) => `否决项的取值“${d.value ?? ''}”无法识别：只写“${d.key}”即可，或写 ${d.key}=是 / ${d.key}=否`,
      (d) => `The critical flag's value "${d.value ?? ''}" cannot be read: write just "${d.key}", or ${d.key}=yes / ${d.key}=no`,
    ),
    'unknown-key': m(
      (d) => `清单项属性“${d.token}”无法识别，会被忽略${d.suggestion ? `：是否应为“${d.suggestion}”？` : ''}（可用：分值、时限、否决）`,
      (d) => `Checklist attribute "${d.token}" is not known and would be ignored${d.suggestion ? ` — did you mean "${d.suggestion}"?` : ''} (known: points, within, critical)`,
    ),
    unclosed: m(
      (d) => `清单项末尾的属性“${d.token}”缺少右花括号“}”，不会生效`,
      (d) => `The attributes "${d.token}" at the end of the item lack the closing brace "}" and have no effect`,
    ),
    'not-at-end': m(
      (d) => `属性“${d.token}”写在清单项中间，不会生效：应移到清单项末尾`,
      (d) => `The attributes "${d.token}" stand in the middle of the item and have no effect: move them to its end`,
    ),
  },
  checkPlan(plan, ctx) {
    const section = findSection(plan.sections, ctx.library.settings.drill_section)
    if (section) checkItems(plan, section.nodes, ctx.report)
  },
  checkLibrary(ctx) {
    for (const template of ctx.library.checklists) checkItems(template, template.tree.children, ctx.report)
  },
})
