// Every command that writes (`new`, `new --force`, `drill add`, `lint --fix`, `lint -o`, `hook install`)
// writes through a temp file and a rename, so a crash can never leave a torn or half-replaced file:
// each command is run as a real child process and killed (SIGKILL) at the two worst moments, halfway
// through writing the temp file and just before the rename/link, and the user's files are compared
// byte for byte. A rename target that is a folder is refused without a stack trace, and commands that
// were not asked to write leave every library file as it was.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildRecord, recordToJson } from '../../scripts/lib/drill/record.ts'
import type { ChecklistItem } from '../../scripts/lib/drill/types.ts'
import { GIT_ENV, TODAY, gitRepo, workspace, YUANKU } from '../cli/helpers.ts'

const DRILL_FIXTURE = new URL('../drill/fixtures/lib', import.meta.url).pathname

// Loaded with `node --import`: wraps fs so that the process kills itself at the chosen moment of an
// atomic write. Node's builtin ESM exports are synced, so `import { writeSync } from 'node:fs'` in
// scripts/lib/fs/atomic.ts sees the wrapper too. Before dying it leaves a marker, so a test can tell a
// crash at the right moment from a command that never got there.
const PRELOAD = `
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
const mode = process.env.YUANKU_CRASH
const mark = process.env.YUANKU_CRASH_MARK
const { openSync, writeSync, closeSync, renameSync, linkSync } = fs
const temps = new Set()
const isTemp = (p) => /\\.tmp$/.test(String(p))
function die(what) {
  const fd = openSync.call(fs, mark, 'w')
  writeSync.call(fs, fd, what)
  closeSync.call(fs, fd)
  process.kill(process.pid, 'SIGKILL')
}
fs.openSync = function (path, ...rest) {
  const fd = openSync.call(fs, path, ...rest)
  if (isTemp(path)) temps.add(fd)
  return fd
}
fs.writeSync = function (fd, data, ...rest) {
  if (mode === 'write' && temps.has(fd)) {
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    writeSync.call(fs, fd, bytes.subarray(0, Math.max(1, bytes.length >> 1)))
    die('write')
  }
  return writeSync.call(fs, fd, data, ...rest)
}
fs.renameSync = function (from, to) {
  if (mode === 'rename' && isTemp(from)) die('rename')
  return renameSync.call(fs, from, to)
}
fs.linkSync = function (from, to) {
  if (mode === 'rename' && isTemp(from)) die('link')
  return linkSync.call(fs, from, to)
}
syncBuiltinESMExports()
`

let preload: string
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-crash-'))
  preload = join(dir, 'crash.mjs')
  writeFileSync(preload, PRELOAD)
})

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** The moment the preload killed the process at ('write', 'rename', 'link'), if it did. */
  crashed?: string
}

function yuanku(args: string[], cwd: string, crash?: 'write' | 'rename'): Run {
  const mark = join(mkdtempSync(join(tmpdir(), 'yuanku-mark-')), 'mark')
  const r = spawnSync(process.execPath, [...(crash ? ['--import', preload] : []), YUANKU, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', ...(crash ? { YUANKU_CRASH: crash, YUANKU_CRASH_MARK: mark } : {}) },
    timeout: 120_000,
  })
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, crashed: existsSync(mark) ? readFileSync(mark, 'utf8') : undefined }
}

/** Every file under `dir` (symlinks as links) with its bytes, mode and inode: what a user would miss. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name
      const st = lstatSync(join(dir, path))
      if (st.isDirectory()) {
        out[`${path}/`] = 'dir'
        walk(path)
      } else if (st.isSymbolicLink()) out[path] = 'symlink'
      else out[path] = `${(st.mode & 0o777).toString(8)} ${st.ino} ${st.mtimeMs} ${readFileSync(join(dir, path)).toString('base64')}`
    }
  }
  walk('')
  return out
}

/** Leftover temp files of a killed write: hidden (dot) names that the loader never reads. */
function temps(dir: string): string[] {
  return Object.keys(snapshot(dir)).filter((p) => /(^|\/)\.[^/]+\.tmp$/.test(p))
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/)

