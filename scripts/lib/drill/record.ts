// Drill records: built from a checklist and its ratings, exported as Markdown (frontmatter
// valid against schema/drill.schema.json + the after-action narrative), JSON (the bare record) and CSV.
import { stringify } from 'yaml'
import { formatMinutes } from './duration.ts'
import { scoreDrill, resolveGrading, type GradingInput } from './score.ts'
import type { ChecklistItem, DrillRecordData, Grading, RatingValue, Ratings, RecordFinding, RecordItem } from './types.ts'

export interface DrillHeader {
  id?: string
  plan: string
  date: string
  kind: DrillRecordData['kind']
  scenario: string
  location?: string
  organizer: string
  evaluators: string[]
  /** The evaluator finalised the scoring (定稿), with or without unrated items. */
  finalized?: boolean
}

export const KIND_LABEL: Record<DrillRecordData['kind'], string> = { tabletop: '桌面推演', functional: '功能演练', 'full-scale': '实战演练' }
export const RATING_LABEL: Record<RatingValue, string> = { met: '达标', partial: '基本达标', unmet: '未达标', na: '不适用', P: 'P', S: 'S', M: 'M', U: 'U', points: '直接给分' }
export const SEVERITY_LABEL: Record<RecordFinding['severity'], string> = { minor: '一般', major: '较重', critical: '严重' }

