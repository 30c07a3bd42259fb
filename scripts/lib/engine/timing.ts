// Timing log for profiling the lint engine: with YUANKU_TIMING=1 the CLI prints, on stderr, how long each
// phase and each rule took (main thread and workers summed). Off by default; when off every call is a no-op.
import { performance } from 'node:perf_hooks'

export const timingEnabled = Boolean(process.env.YUANKU_TIMING)

const totals = new Map<string, { ms: number; count: number }>()

export function addTime(label: string, ms: number, count = 1): void {
  const t = totals.get(label)
  if (t) {
    t.ms += ms
    t.count += count
  } else totals.set(label, { ms, count })
}

/** Runs fn and adds its duration under label (only when timing is on). */
export function timed<T>(label: string, fn: () => T): T {
  if (!timingEnabled) return fn()
  const start = performance.now()
  try {
    return fn()
  } finally {
    addTime(label, performance.now() - start)
  }
}

export function now(): number {
  return timingEnabled ? performance.now() : 0
}

/** The totals so far, for a worker to hand to the main thread. */
export function takeTimes(): [string, number, number][] {
  const out = [...totals].map(([label, t]) => [label, t.ms, t.count] as [string, number, number])
  totals.clear()
  return out
}

export function mergeTimes(list: [string, number, number][] | undefined): void {
  for (const [label, ms, count] of list ?? []) addTime(label, ms, count)
}

/** The totals so far, largest first, or undefined when timing is off (the CLI prints them; the core never prints). */
export function timingReport(): string | undefined {
  if (!timingEnabled) return undefined
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms)
  const lines = rows.map(([label, t]) => `${t.ms.toFixed(0).padStart(8)} ms ${String(t.count).padStart(7)}×  ${label}`)
  return `yuanku timing (ms, summed over threads):\n${lines.join('\n')}\n`
}
