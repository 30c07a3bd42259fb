/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Exit codes, as ESLint and markdownlint-cli2: 0 clean, 1 findings, 2 usage or internal failure. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const
