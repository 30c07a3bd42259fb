// Found by fuzzing: a plan whose frontmatter lost its title was named “undefined” in other plans' findings
// (stale-parent: 上位预案“undefined”（shili-overall）…; jurisdiction-without-overall likewise). Such a plan is
// named by its id instead.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const CLI = new URL('../../scripts/yuanku.ts', import.meta.url).pathname
const FIXTURE = new URL('../rules/stale-parent/not-ok/', import.meta.url).pathname

it('a parent plan without a title is named by its id in stale-parent, never “undefined”', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-untitled-'))
  try {
    cpSync(FIXTURE, dir, { recursive: true })
    const parent = join(dir, 'shili', 'overall.md')
    writeFileSync(parent, readFileSync(parent, 'utf8').replace(/^title: .*\n/m, ''))
    const r = spawnSync(process.execPath, [CLI, 'lint', dir, '--no-cache', '--format', 'json'], { encoding: 'utf8' })
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; message: string }[] }).findings
    const stale = findings.filter((f) => f.ruleId === 'stale-parent' && f.file.endsWith('xishan/overall.md'))
    expect(stale.map((f) => `${f.line} ${f.message}`)).toEqual(['10 上位预案“shili-overall”（shili-overall）于 2025-06-01 发布新版，晚于本预案最近一次发布或修订（2023-05-10）；请对照上位预案评估本预案'])
    expect(findings.map((f) => f.message).join('\n')).not.toMatch(/\bundefined\b/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
