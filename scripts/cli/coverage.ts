import { parseArgs } from 'node:util'
import { loadLibrary } from '../lib/load/library.ts'
import { coverageMatrix, kindSymbol, type CoverageCell, type CoverageMatrix, type CoverageState } from '../lib/coverage.ts'
import { todayIso } from '../lib/dates.ts'
import type { Locale } from '../lib/model/finding.ts'
import { levelName } from '../lib/plan-system.ts'
import { planTypeName } from '../lib/model/vocabulary.ts'
import { EXIT, UsageError, todayOption } from './errors.ts'
import { resolveTargets } from './library-path.ts'

export const coverageHelp = `用法 / Usage: yuanku coverage [预案库目录 library dir] [选项]

打印覆盖矩阵：行政区 × 事件种类。/ Prints the jurisdiction × hazard coverage matrix.

  --format table|csv|json   输出格式（默认 table）/ output format (default table)
  --locale zh-CN|en         语言（默认取 library.yaml）/ language (default from library.yaml)
  --today YYYY-MM-DD        以该日期为“今天”：发布日期在其后的预案尚未生效 / the date to treat as today

符号 / Symbols: 已覆盖 covered: ● 专项 special · ■ 部门 department · ◆ 联合 joint；◐ 仅有草案 draft only · ✗ 缺失 missing · · 不要求 not required
退出码 / Exit codes: 0 已输出 printed · 2 用法错误 usage error`

const FORMATS = ['table', 'csv', 'json'] as const
type Format = (typeof FORMATS)[number]

export const SYMBOLS: Record<CoverageState, string> = { active: '●', draft: '◐', missing: '✗', 'not-required': '·' }

const STATE_NAMES: Record<CoverageState, { zh: string; en: string }> = {
  active: { zh: '已覆盖', en: 'covered' },
  draft: { zh: '仅有草案', en: 'draft only' },
  missing: { zh: '缺失', en: 'missing' },
  'not-required': { zh: '不要求', en: 'not required' },
}

const stateName = (s: CoverageState, locale: Locale) => (locale === 'en' ? STATE_NAMES[s].en : STATE_NAMES[s].zh)

/** A cell in the table: an in-force cell shows which kind of plan covers it. */
const cellSymbol = (cell: CoverageCell) => (cell.state === 'active' ? kindSymbol(cell.kind) : SYMBOLS[cell.state])

/** 专项 / special: the kind of plan, short, for legends and CSV cells. */
const kindName = (kind: string, locale: Locale) => planTypeName(kind, locale).replace(/应急预案$/, '').replace(/ plan$/, '')

/** A cell in the CSV: its state, and the kind of plan behind it. */
function cellText(cell: CoverageCell, locale: Locale): string {
  const state = stateName(cell.state, locale)
  if (!cell.kind) return state
  const kind = kindName(cell.kind, locale)
  return locale === 'en' ? `${state} (${kind})` : `${state}（${kind}）`
}

/** Kinds of plan that cover some in-force cell, in legend order. */
function activeKinds(matrix: CoverageMatrix): string[] {
  const seen = new Set<string>()
  for (const j of matrix.jurisdictions) for (const h of matrix.hazards) {
    const c = matrix.cells[j.id][h.id]
    if (c.state === 'active' && c.kind) seen.add(c.kind)
  }
  const order = ['special', 'department', 'joint']
  return [...seen].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b))
}

/** Terminal columns a character takes: East Asian wide and fullwidth characters take two. */
function charWidth(cp: number): number {
  return (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1
}

export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += charWidth(ch.codePointAt(0)!)
  return w
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)))

const jurisdictionName = (j: CoverageMatrix['jurisdictions'][number], locale: Locale) => (locale === 'en' ? (j.name_en ?? j.name) : j.name)
const hazardName = (h: CoverageMatrix['hazards'][number], locale: Locale) => (locale === 'en' ? (h.name_en ?? h.name) : h.name)

/** Counts of each state over the cells, and of the gaps coverage-gap reports (required, nothing in force). */
function totals(matrix: CoverageMatrix): Record<CoverageState | 'gaps', number> {
  const out: Record<CoverageState | 'gaps', number> = { active: 0, draft: 0, missing: 0, 'not-required': 0, gaps: 0 }
  for (const j of matrix.jurisdictions) {
    for (const h of matrix.hazards) {
      const cell = matrix.cells[j.id][h.id]
      out[cell.state]++
      if (cell.required && cell.state !== 'active') out.gaps++
    }
  }
  return out
}

/**
 * The terminal table. Chinese hazard names are written top to bottom above their column, as in printed
 * Chinese tables, so that a column stays two characters wide; in English the columns are numbered with a
 * key below, since English names cannot be stacked.
 */
