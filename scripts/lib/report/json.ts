import type { Finding } from '../model/finding.ts'
import type { FormatContext } from './stylish.ts'

/** One object per finding, positions 1-based, paths as shown to the user. */
export function formatJson(findings: Finding[], ctx: FormatContext): string {
  const out = findings.map((f) => ({
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
  }))
  const errors = findings.filter((f) => f.severity === 'error').length
  return `${JSON.stringify({ findings: out, errorCount: errors, warningCount: findings.length - errors }, null, 2)}\n`
}
