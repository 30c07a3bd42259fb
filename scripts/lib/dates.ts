// Calendar arithmetic on ISO dates (YYYY-MM-DD) for the lifecycle rules: review and drill intervals in
// calendar months, filing deadlines in working days (备案 within 20 working days of issue,
// 《突发事件应急预案管理办法》国办发〔2024〕5号 art. 26).
// Pure functions on strings; no time zones are involved because a date here is a civil day, not an instant.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** The local calendar day of `date` as YYYY-MM-DD: "today" where no `--today` is given. */
export function todayIso(date = new Date()): string {
  return iso(date.getFullYear(), date.getMonth() + 1, date.getDate())
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = ISO.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function daysInMonth(y: number, month: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
}

function parts(iso: string): [number, number, number] {
  const m = ISO.exec(iso)
  if (!m) throw new RangeError(`not an ISO date: ${iso}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

function iso(y: number, month: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: string): number {
  const [y, m, d] = parts(date)
  const t = new Date(0)
  t.setUTCFullYear(y, m - 1, d) // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are
  return Math.round(t.getTime() / DAY_MS)
}

export function fromDayNumber(n: number): string {
  const t = new Date(n * DAY_MS)
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** `date` plus whole calendar months; a day the target month lacks becomes its last day (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const index = y * 12 + (m - 1) + months
  const ty = Math.floor(index / 12)
  const tm = index - ty * 12 + 1
  return iso(ty, tm, Math.min(d, daysInMonth(ty, tm)))
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a)
}

/** Whole calendar months from a to b: the largest n with addMonths(a, n) ≤ b (0 when b ≤ a). */
export function monthsBetween(a: string, b: string): number {
  if (b <= a) return 0
  const [ay, am] = parts(a)
  const [by, bm] = parts(b)
  let n = (by - ay) * 12 + (bm - am)
  while (n > 0 && addMonths(a, n) > b) n--
  return n
}

/** How far past a due date `today` is: whole months, and the days when less than a month. */
export interface Overdue {
  months: number
  days: number
}

export function overdueSince(due: string, today: string): Overdue {
  return { months: monthsBetween(due, today), days: Math.max(0, daysBetween(due, today)) }
}

/**
 * Working days of a library (library.yaml `filing`): Monday to Friday, minus the listed public holidays,
 * plus the listed make-up working days (调休上班的周末). A date listed as a make-up working day is a
 * working day even if it is also listed as a holiday.
 */
export interface WorkingCalendar {
  holidays: ReadonlySet<string>
  workdays: ReadonlySet<string>
}

export function workingCalendar(filing: { holidays?: readonly string[]; workdays?: readonly string[] }): WorkingCalendar {
  return { holidays: new Set((filing.holidays ?? []).filter(isIsoDate)), workdays: new Set((filing.workdays ?? []).filter(isIsoDate)) }
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
function weekday(n: number): number {
  return (((n + 3) % 7) + 7) % 7
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.has(date)) return true
  if (calendar.holidays.has(date)) return false
  return weekday(dayNumber(date)) < 5
}

// A Monday far enough back that every day number of a four-digit year is after it.
const ANCHOR_MONDAY = -3 - 7 * 1_000_000

/** Monday-to-Friday days in [ANCHOR_MONDAY, n]. */
function weekdaysThrough(n: number): number {
  const count = n - ANCHOR_MONDAY + 1
  return Math.floor(count / 7) * 5 + Math.min(count % 7, 5)
}

/**
 * Working days after `from` up to and including `to`: the day of issue does not count, the day of
 * filing does (published on a Friday and filed the next Monday = 1 working day). 0 when to ≤ from.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const a = dayNumber(from)
  const b = dayNumber(to)
  if (b <= a) return 0
  let count = weekdaysThrough(b) - weekdaysThrough(a)
  const inRange = (d: string) => {
    const n = dayNumber(d)
    return n > a && n <= b
  }
  for (const d of calendar.workdays) if (inRange(d) && weekday(dayNumber(d)) >= 5) count++
  for (const d of calendar.holidays) if (inRange(d) && !calendar.workdays.has(d) && weekday(dayNumber(d)) < 5) count--
  return count
}

/** The day on which the n-th working day after `from` falls (n ≥ 1); `from` itself when n ≤ 0. */
export function addWorkingDays(from: string, n: number, calendar: WorkingCalendar): string {
  let day = dayNumber(from)
  let left = n
  while (left > 0) {
    day++
    if (isWorkingDay(fromDayNumber(day), calendar)) left--
  }
  return fromDayNumber(day)
}
