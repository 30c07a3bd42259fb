import type { Finding } from '../model/finding.ts'
import { formatGitlab } from './gitlab.ts'
import { formatJsonPieces } from './json.ts'
import { formatSarif } from './sarif.ts'
import { formatStylish, type FormatContext } from './stylish.ts'

export type { FormatContext }
/** A report as text, or as its pieces in order (a large JSON report is encoded and written piece by piece). */
export type Formatter = (findings: Finding[], ctx: FormatContext) => string | string[]

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJsonPieces,
  sarif: (findings, ctx) => formatSarif(findings, ctx),
  gitlab: formatGitlab,
}
