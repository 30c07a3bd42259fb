// Whole-process measurement: wall time and peak RSS of a command and every process it starts
// (Astro and Pagefind fork), read from /proc every 50 ms.
import { spawn } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'

export interface Sample {
  seconds: number
  peakMb: number
  /** Peak RSS of single processes, by executable name (e.g. `node`, `pagefind_extend`, the kernel's 15-character cut). */
  peakByNameMb: Record<string, number>
  code: number | null
}

function childrenOf(): Map<number, number[]> {
  const map = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const list = map.get(ppid) ?? []
      list.push(Number(name))
      map.set(ppid, list)
    } catch {
      // The process ended while we looked.
    }
  }
  return map
}

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
  } catch {
    return '?'
  }
}

/** RSS of the whole tree under `root`; `byName` keeps the largest single process seen per executable name. */
function treeRssKb(root: number, byName: Map<string, number>): number {
  const children = childrenOf()
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    const kb = rssKb(pid)
    total += kb
    const name = commOf(pid)
    if (kb > (byName.get(name) ?? 0)) byName.set(name, kb)
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000)
    })
    let peak = 0
    const byName = new Map<string, number>()
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRssKb(child.pid, byName))
    }, 50)
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(timer)
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      if (code !== 0 && code !== 1) process.stderr.write(`  (exit ${code}) ${stderr.split('\n').slice(-5).join('\n  ')}\n`)
      resolve({ seconds, peakMb: peak / 1024, peakByNameMb: Object.fromEntries([...byName].map(([name, kb]) => [name, kb / 1024])), code })
    })
  })
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
