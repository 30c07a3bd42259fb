// Importing other evaluators' exports and merging them, so that one drill scored by several evaluators
// ends in one record. Everything read here comes from
// outside (a file someone sent), so it is refused rather than repaired: too large, prototype keys,
// anything the drill schema does not allow.
import { readFrontmatter } from '../load/frontmatter.ts'
import { recordRatings, resolveGrading, scoreDrill, type GradingInput } from './score.ts'
import { validateDrillRecord } from './validate.ts'
import type { ChecklistItem, DrillRecordData, Rating, Ratings, RecordFinding } from './types.ts'

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export type ImportResult =
  | { ok: true; format: 'json' | 'markdown'; record: DrillRecordData; narrative?: string }
  | { ok: false; errors: string[] }

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Path of the first forbidden key in a parsed value, if any (own keys only: JSON.parse makes `__proto__` one). */
export function forbiddenKey(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenKey(value[i], `${path}/${i}`)
      if (found) return found
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `${path}/${key}`
      const found = forbiddenKey((value as Record<string, unknown>)[key], `${path}/${key}`)
      if (found) return found
    }
  }
  return undefined
}

function byteLength(text: string): number {
  // Fast path: a string of N UTF-16 units is at most 3N bytes in UTF-8.
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length
  return new TextEncoder().encode(text).length
}

/** Reads our JSON or Markdown export of a drill record, strictly. */
export function parseImport(input: string): ImportResult {
  if (typeof input !== 'string') return { ok: false, errors: ['不是文本 / not text'] }
  if (input.length > MAX_IMPORT_BYTES || byteLength(input) > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [`文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB / file larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`] }
  }
  const text = input.replace(/^\uFEFF/, '')
  const first = text.trimStart()[0]
  let data: unknown
  let narrative: string | undefined
  let format: 'json' | 'markdown'
  if (first === '{') {
    format = 'json'
    try {
      data = JSON.parse(text)
    } catch (error) {
      return { ok: false, errors: [`JSON 无法解析 / invalid JSON: ${(error as Error).message}`] }
    }
  } else if (text.startsWith('---')) {
    format = 'markdown'
    const fm = readFrontmatter(text)
    const issue = fm.issues[0]
    if (issue) return { ok: false, errors: [`前言无法解析 / unreadable frontmatter: ${issue.kind}${'message' in issue ? ` ${issue.message}` : ''}${'key' in issue ? ` ${issue.key}` : ''}`] }
    data = fm.data
    const end = fm.frontmatter ? text.indexOf('\n', fm.frontmatter.yamlEnd) : -1
    narrative = end === -1 ? '' : text.slice(end + 1).replace(/^\s*\n/, '').trimEnd()
  } else {
    return { ok: false, errors: ['不是演练记录导出文件（应为 JSON 或带前言的 Markdown）/ not a drill record export (JSON or Markdown with frontmatter)'] }
  }
  const bad = forbiddenKey(data)
  if (bad) return { ok: false, errors: [`拒绝导入：含有不允许的键 ${bad} / refused: forbidden key at ${bad}`] }
  const errors = validateDrillRecord(data)
  if (errors.length) return { ok: false, errors }
  const record = data as DrillRecordData
  const refs = new Set<string>()
  for (const item of record.checklist) {
    if (refs.has(item.ref)) return { ok: false, errors: [`评估项标识“${item.ref}”重复 / duplicate item ref "${item.ref}"`] }
    refs.add(item.ref)
  }
  return narrative === undefined ? { ok: true, format, record } : { ok: true, format, record, narrative }
}

export interface EvaluatorRating {
  evaluator: string
  rating: Rating
}

export interface Disagreement {
  ref: string
  text: string
  /** What each evaluator gave, in the order of the records. */
  ratings: EvaluatorRating[]
  /** The rating the merge kept: the one that awards least (na only when everyone said na). */
  chosen: Rating
}