const NEW_ARGS = ['new', '--type', 'special', '--jurisdiction', 'xishan-xian', '--hazard', 'flood', '--today', TODAY]

function drillWorkspace(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'yuanku-drill-')))
  cpSync(DRILL_FIXTURE, join(dir, 'plans'), { recursive: true })
  mkdirSync(join(dir, 'plans/drills'))
  const items: ChecklistItem[] = [{ ref: 'plan-e4126f20', phase: '预警与信息报告', text: '市水利局30分钟内报告水情', points: 5, critical: true, within: 30, source: 'plan' }]
  const record = buildRecord({ plan: 'shili-flood', date: '2026-05-12', kind: 'tabletop', scenario: '强降雨', organizer: 'shi-yingji', evaluators: ['王敏'] }, items, { 'plan-e4126f20': { rating: 'met', elapsed: 20 } }, [])
  writeFileSync(join(dir, 'export.json'), recordToJson(record))
  return dir
}

interface WriteCase {
  name: string
  /** Prepares a workspace; returns it and the file the command writes. */
  setup: () => { dir: string; target: string }
  args: string[]
  /** How the finished temp file takes its name: link(2) for a new file that must not replace one, rename(2) otherwise. */
  via: 'link' | 'rename'
}

// Each command at the moment it writes a file that already exists (the original must survive) or a
// new one (nothing may appear under the final name).
const CASES: WriteCase[] = [
  {
    name: 'new (creates a plan)',
    setup: () => ({ dir: workspace(), target: 'plans/xishan-xian-flood.md' }),
    args: NEW_ARGS,
    via: 'link',
  },
  {
    name: 'new --force (replaces a plan edited by hand)',
    setup: () => {
      const dir = workspace()
      writeFileSync(join(dir, 'plans/xishan-xian-flood.md'), '---\nid: xishan-xian-flood\n---\n# 手工编辑的草稿\n'.repeat(200))
      return { dir, target: 'plans/xishan-xian-flood.md' }
    },
    args: [...NEW_ARGS, '--force'],
    via: 'rename',
  },
  {
    name: 'drill add (stores a record)',
    setup: () => ({ dir: drillWorkspace(), target: 'plans/drills/2026-05-12-shili-flood.md' }),
    args: ['drill', 'add', 'export.json'],
    via: 'link',
  },
  {
    name: 'lint --fix (rewrites a plan)',
    setup: () => ({ dir: workspace(), target: 'plans/city/forest.md' }),
    args: ['lint', '--fix', '--today', TODAY, '--no-cache'],
    via: 'rename',
  },
  {
    name: 'lint -o (replaces an earlier report)',
    setup: () => {
      const dir = workspace()
      writeFileSync(join(dir, 'report.json'), '{"earlier": "report"}\n')
      return { dir, target: 'report.json' }
    },
    args: ['lint', '--format', 'json', '-o', 'report.json', '--today', TODAY, '--no-cache'],
    via: 'rename',
  },
  {
    name: 'hook install --force (replaces another tool’s hook)',
    setup: () => {
      const dir = workspace()
      gitRepo(dir)
      mkdirSync(join(dir, '.git/hooks'), { recursive: true })
      writeFileSync(join(dir, '.git/hooks/pre-commit'), '#!/bin/sh\necho theirs\n', { mode: 0o755 })
      return { dir, target: '.git/hooks/pre-commit' }
    },
    args: ['hook', 'install', '--force'],
    via: 'rename',
  },
  {
    name: 'hook install (creates the hook)',
    setup: () => {
      const dir = workspace()
      gitRepo(dir)
      return { dir, target: '.git/hooks/pre-commit' }
    },
    args: ['hook', 'install'],
    via: 'rename',
  },
]

