import { readFileSync, statSync } from 'node:fs'
import { decodePlanBytes, bytePlace, loneCrAsLf } from './decode.ts'
import { readFrontmatter, type FrontmatterIssue, type FrontmatterResult } from './frontmatter.ts'
import { schemaIssues } from './schema-issues.ts'
import { normaliseEnumNames } from './enum-names.ts'
import { rangeAt } from './frontmatter.ts'
import { validate, type SchemaName } from './schemas.ts'
import { LineIndex } from '../text/line-index.ts'
import type { LoadIssue, SourceFile } from '../model/plan.ts'

/** Files above this size are refused rather than parsed: no real plan is that long. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024

export type ReadResult = { ok: true; file: SourceFile; bytes: number } | { ok: false; issue: LoadIssue }

/**
 * Reads and decodes a library file; on failure returns one issue that names the problem. `onBytes`
 * sees the bytes as read (the lint engine hashes them for its cache).
 */
export function readSourceFile(absPath: string, path: string, onBytes?: (bytes: Uint8Array) => void): ReadResult {
  let bytes: Uint8Array
  try {
    // Look before reading: a FIFO or device would block the read forever, and a huge file is refused unread.
    const stat = statSync(absPath)
    if (!stat.isFile()) return { ok: false, issue: encodingIssue('not-a-file', {}, 1, 1) }
    if (stat.size > MAX_FILE_BYTES) {
      return { ok: false, issue: encodingIssue('too-large', { size: Math.round(stat.size / 1024 / 1024), limit: MAX_FILE_BYTES / 1024 / 1024 }, 1, 1) }
    }
    bytes = readFileSync(absPath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    return { ok: false, issue: encodingIssue('unreadable', { code }, 1, 1) }
  }
  onBytes?.(bytes)
  return decodeSourceFile(bytes, absPath, path)
}

export function decodeSourceFile(bytes: Uint8Array, absPath: string, path: string): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, issue: encodingIssue('too-large', { size: Math.round(bytes.length / 1024 / 1024), limit: MAX_FILE_BYTES / 1024 / 1024 }, 1, 1) }
  }
  const decoded = decodePlanBytes(bytes)
  if (!decoded.ok) {
    const { line, column } = bytePlace(bytes, decoded.offset)
    return { ok: false, issue: encodingIssue(decoded.problem, { guess: decoded.guess ?? '' }, line, column) }
  }
  const text = loneCrAsLf(decoded.text)
  return { ok: true, bytes: bytes.length, file: { path, absPath, text, bom: decoded.bom, lines: new LineIndex(text), issues: [] } }
}

function encodingIssue(messageId: string, data: Record<string, string | number>, line: number, column: number): LoadIssue {
  return { rule: 'encoding', messageId, data, place: { line, column, endLine: line, endColumn: column + 1 } }
}

/** Reads the frontmatter of a file and validates it against a schema; issues are stored on the file. */
export function loadFrontmatter(file: SourceFile, schema: SchemaName, required = true): { data: unknown; valid: boolean } {
  const result = readFrontmatter(file.text)
  return applyYaml(file, result, schema, required)
}

export function applyYaml(file: SourceFile, result: FrontmatterResult, schema: SchemaName, required = true): { data: unknown; valid: boolean } {
  file.frontmatter = result.frontmatter
  for (const issue of result.issues) {
    if (issue.kind === 'no-frontmatter' && !required) continue
    file.issues.push(frontmatterIssue(file, issue))
  }
  const fatal = result.issues.some((i) => i.kind !== 'duplicate-key')
  if (fatal || result.data === undefined || !result.frontmatter) return { data: result.data ?? {}, valid: false }
  // A plan may write enumerated values by their Chinese names (type: 专项): read them as their ids before
  // validating, so the rest of the file is checked as usual; enum-alias offers to write the ids.
  if (schema === 'plan') {
    for (const alias of normaliseEnumNames(result.data)) {
      const [start, end] = rangeAt(result.frontmatter, alias.path, 'value')
      file.issues.push({
        rule: 'enum-alias',
        messageId: 'default',
        data: { written: alias.written, canonical: alias.canonical, field: alias.field, key: alias.key },
        place: file.lines.place(start, end),
        ...(end > start ? { fix: { start, end, text: alias.canonical } } : {}),
      })
    }
  }
  const errors = validate(schema, result.data)
  for (const issue of schemaIssues(errors, result.frontmatter)) {
    file.issues.push({ rule: 'schema', messageId: issue.messageId, data: issue.data, place: file.lines.place(issue.start, issue.end) })
  }
  return { data: result.data, valid: errors.length === 0 && result.issues.length === 0 }
}

function frontmatterIssue(file: SourceFile, issue: FrontmatterIssue): LoadIssue {
  const at = (start: number, end: number) => file.lines.place(start, end)
  switch (issue.kind) {
    case 'no-frontmatter':
      return { rule: 'schema', messageId: 'no-frontmatter', data: {}, place: at(0, 0) }
    case 'unclosed':
      return { rule: 'schema', messageId: 'unclosed', data: {}, place: at(0, issue.fenceEnd) }
    case 'yaml-error':
      return { rule: 'schema', messageId: 'yaml-error', data: { detail: issue.message, code: issue.code }, place: at(issue.start, issue.end) }
    case 'duplicate-key':
      return { rule: 'schema', messageId: 'duplicate-key', data: { key: issue.key }, place: at(issue.start, issue.end) }
    case 'alias':
      return { rule: 'schema', messageId: 'alias', data: {}, place: at(issue.start, issue.end) }
    case 'tag':
      return { rule: 'schema', messageId: 'tag', data: { tag: issue.tag }, place: at(issue.start, issue.end) }
    case 'not-a-map':
      return { rule: 'schema', messageId: 'not-a-map', data: {}, place: at(issue.start, issue.end) }
  }
}
