import { parse } from 'yaml'
import { defineRule, message } from './define-rule.ts'
import { yamlPlace, yamlRange, type SourceFile } from '../model/plan.ts'
import type { Report } from './define-rule.ts'

type D = { path: string; where: string; whereEn: string; char: string; charEn: string }
const m = message<D>

/** Full-width space and no-break space: what Word and WPS leave behind; YAML keeps both as part of a value. */
const EDGE = /^[\u3000\u00a0]|[\u3000\u00a0]$/
const TRIM = /^[\u3000\u00a0 ]+|[\u3000\u00a0 ]+$/g

type Value = unknown
type Path = (string | number)[]

/** Every string in the frontmatter data with a full-width or no-break space at an end, with its path. */
function edgeStrings(data: Value, path: Path = [], out: { path: Path; value: string }[] = []): { path: Path; value: string }[] {
  if (typeof data === 'string') {
    if (EDGE.test(data)) out.push({ path, value: data })
  } else if (Array.isArray(data)) data.forEach((v, i) => edgeStrings(v, [...path, i], out))
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) edgeStrings(v, [...path, k], out)
  return out
}

/** The plain value without the spaces, if it reads back as exactly that string (so `76.2␣` is not certain: it would become a number). */
function certainFix(file: SourceFile, path: Path, value: string): Report['fix'] {
  const range = yamlRange(file, path)
  if (!range || file.text.slice(range[0], range[1]) !== value) return undefined
  const trimmed = value.replace(TRIM, '')
  let back: unknown
  try {
    back = parse(`v: ${trimmed}`, { strict: true })?.v
  } catch {
    return undefined
  }
  return trimmed !== '' && back === trimmed ? { start: range[0], end: range[1], text: trimmed } : undefined
}

function check(file: SourceFile, data: Value, report: (r: Report<'default'>) => void, fixable: boolean): void {
  for (const { path, value } of edgeStrings(data)) {
    const first = value[0] === '\u3000' || value[0] === '\u00a0'
    const ch = first ? value[0] : value[value.length - 1]
    const both = first && /[\u3000\u00a0]$/.test(value)
    const fix = fixable ? certainFix(file, path, value) : undefined
    report({
      file,
      place: yamlPlace(file, path),
      data: {
        path: path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join(''),
        where: both ? '开头和结尾' : first ? '开头' : '结尾',
        whereEn: both ? 'start and end' : first ? 'start' : 'end',
        char: ch === '\u3000' ? '全角空格' : '不间断空格',
        charEn: ch === '\u3000' ? 'a full-width space (U+3000)' : 'a no-break space (U+00A0)',
      },
      ...(fix ? { fix } : {}),
    })
  }
}

export default defineRule({
  id: 'fullwidth-space',
  name: { zh: '全角空格', en: 'Full-width space' },
  family: 'form',
  severity: 'warn',
  scope: 'file',
  anyPlan: true,
  options: {},
  docs: {
    summary: { zh: '前言中的值开头或结尾有全角空格或不间断空格', en: 'A frontmatter value starts or ends with a full-width or no-break space' },
    why: {
      zh: '从 Word、WPS 或网页复制的文字常带全角空格（U+3000）或不间断空格（U+00A0），肉眼看不出来。YAML 只把半角空格和制表符当作空白，这两种空格会成为值的一部分：“lead_unit: shi-ziran　”是一个不存在的单位编号，“status: published　”不是有效状态，“score: 76.2　”不是数字。本规则指出空格所在，不必逐字排查其他规则的报错。',
      en: 'Text copied from Word, WPS or web pages often carries full-width spaces (U+3000) or no-break spaces (U+00A0) that cannot be seen. YAML treats only the ASCII space and tab as white space, so these become part of the value: "lead_unit: shi-ziran　" is an id no unit has, "status: published　" is not a status, "score: 76.2　" is not a number. This rule points at the space, so nobody has to hunt for it behind the other rules\' messages.',
    },
    fix: {
      zh: '删除值两端的全角空格和不间断空格。yuanku lint --fix 在确定时自动删除（未加引号的值，删除后仍是同一个字符串；演练记录从不自动修改）。',
      en: 'Remove the full-width and no-break spaces at both ends of the value. `yuanku lint --fix` removes them when certain (an unquoted value that stays the same string; drill records are never fixed automatically).',
    },
    notReported: {
      zh: '全角或不间断空格在值的中间（如“示例市\u3000防汛”）；正文中的空格；普通半角空格（YAML 本身会去掉）；键名前的全角空格（那是另一个键，由 schema 报告）。',
      en: 'Full-width or no-break spaces inside a value (示例市\u3000防汛); spaces in the body text; ordinary spaces (YAML trims them); a full-width space before a key (that is another key, reported by schema).',
    },
    bad: 'lead_unit: shi-ziran　   # 结尾是全角空格\ntitle: 　示例市森林火灾应急预案',
    good: 'lead_unit: shi-ziran\ntitle: 示例市森林火灾应急预案',
  },
  messages: {
    default: m(
      (d) => `“${d.path}”的值${d.where}有${d.char}，YAML 会把它当作值的一部分`,
      (d) => `The value of "${d.path}" has ${d.charEn} at its ${d.whereEn}; YAML keeps it as part of the value`,
    ),
  },
  checkPlan(plan, ctx) {
    check(plan, plan.data, ctx.report, true)
  },
  checkLibrary(ctx) {
    for (const drill of ctx.library.drills) check(drill, drill.data, ctx.report, false)
  },
})