export function formatTable(matrix: CoverageMatrix, options: { locale: Locale; title: string }): string {
  const { locale } = options
  const en = locale === 'en'
  const lines: string[] = [en ? `${options.title} · Coverage (jurisdiction × hazard)` : `${options.title} · 覆盖矩阵（行政区 × 事件种类）`, '']
  if (!matrix.jurisdictions.length) {
    lines.push(en ? 'No jurisdictions are registered in units.yaml.' : 'units.yaml 中没有登记行政区。')
    return lines.join('\n') + '\n'
  }
  if (!matrix.hazards.length) {
    lines.push(en ? 'No hazard is required (coverage.hazards in library.yaml) or covered by a plan.' : '没有要求（library.yaml 的 coverage.hazards）或有预案覆盖的事件种类。')
    return lines.join('\n') + '\n'
  }
  const rowNames = matrix.jurisdictions.map((j) => '  '.repeat(j.depth) + jurisdictionName(j, locale))
  const nameWidth = Math.max(...rowNames.map(displayWidth), displayWidth(en ? 'Jurisdiction' : '行政区')) + 2
  const colWidth = en ? Math.max(2, String(matrix.hazards.length).length) : 2
  const row = (label: string, cells: string[]) => (pad(label, nameWidth) + cells.map((c) => pad(c, colWidth)).join(' ')).trimEnd()

  if (en) {
    lines.push(row('Jurisdiction', matrix.hazards.map((_, i) => String(i + 1))))
  } else {
    const stacks = matrix.hazards.map((h) => [...hazardName(h, locale)])
    const height = Math.max(...stacks.map((s) => s.length))
    for (let r = 0; r < height; r++) lines.push(row(r === 0 ? '行政区' : '', stacks.map((s) => s[r] ?? '')))
  }
  matrix.jurisdictions.forEach((j, i) => {
    lines.push(row(rowNames[i], matrix.hazards.map((h) => cellSymbol(matrix.cells[j.id][h.id]))))
  })
  lines.push('')
  if (en) {
    lines.push('Hazards:')
    matrix.hazards.forEach((h, i) => lines.push(`  ${String(i + 1).padStart(String(matrix.hazards.length).length)}  ${hazardName(h, locale)} (${h.id})`))
    lines.push('')
  }
  const states: CoverageState[] = ['active', 'draft', 'missing', 'not-required']
  const legend = states.map((s) => `${SYMBOLS[s]} ${stateName(s, locale)}`)
  legend[2] += en ? ' (required)' : '（要求具备）'
  // An in-force cell shows the kind of plan that covers it: one legend entry per kind present.
  const kinds = activeKinds(matrix)
  if (kinds.length) legend.splice(0, 1, ...kinds.map((k) => `${kindSymbol(k)} ${stateName('active', locale)}${en ? ` (${kindName(k, locale)})` : `（${kindName(k, locale)}）`}`))
  lines.push((en ? 'Legend: ' : '图例：') + legend.join('  '))
  const t = totals(matrix)
  lines.push(
    en
      ? `${matrix.jurisdictions.length} jurisdictions × ${matrix.hazards.length} hazards: ${t.active} covered, ${t.draft} draft only, ${t.missing} missing; coverage gaps (required, no plan in force): ${t.gaps} (coverage-gap)`
      : `${matrix.jurisdictions.length} 个行政区 × ${matrix.hazards.length} 个事件种类：已覆盖 ${t.active}，仅有草案 ${t.draft}，缺失 ${t.missing}；覆盖缺口（要求具备而无在用预案）${t.gaps} 处（coverage-gap）`,
  )
  return lines.join('\n') + '\n'
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese correctly), CRLF, one row per jurisdiction. */
export function formatCsv(matrix: CoverageMatrix, options: { locale: Locale }): string {
  const { locale } = options
  const en = locale === 'en'
  const header = [en ? 'id' : '编号', en ? 'jurisdiction' : '行政区', en ? 'level' : '层级', en ? 'parent' : '上级', ...matrix.hazards.map((h) => hazardName(h, locale))]
  const rows = matrix.jurisdictions.map((j) => [
    j.id,
    jurisdictionName(j, locale),
    levelName(j.level, locale),
    j.parent ?? '',
    ...matrix.hazards.map((h) => cellText(matrix.cells[j.id][h.id], locale)),
  ])
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

export function formatJson(matrix: CoverageMatrix): string {
  return JSON.stringify(matrix, null, 2) + '\n'
}

export async function runCoverage(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      locale: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(coverageHelp)
    return EXIT.ok
  }
  const format = values.format as Format
  if (!FORMATS.includes(format)) throw new UsageError(`未知格式“${values.format}”，可用：${FORMATS.join(', ')} / unknown format "${values.format}"`)
  if (values.locale && values.locale !== 'zh-CN' && values.locale !== 'en') throw new UsageError('--locale 只能是 zh-CN 或 en / --locale must be zh-CN or en')
  todayOption(values.today)
  if (positionals.length > 1) throw new UsageError('只能指定一个预案库目录 / give one library folder at most')

  const library = loadLibrary(resolveTargets(positionals).root)
  const locale = (values.locale ?? library.settings.locale) as Locale
  const matrix = coverageMatrix(library, { today: values.today ?? todayIso() })
  const title = locale === 'en' ? library.settings.name_en : library.settings.name
  const output = format === 'json' ? formatJson(matrix) : format === 'csv' ? formatCsv(matrix, { locale }) : formatTable(matrix, { locale, title })
  process.stdout.write(output)
  return EXIT.ok
}
