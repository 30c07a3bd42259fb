import type { Finding } from '../model/finding.ts'
import type { FormatContext } from './stylish.ts'

/** Findings per piece of the report: the pieces are encoded one at a time, never the whole 45 MB report at once. */
const PIECE = 5000

/**
 * One object per finding, positions 1-based, paths as shown to the user; each finding on a line of its
 * own (grep and diff see one finding per line, and writing it costs a third of indenting every key: at
 * 140,000 findings that was a second).
 */
export function formatJson(findings: Finding[], ctx: FormatContext): string {
  return formatJsonPieces(findings, ctx).join('')
}

/** formatJson's text in pieces of a few thousand findings: together the same text. */
export function formatJsonPieces(findings: Finding[], ctx: FormatContext): string[] {
  const line = (f: Finding) =>
    JSON.stringify({
      file: ctx.displayPath(f.file),
      line: f.place.line,
      column: f.place.column,
      endLine: f.place.endLine,
      endColumn: f.place.endColumn,
      severity: f.severity,
      ruleId: f.ruleId,
      message: f.message,
      ...(f.planId ? { planId: f.planId } : {}),
      ...(f.cause ? { cause: { file: ctx.displayPath(f.cause.file), line: f.cause.place.line, column: f.cause.place.column, ...(f.cause.message ? { message: f.cause.message } : {}) } } : {}),
      fixable: Boolean(f.fix),
    })
  let errors = 0
  for (const f of findings) if (f.severity === 'error') errors++
  const tail = `,\n  "errorCount": ${errors},\n  "warningCount": ${findings.length - errors}\n}\n`
  if (findings.length === 0) return [`{\n  "findings": []${tail}`]
  const pieces: string[] = []
  for (let start = 0; start < findings.length; start += PIECE) {
    const lines = findings.slice(start, start + PIECE).map(line).join(',\n    ')
    pieces.push(`${start === 0 ? '{\n  "findings": [\n    ' : ',\n    '}${lines}`)
  }
  pieces.push(`\n  ]${tail}`)
  return pieces
}