describe('a write killed at the worst moment leaves the original intact', { timeout: 120_000 }, () => {
  for (const c of CASES) {
    for (const moment of ['write', 'rename'] as const) {
      it(`${c.name}: killed ${moment === 'write' ? 'halfway through writing the temp file' : `just before the ${c.via}`}`, () => {
        const { dir, target } = c.setup()
        const before = snapshot(dir)
        const r = yuanku(c.args, dir, moment)
        // The command really was killed inside the atomic write, not before it.
        expect(r.signal).toBe('SIGKILL')
        expect(r.crashed).toBe(moment === 'write' ? 'write' : c.via)
        const after = snapshot(dir)
        const leftovers = temps(dir)
        expect(leftovers.length).toBe(1)
        // Byte for byte, mode and inode: the target is exactly as it was (or still absent).
        expect(after[target]).toBe(before[target])
        // Nothing else changed but the one hidden temp file.
        for (const t of leftovers) delete after[t]
        expect(after).toEqual(before)
      })
    }
  }

  it('the temp file a killed write leaves behind is never read as a plan', () => {
    const dir = workspace()
    expect(yuanku(NEW_ARGS, dir, 'write').crashed).toBe('write')
    expect(temps(dir)).toEqual([expect.stringMatching(/^plans\/\.xishan-xian-flood\.md\.\d+\.[0-9a-f]{8}\.tmp$/)])
    const lint = yuanku(['lint', '--format', 'json', '--today', TODAY, '--no-cache'], dir)
    const files = (JSON.parse(lint.stdout).findings as { file: string }[]).map((f) => f.file)
    expect(files.filter((f) => f.includes('.tmp'))).toEqual([])
    // …and a second run of the command succeeds normally.
    const again = yuanku(NEW_ARGS, dir)
    expect(again.code).toBe(0)
    expect(readFileSync(join(dir, 'plans/xishan-xian-flood.md'), 'utf8')).toMatch(/^---\nid: xishan-xian-flood\n/)
  })
})

describe('a target that is a folder is refused, not replaced', { timeout: 120_000 }, () => {
  it('new: without --force it says the name exists; with --force the rename fails cleanly (exit 2, folder intact, no temp left)', () => {
    const dir = workspace()
    mkdirSync(join(dir, 'plans/xishan-xian-flood.md'))
    writeFileSync(join(dir, 'plans/xishan-xian-flood.md/keep.txt'), 'keep')
    const before = snapshot(dir)
    const plain = yuanku(NEW_ARGS, dir)
    expect([plain.code, plain.stdout, plain.stderr]).toEqual([2, '', 'yuanku new: plans/xishan-xian-flood.md 已存在；用 --force 覆盖 / plans/xishan-xian-flood.md exists; use --force to overwrite it\n'])
    const forced = yuanku([...NEW_ARGS, '--force'], dir)
    expect(forced.code).toBe(2)
    expect(forced.stdout).toBe('')
    expect(forced.stderr).toMatch(/^yuanku new: 文件操作失败 \/ file system error: EISDIR: illegal operation on a directory, rename '.+\/plans\/\.xishan-xian-flood\.md\.\d+\.[0-9a-f]{8}\.tmp' -> '.+\/plans\/xishan-xian-flood\.md'\n$/)
    noStack(forced.stderr)
    expect(snapshot(dir)).toEqual(before)
  })

  it('drill add: a folder under the record’s name is skipped for the next free name', () => {
    const dir = drillWorkspace()
    mkdirSync(join(dir, 'plans/drills/2026-05-12-shili-flood.md'))
    const r = yuanku(['drill', 'add', 'export.json'], dir)
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '已收录 / added: plans/drills/2026-05-12-shili-flood-2.md\n', ''])
    expect(statSync(join(dir, 'plans/drills/2026-05-12-shili-flood.md')).isDirectory()).toBe(true)
    expect(temps(dir)).toEqual([])
  })

  it('lint -o: a folder as the output is an error (exit 2), the folder is left as it was', () => {
    const dir = workspace()
    mkdirSync(join(dir, 'out'))
    writeFileSync(join(dir, 'out/keep.txt'), 'keep')
    const before = snapshot(dir)
    const r = yuanku(['lint', '-o', 'out', '--today', TODAY, '--no-cache'], dir)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^yuanku lint: 文件操作失败 \/ file system error: EISDIR: illegal operation on a directory, rename '.+' -> '.+\/out'\n$/)
    noStack(r.stderr)
    expect(snapshot(dir)).toEqual(before)
  })

  it('hook install: a folder where the hook goes is left alone (exit 2, no stack trace)', () => {
    const dir = workspace()
    gitRepo(dir)
    mkdirSync(join(dir, '.git/hooks/pre-commit'), { recursive: true })
    const before = snapshot(dir)
    for (const args of [['hook', 'install'], ['hook', 'install', '--force'], ['hook', 'uninstall']]) {
      const r = yuanku(args, dir)
      expect([r.code, r.stdout, r.stderr], args.join(' ')).toEqual([2, '', 'yuanku hook: .git/hooks/pre-commit 不是文件，未改动 / .git/hooks/pre-commit is not a file; left as it is\n'])
    }
    expect(snapshot(dir)).toEqual(before)
  })
})

