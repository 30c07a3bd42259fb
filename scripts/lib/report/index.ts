import type { Finding } from '../model/finding.ts'
import { formatGitlab } from './gitlab.ts'
import { formatJson } from './json.ts'
import { formatSarif } from './sarif.ts'
import { formatStylish, type FormatContext } from './stylish.ts'

export type { FormatContext }
export type Formatter = (findings: Finding[], ctx: FormatContext) => string

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: (findings, ctx) => formatSarif(findings, ctx),
  gitlab: formatGitlab,
}