/** Default record id: `<plan>-<date>`, cut to the schema's 160 characters. */
export function defaultRecordId(plan: string, date: string): string {
  return `${plan}-${date}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '').slice(0, 160) || 'drill'
}

/** The record of a drill: header, every item as scored, the recomputed score, the findings. */
export function buildRecord(header: DrillHeader, items: ChecklistItem[], ratings: Ratings, findings: RecordFinding[], gradingInput?: GradingInput): DrillRecordData {
  const grading = resolveGrading(gradingInput)
  const result = scoreDrill(items, ratings, grading, { finalized: header.finalized })
  const checklist: RecordItem[] = items.map((item) => {
    const r = Object.hasOwn(ratings, item.ref) ? ratings[item.ref] : undefined
    const rating = r?.rating ?? null
    const awarded = rating === null ? null : (result.itemAwards[item.ref] ?? null)
    const kept = awarded === null && rating !== 'na' ? null : rating
    const out: RecordItem = {
      ref: item.ref,
      phase: item.phase,
      text: item.text,
      points: item.points,
      critical: item.critical,
      ...(item.within === undefined ? {} : { within: formatMinutes(item.within) }),
      rating: kept,
      awarded: kept === null ? null : awarded,
    }
    if (typeof r?.elapsed === 'number' && Number.isFinite(r.elapsed)) out.elapsed = formatMinutes(r.elapsed)
    if (r?.note?.trim()) out.note = r.note.trim()
    return out
  })
  const record: DrillRecordData = {
    id: header.id || defaultRecordId(header.plan, header.date),
    plan: header.plan,
    date: header.date,
    kind: header.kind,
    scenario: header.scenario,
    ...(header.location ? { location: header.location } : {}),
    organizer: header.organizer,
    evaluators: header.evaluators,
    scale: grading.scale,
    checklist,
    score: result.score,
    grade: result.grade,
    unrated: result.unrated,
    provisional: result.provisional,
    ...(header.finalized ? { finalized: true } : {}),
    findings: findings.map(cleanFinding),
  }
  return record
}

function cleanFinding(f: RecordFinding): RecordFinding {
  return {
    ...(f.ref ? { ref: f.ref } : {}),
    text: f.text,
    severity: f.severity,
    unit: f.unit,
    action: f.action,
    due: f.due,
    status: f.status,
    requires_revision: f.requires_revision === true,
  }
}

const KEY_ORDER = ['id', 'plan', 'date', 'kind', 'scenario', 'location', 'organizer', 'evaluators', 'scale', 'checklist', 'score', 'grade', 'unrated', 'provisional', 'finalized', 'findings']

function ordered(record: DrillRecordData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of KEY_ORDER) if ((record as unknown as Record<string, unknown>)[k] !== undefined) out[k] = (record as unknown as Record<string, unknown>)[k]
  return out
}

/** The Markdown drill record: YAML frontmatter + narrative (the default report when none is given). */
export function recordToMarkdown(record: DrillRecordData, narrative?: string, options: { planTitle?: string; grading?: GradingInput } = {}): string {
  const yaml = stringify(ordered(record), { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })
  const body = narrative?.trim() ? narrative.trim() : defaultNarrative(record, options.planTitle, resolveGrading(options.grading))
  return `---\n${yaml}---\n\n${body}\n`
}

export function recordToJson(record: DrillRecordData): string {
  return `${JSON.stringify(ordered(record), null, 2)}\n`
}

const CSV_COLUMNS: (keyof RecordItem)[] = ['ref', 'phase', 'text', 'points', 'critical', 'within', 'rating', 'awarded', 'elapsed', 'note']

/** A spreadsheet cell: quoted when needed; a leading = + - @ is defused so that no spreadsheet runs it as a formula. */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The items as CSV: UTF-8 with BOM and CRLF, so that Excel opens the Chinese text correctly. */
const CSV_HEADERS_ZH: Record<string, string> = { ref: '编号', phase: '环节', text: '评估项目', points: '分值', critical: '否决项', within: '时限', rating: '评定', awarded: '得分', elapsed: '用时', note: '说明' }
const RATING_ZH: Record<string, string> = { met: '达标', partial: '基本达标', unmet: '未达标', na: '不适用', P: 'P 顺利完成', S: 'S 有小问题', M: 'M 有较大问题', U: 'U 未能完成', points: '按分值' }

/**
 * The checklist as a spreadsheet. Chinese (default): Chinese headers and values (是/否, 达标, an N/A item's
 * score left blank) for an office that opens it in a spreadsheet; 'en': the record's own keys and values.
 */
export function recordToCsv(record: DrillRecordData, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const zh = locale !== 'en'
  const rows = [CSV_COLUMNS.map((c) => (zh ? CSV_HEADERS_ZH[c] : c)).join(',')]
  const cell = (item: RecordItem, c: keyof RecordItem): unknown => {
    const v = item[c]
    if (!zh) return v
    if (c === 'critical') return v ? '是' : '否'
    if (c === 'rating') return v === null || v === undefined ? '未评' : (RATING_ZH[String(v)] ?? v)
    if (c === 'awarded' && item.rating === 'na') return ''
    return v
  }
  for (const item of record.checklist) rows.push(CSV_COLUMNS.map((c) => csvCell(cell(item, c))).join(','))
  return `\uFEFF${rows.join('\r\n')}\r\n`
}

/** Evaluator text in the generated Markdown: one line, no HTML, no accidental list or heading. */
function md(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1')
}

/** The after-action report skeleton (演练评估报告: 概况, 结果, 亮点, 问题, 纠正措施) filled from the record. */
export function defaultNarrative(record: DrillRecordData, planTitle: string | undefined, grading: Grading = resolveGrading(undefined)): string {
  const items = record.checklist
  const na = items.filter((i) => i.rating === 'na').length
  const rated = items.filter((i) => i.rating !== null).length
  const lines: string[] = []
  lines.push(`# ${md(planTitle ?? record.plan)}演练评估报告`, '')
  lines.push('## 一、演练概况', '')
  const where = record.location ? `在${md(record.location)}` : ''
  lines.push(`${record.date}，${md(record.organizer)}${where}组织开展${KIND_LABEL[record.kind]}。演练情景：${md(record.scenario)}。评估人员：${record.evaluators.map(md).join('、') || '—'}。`, '')
  lines.push('## 二、评估结果', '')
  const score = record.score === null ? '—' : String(record.score)
  let summary = `共 ${items.length} 项评估项，已评定 ${rated} 项（其中不适用 ${na} 项），得分 ${score}，等级 ${record.grade ?? '—'}。`
  if (record.provisional) summary += `尚有 ${record.unrated ?? items.length - rated} 项未评定，得分为暂定。`
  else if (record.finalized && (record.unrated ?? items.length - rated) > 0) summary += `评估人员已定稿：${record.unrated ?? items.length - rated} 项未评定，按未得分计。`
  const failed = items.filter((i) => i.critical && i.rating !== null && i.rating !== 'na' && i.awarded === 0)
  if (failed.length) summary += `否决项未达标 ${failed.length} 项，等级评定为${grading.fail_grade}。`
  lines.push(summary, '')
  const good = items.filter((i) => (i.rating === 'met' || i.rating === 'P') && i.note)
  lines.push('## 三、主要做法和亮点', '')
  lines.push(...(good.length ? good.map((i) => `- ${md(i.text)}：${md(i.note!)}`) : ['- （待补充）']), '')
  const weak = items.filter((i) => i.rating !== null && i.rating !== 'na' && i.awarded !== null && i.awarded < i.points)
  lines.push('## 四、存在的问题', '')
  lines.push(...(weak.length ? weak.map((i) => `- ${md(i.text)}（${RATING_LABEL[i.rating!]}${i.elapsed ? `，用时${i.elapsed}` : ''}）${i.note ? `：${md(i.note)}` : ''}`) : ['- 未发现明显问题。']), '')
  lines.push('## 五、纠正措施', '')
  if (record.findings.length) {
    lines.push('| 问题 | 严重程度 | 责任单位 | 纠正措施 | 期限 | 状态 | 需修订预案 |', '| --- | --- | --- | --- | --- | --- | --- |')
    for (const f of record.findings) {
      lines.push(`| ${md(f.text)} | ${SEVERITY_LABEL[f.severity]} | ${md(f.unit)} | ${md(f.action)} | ${f.due} | ${f.status === 'done' ? '已完成' : '未完成'} | ${f.requires_revision ? '是' : '否'} |`)
    }
  } else lines.push('无。')
  return lines.join('\n')
}