describe('nothing is written unless asked', { timeout: 120_000 }, () => {
  it('lint (every format, cache on), rules and coverage leave every file of the library as it was', () => {
    const dir = workspace()
    mkdirSync(join(dir, 'node_modules')) // the lint cache goes to node_modules/.cache: outside the library
    const before = snapshot(join(dir, 'plans'))
    const runs = [
      ['lint', '--today', TODAY],
      ['lint', '--format', 'json', '--today', TODAY],
      ['lint', '--format', 'sarif', '--today', TODAY],
      ['lint', 'plans/city/forest.md', '--today', TODAY, '--no-cache'],
      ['rules'],
      ['rules', 'dissolved-unit'],
      ['coverage', '--today', TODAY],
      ['coverage', '--format', 'csv', '--today', TODAY],
    ]
    for (const args of runs) {
      const r = yuanku(args, dir)
      expect([0, 1], args.join(' ')).toContain(r.code)
      noStack(r.stderr)
    }
    // forest.md has certain fixes; without --fix they are only reported.
    expect(snapshot(join(dir, 'plans'))).toEqual(before)
  })

  it('drill score reads a record and writes nothing', () => {
    const dir = drillWorkspace()
    const before = snapshot(dir)
    const r = yuanku(['drill', 'score', 'export.json'], dir)
    expect(r.code).toBe(0)
    expect(snapshot(dir)).toEqual(before)
  })

  it('lint --fix does not write through a symlinked plan to the file outside the library', () => {
    const dir = workspace()
    const outside = join(mkdtempSync(join(tmpdir(), 'yuanku-outside-')), 'forest.md')
    cpSync(join(dir, 'plans/city/forest.md'), outside)
    const text = readFileSync(outside, 'utf8')
    expect(text).toContain('shi-linye') // a certain fix exists in it
    const rm = spawnSync('rm', [join(dir, 'plans/city/forest.md')])
    expect(rm.status).toBe(0)
    symlinkSync(outside, join(dir, 'plans/city/forest.md'))
    const r = yuanku(['lint', '--fix', '--format', 'json', '--today', TODAY, '--no-cache'], dir)
    expect(r.code).toBe(1)
    const own = (JSON.parse(r.stdout).findings as { file: string; ruleId: string }[]).filter((f) => f.file === 'plans/city/forest.md')
    expect(own.map((f) => f.ruleId)).toEqual(['encoding'])
    expect(readFileSync(outside, 'utf8')).toBe(text)
    expect(lstatSync(join(dir, 'plans/city/forest.md')).isSymbolicLink()).toBe(true)
  })

  it('new refuses a --dir outside the library and writes nothing', () => {
    const dir = workspace()
    const outside = mkdtempSync(join(tmpdir(), 'yuanku-outside-'))
    const before = snapshot(dir)
    for (const d of [outside, '../..', 'plans/../..']) {
      const r = yuanku([...NEW_ARGS, '--dir', d], dir)
      expect([r.code, r.stdout], d).toEqual([2, ''])
      expect(r.stderr).toMatch(/不在预案库.*中 \/ the file would be outside the library\n$/)
    }
    expect(readdirSync(outside)).toEqual([])
    expect(snapshot(dir)).toEqual(before)
  })
})
