import { isIsoDate } from '../lib/dates.ts'

/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Exit codes, as ESLint and markdownlint-cli2: 0 clean, 1 findings, 2 usage or internal failure. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const

/** `--today` as given, checked: a real calendar date YYYY-MM-DD (2026-02-30 is not one). */
export function todayOption(value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError('--today 应为 YYYY-MM-DD 格式的有效日期 / --today must be a valid date YYYY-MM-DD')
  return value
}
