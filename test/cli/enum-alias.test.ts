// Chinese names of enumerated values as a user types them: accepted by lint (one warning each, fixable),
// written as ids by --fix, and accepted by `yuanku new --type 专项`.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TODAY, workspace, yuanku } from './helpers.ts'

describe('Chinese enum names', { timeout: 120_000 }, () => {
  it('lint reads type: 专项 and status: 已发布 as their ids, warns, and --fix writes the ids', async () => {
    const dir = workspace()
    const flood = join(dir, 'plans/city/flood.md')
    writeFileSync(flood, readFileSync(flood, 'utf8').replace('type: special', 'type: 专项').replace('status: published', 'status: 已发布 # 2025 年印发'))
    const r = await yuanku(['lint', 'plans/city/flood.md', '--today', TODAY, '--no-cache', '--format', 'json'], dir)
    const findings = JSON.parse(r.stdout).findings.map((f: { ruleId: string; line: number; message: string }) => `${f.ruleId} ${f.line} ${f.message}`)
    expect(findings).toEqual([
      'enum-alias 4 预案类型（type）写作“专项”，已按 special 处理；可用 --fix 改写为规范值 special',
      'enum-alias 16 状态（status）写作“已发布”，已按 published 处理；可用 --fix 改写为规范值 published',
      'placeholder-text 56 正文中留有未填写的占位符“待定”',
    ])
    await yuanku(['lint', 'plans/city/flood.md', '--fix', '--today', TODAY, '--no-cache'], dir)
    const text = readFileSync(flood, 'utf8')
    expect(text).toContain('\ntype: special\n')
    expect(text).toContain('\nstatus: published # 2025 年印发\n')
  })

  it('yuanku new --type 专项 scaffolds a special plan', async () => {
    const dir = workspace()
    const r = await yuanku(['new', '--type', '专项', '--jurisdiction', 'xishan-xian', '--hazard', 'flood', '--today', TODAY], dir)
    expect(r.code).toBe(0)
    expect(readFileSync(join(dir, 'plans/xishan-xian-flood.md'), 'utf8')).toContain('\ntype: special\n')
  })
})
