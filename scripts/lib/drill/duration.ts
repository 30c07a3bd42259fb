// Time limits as written in plans and checklists ("30分钟", "2小时", "30m", "90s") ↔ minutes.

const UNIT_MINUTES: Record<string, number> = {
  秒: 1 / 60, 秒钟: 1 / 60, s: 1 / 60, sec: 1 / 60,
  分: 1, 分钟: 1, m: 1, min: 1,
  小时: 60, 时: 60, h: 60, hr: 60,
  天: 1440, 日: 1440, d: 1440,
}

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(秒钟|秒|分钟|分|小时|时|天|日|sec|min|hr|s|m|h|d)\s*$/i

/** Minutes of a duration such as "30分钟" or "1.5h"; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text)
  if (!m) return undefined
  const minutes = Number(m[1]) * UNIT_MINUTES[m[2].toLowerCase()]
  return Number.isFinite(minutes) ? minutes : undefined
}

/**
 * "30分钟", "2小时", "12.5分钟", "741秒": an exact Chinese form of a number of minutes (rounded to the second),
 * so that parsing it back gives the same number the page scored with.
 */
export function formatMinutes(minutes: number): string {
  const seconds = Math.round(minutes * 60)
  if (seconds % 3600 === 0 && seconds >= 3600) return `${seconds / 3600}小时`
  if (seconds % 6 === 0 && seconds >= 60) return `${seconds / 60}分钟`
  return `${seconds}秒`
}

/** Reads an elapsed or limit value that is a number of minutes or a duration string. */
export function toMinutes(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed)
  return parseDuration(trimmed)
}
