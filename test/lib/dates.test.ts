// Calendar arithmetic behind review-overdue, drill-overdue and not-filed (scripts/lib/dates.ts).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addMonths,
  addWorkingDays,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isWorkingDay,
  monthsBetween,
  overdueSince,
  workingCalendar,
  workingDaysBetween,
} from '../../scripts/lib/dates.ts'

const NONE = workingCalendar({})
// The fixture calendar of test/rules/not-filed: National Day 10-01…10-07, make-up days 09-20 (Sun) and 10-10 (Sat).
const NATIONAL_DAY = workingCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
})

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(['2026-11-01', '2024-02-29', '0099-12-31'].map(isIsoDate)).toEqual([true, true, true])
    expect(['2025-02-29', '2026-13-01', '2026-04-31', '2026-1-1', '20261101', '', 20261101, undefined].map(isIsoDate)).toEqual([false, false, false, false, false, false, false, false])
  })
})

describe('day numbers', () => {
  it('count days from 1970-01-01 and back, keeping two-digit years', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dayNumber('1969-12-31')).toBe(-1)
    expect(dayNumber('2026-11-01')).toBe(20758)
    expect(fromDayNumber(20758)).toBe('2026-11-01')
    expect(fromDayNumber(dayNumber('0099-03-01'))).toBe('0099-03-01')
  })

  it('round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => dayNumber(fromDayNumber(n)) === n))
  })

  it('measure days between, across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1)
    expect(daysBetween('2026-11-01', '2026-10-31')).toBe(-1)
  })
})

describe('months', () => {
  it('add calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2023-11-01', 36)).toBe('2026-11-01')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2026-03-31', 6)).toBe('2026-09-30')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(addMonths('2026-10-31', 0)).toBe('2026-10-31')
  })

  it('count whole months between two dates', () => {
    expect(monthsBetween('2024-06-30', '2026-11-01')).toBe(28)
    expect(monthsBetween('2024-06-30', '2026-10-29')).toBe(27)
    expect(monthsBetween('2026-08-31', '2026-11-01')).toBe(2)
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1)
    expect(monthsBetween('2024-01-31', '2024-02-28')).toBe(0)
    expect(monthsBetween('2026-11-01', '2026-11-01')).toBe(0)
    expect(monthsBetween('2026-11-02', '2026-11-01')).toBe(0)
  })

  it('monthsBetween is the largest n with addMonths(a, n) ≤ b', () => {
    const day = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2040-12-31') }).map(fromDayNumber)
    fc.assert(
      fc.property(day, day, (a, b) => {
        const n = monthsBetween(a, b)
        return b <= a ? n === 0 : addMonths(a, n) <= b && addMonths(a, n + 1) > b
      }),
    )
  })

  it('say how long past due in months, or days under a month', () => {
    expect(overdueSince('2026-10-31', '2026-11-01')).toEqual({ months: 0, days: 1 })
    expect(overdueSince('2024-06-30', '2026-11-01')).toEqual({ months: 28, days: 854 })
  })
})

describe('working days', () => {
  it('are Monday to Friday, minus holidays, plus make-up working days', () => {
    expect(isWorkingDay('2026-10-30', NONE)).toBe(true) // Friday
    expect(isWorkingDay('2026-10-31', NONE)).toBe(false) // Saturday
    expect(isWorkingDay('2026-10-01', NATIONAL_DAY)).toBe(false) // Thursday, holiday
    expect(isWorkingDay('2026-10-10', NATIONAL_DAY)).toBe(true) // Saturday, make-up day
    expect(isWorkingDay('2026-10-10', workingCalendar({ holidays: ['2026-10-10'], workdays: ['2026-10-10'] }))).toBe(true)
  })

  it('count after the day of issue up to and including the day of filing', () => {
    expect(workingDaysBetween('2026-10-30', '2026-11-02', NONE)).toBe(1) // Friday → Monday
    expect(workingDaysBetween('2026-10-30', '2026-10-30', NONE)).toBe(0)
    expect(workingDaysBetween('2026-11-02', '2026-10-30', NONE)).toBe(0)
    expect(workingDaysBetween('2026-10-31', '2026-11-01', NONE)).toBe(0) // a weekend
    expect(workingDaysBetween('2026-08-03', '2026-11-01', NONE)).toBe(64)
    expect(workingDaysBetween('2026-08-03', '2026-11-01', NATIONAL_DAY)).toBe(61)
    expect(workingDaysBetween('2026-09-28', '2026-11-01', NATIONAL_DAY)).toBe(20)
    // A holiday on a weekend changes nothing.
    expect(workingDaysBetween('2026-10-02', '2026-10-05', workingCalendar({ holidays: ['2026-10-03'] }))).toBe(1)
  })

  it('agree with counting day by day', () => {
    const start = dayNumber('2026-01-01')
    const day = fc.integer({ min: start, max: start + 400 }).map(fromDayNumber)
    const calendar = fc
      .record({ holidays: fc.array(day, { maxLength: 30 }), workdays: fc.array(day, { maxLength: 10 }) })
      .map((c) => workingCalendar(c))
    fc.assert(
      fc.property(day, day, calendar, (a, b, cal) => {
        let naive = 0
        for (let n = dayNumber(a) + 1; n <= dayNumber(b); n++) if (isWorkingDay(fromDayNumber(n), cal)) naive++
        return workingDaysBetween(a, b, cal) === naive
      }),
    )
  })

  it('find the n-th working day after a date', () => {
    expect(addWorkingDays('2026-08-03', 20, NONE)).toBe('2026-08-31')
    expect(addWorkingDays('2026-09-15', 20, NATIONAL_DAY)).toBe('2026-10-16')
    expect(addWorkingDays('2026-09-25', 20, NATIONAL_DAY)).toBe('2026-10-29')
    expect(addWorkingDays('2026-10-30', 1, NONE)).toBe('2026-11-02')
    expect(addWorkingDays('2026-10-30', 0, NONE)).toBe('2026-10-30')
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2026-01-01'), max: dayNumber('2027-12-31') }).map(fromDayNumber), fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = addWorkingDays(from, n, NATIONAL_DAY)
        return workingDaysBetween(from, due, NATIONAL_DAY) === n && isWorkingDay(due, NATIONAL_DAY)
      }),
    )
  })
})
