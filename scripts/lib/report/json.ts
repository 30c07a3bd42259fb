import type { Finding } from '../model/finding.ts'
import type { FormatContext } from './stylish.ts'

/**
 * One object per finding, positions 1-based, paths as shown to the user; each finding on a line of its
 * own (grep and diff see one finding per line, and writing it costs a third of indenting every key: at
 * 140,000 findings that was a second).
 */
export function formatJson(findings: Finding[], ctx: FormatContext): string {
  const lines = findings.map((f) =>
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
    }),
  )
  let errors = 0
  for (const f of findings) if (f.severity === 'error') errors++
  const list = lines.length ? `[\n    ${lines.join(',\n    ')}\n  ]` : '[]'
  return `{\n  "findings": ${list},\n  "errorCount": ${errors},\n  "warningCount": ${findings.length - errors}\n}\n`
}
