/** A place in a file: 1-based, end exclusive (endColumn is the column after the last character). */
export interface Place {
  line: number
  column: number
  endLine: number
  endColumn: number
}

export type Severity = 'error' | 'warn'
export type { Locale } from './vocabulary.ts'

/** A related place, e.g. the parent passage that was copied or the registry entry of a dissolved unit. */
export interface RelatedPlace {
  file: string
  place: Place
  message?: string
}

/** A certain, mechanical edit: replace [start, end) of the file's decoded text. */
export interface Fix {
  start: number
  end: number
  text: string
}

export interface Finding {
  ruleId: string
  severity: Severity
  message: string
  /** Library-relative POSIX path of the file the finding is in. */
  file: string
  place: Place
  /** The plan the finding belongs to, when there is one. */
  planId?: string
  cause?: RelatedPlace
  fix?: Fix
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.place.line - b.place.line ||
    a.place.column - b.place.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  )
}