export interface MergedEvaluations {
  plan: string
  evaluators: string[]
  items: ChecklistItem[]
  ratings: Ratings
  findings: RecordFinding[]
  disagreements: Disagreement[]
  /** Records that were left out because they are of another plan. */
  skipped: { index: number; plan: string }[]
}

function evaluatorName(record: DrillRecordData, index: number): string {
  return record.evaluators.length ? record.evaluators.join('、') : `#${index + 1}`
}

/** Points a rating would award an item: used to order ratings when evaluators disagree. */
function worth(item: ChecklistItem, r: Rating, grading: ReturnType<typeof resolveGrading>): number {
  return scoreDrill([item], { [item.ref]: r }, grading).awarded
}

function sameRating(a: Rating, b: Rating): boolean {
  if ((a.rating ?? null) !== (b.rating ?? null)) return false
  if (a.rating === 'points' && a.awarded !== b.awarded) return false
  return (a.elapsed ?? null) === (b.elapsed ?? null)
}

/**
 * Merges several evaluators' records of one drill, item by item (by ref). Where they agree the rating is
 * kept; where they differ the merge keeps the rating that awards least (the conservative reading, to be
 * settled in the evaluation group's discussion) and lists the disagreement. An unrated item takes
 * whatever rating the others gave; notes are kept with the evaluator's name.
 */
export function mergeEvaluations(records: DrillRecordData[], gradingInput?: GradingInput): MergedEvaluations {
  const grading = resolveGrading(gradingInput)
  const plan = records[0]?.plan ?? ''
  const items: ChecklistItem[] = []
  const byRef = new Map<string, { item: ChecklistItem; given: EvaluatorRating[] }>()
  const evaluators: string[] = []
  const findings: RecordFinding[] = []
  const findingKeys = new Set<string>()
  const skipped: MergedEvaluations['skipped'] = []
  records.forEach((record, index) => {
    if (record.plan !== plan) {
      skipped.push({ index, plan: record.plan })
      return
    }
    const name = evaluatorName(record, index)
    for (const e of record.evaluators.length ? record.evaluators : [name]) if (!evaluators.includes(e)) evaluators.push(e)
    const { items: recItems, ratings } = recordRatings(record)
    for (const item of recItems) {
      let entry = byRef.get(item.ref)
      if (!entry) {
        entry = { item, given: [] }
        byRef.set(item.ref, entry)
        items.push(item)
      }
      const r = ratings[item.ref]
      if (r && (r.rating ?? null) !== null) entry.given.push({ evaluator: name, rating: r })
    }
    for (const f of record.findings) {
      const key = `${f.ref ?? ''}\u0000${f.text}\u0000${f.unit}`
      if (findingKeys.has(key)) continue
      findingKeys.add(key)
      findings.push(f)
    }
  })
  const merged: Ratings = {}
  const disagreements: Disagreement[] = []
  for (const { item, given } of byRef.values()) {
    if (!given.length) continue
    const notes = given.filter((g) => g.rating.note).map((g) => (given.length > 1 ? `${g.evaluator}：${g.rating.note}` : g.rating.note!))
    const agree = given.every((g) => sameRating(g.rating, given[0].rating))
    let chosen = given[0].rating
    if (!agree) {
      // An evaluator who saw the item apply outweighs one who marked it na.
      const applicable = given.filter((g) => g.rating.rating !== 'na')
      const pool = applicable.length ? applicable : given
      chosen = pool[0].rating
      for (const g of pool) if (worth(item, g.rating, grading) < worth(item, chosen, grading)) chosen = g.rating
    }
    const rating: Rating = { rating: chosen.rating, ...(chosen.rating === 'points' ? { awarded: chosen.awarded } : {}), ...(chosen.elapsed != null ? { elapsed: chosen.elapsed } : {}), ...(notes.length ? { note: notes.join('；') } : {}) }
    merged[item.ref] = rating
    if (!agree) disagreements.push({ ref: item.ref, text: item.text, ratings: given, chosen: rating })
  }
  return { plan, evaluators, items, ratings: merged, findings, disagreements, skipped }
}

