// `yuanku coverage` run as a user runs it: a child process on a fixture library, exact output.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CoverageMatrix } from '../../scripts/lib/coverage.ts'

const REPO = new URL('../../', import.meta.url).pathname
const LIBRARY = new URL('./fixtures/coverage/', import.meta.url).pathname

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--no-warnings', join(REPO, 'scripts/yuanku.ts'), 'coverage', ...args], { cwd: REPO, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('yuanku coverage --format table', () => {
  it('prints the matrix with stacked Chinese hazard names, indentation by depth and a legend', () => {
    const r = run(LIBRARY, '--today', '2026-11-23')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')).toEqual([
      '覆盖测试库 · 覆盖矩阵（行政区 × 事件种类）',
      '',
      '行政区      洪 地 森 水 危',
      '            涝 震 林 库 险',
      '            灾 灾 草 垮 化',
      '            害 害 原 坝 学',
      '                  火    品',
      '                  灾    事',
      '                        故',
      '示例市      ●  ●  ■  ·  ◐',
      '  西山县    ●  ·  ·  ●  ·',
      '    青石镇  ·  ·  ◐  ·  ·',
      '  东城区    ◐  ·  ·  ✗  ·',
      '',
      '图例：● 已覆盖（专项）  ■ 已覆盖（部门）  ◐ 仅有草案  ✗ 缺失（要求具备）  · 不要求',
      '4 个行政区 × 5 个事件种类：已覆盖 5，仅有草案 3，缺失 1；覆盖缺口（要求具备而无在用预案）3 处（coverage-gap）',
      '',
    ])
  })

  it('counts a plan issued after --today as a draft until that day', () => {
    const before = run(LIBRARY, '--today', '2026-11-30').stdout.split('\n')
    const after = run(LIBRARY, '--today', '2026-12-01').stdout.split('\n')
    expect(before[12]).toBe('  东城区    ◐  ·  ·  ✗  ·')
    expect(after[12]).toBe('  东城区    ●  ·  ·  ✗  ·')
  })

  it('numbers the columns and lists the hazards in English', () => {
    const r = run(LIBRARY, '--today', '2026-11-23', '--locale', 'en')
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')).toEqual([
      'Coverage test library · Coverage (jurisdiction × hazard)',
      '',
      'Jurisdiction          1  2  3  4  5',
      'Shili City            ●  ●  ■  ·  ◐',
      '  Xishan County       ●  ·  ·  ●  ·',
      '    Qingshi Town      ·  ·  ◐  ·  ·',
      '  Dongcheng District  ◐  ·  ·  ✗  ·',
      '',
      'Hazards:',
      '  1  Flood (flood)',
      '  2  Earthquake (earthquake)',
      '  3  Forest and grassland fire (forest-fire)',
      '  4  Dam break (dam-break)',
      '  5  Hazardous chemicals accident (hazmat)',
      '',
      'Legend: ● covered (special)  ■ covered (department)  ◐ draft only  ✗ missing (required)  · not required',
      '4 jurisdictions × 5 hazards: 5 covered, 3 draft only, 1 missing; coverage gaps (required, no plan in force): 3 (coverage-gap)',
      '',
    ])
  })

  it('says so when units.yaml registers no jurisdiction', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-coverage-'))
    writeFileSync(join(dir, 'library.yaml'), 'name: 空库\n')
    const r = run(dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('空库 · 覆盖矩阵（行政区 × 事件种类）\n\nunits.yaml 中没有登记行政区。\n')
  })
})

describe('yuanku coverage --format csv', () => {
  it('writes UTF-8 with a BOM, CRLF line ends and one row per jurisdiction', () => {
    const r = run(LIBRARY, '--today', '2026-11-23', '--format', 'csv')
    expect(r.code).toBe(0)
    expect(r.stdout.startsWith('\uFEFF')).toBe(true)
    expect(r.stdout.slice(1).split('\r\n')).toEqual([
      '编号,行政区,层级,上级,洪涝灾害,地震灾害,森林草原火灾,水库垮坝,危险化学品事故',
      'shili-shi,示例市,市级,,已覆盖（专项）,已覆盖（专项）,已覆盖（部门）,不要求,仅有草案（专项）',
      'xishan-xian,西山县,县级,shili-shi,已覆盖（专项）,不要求,不要求,已覆盖（专项）,不要求',
      'qingshi-zhen,青石镇,乡镇级,xishan-xian,不要求,不要求,仅有草案（专项）,不要求,不要求',
      'dongcheng-qu,东城区,县级,shili-shi,仅有草案（专项）,不要求,不要求,缺失,不要求',
      '',
    ])
  })

  it('uses English names and states with --locale en', () => {
    const lines = run(LIBRARY, '--today', '2026-11-23', '--format', 'csv', '--locale', 'en').stdout.slice(1).split('\r\n')
    expect(lines[0]).toBe('id,jurisdiction,level,parent,Flood,Earthquake,Forest and grassland fire,Dam break,Hazardous chemicals accident')
    expect(lines[4]).toBe('dongcheng-qu,Dongcheng District,county,shili-shi,draft only (special),not required,not required,missing,not required')
  })
})

describe('yuanku coverage --format json', () => {
  it('prints the CoverageMatrix', () => {
    const r = run(LIBRARY, '--today', '2026-11-23', '--format', 'json')
    expect(r.code).toBe(0)
    const m = JSON.parse(r.stdout) as CoverageMatrix
    expect(m.jurisdictions.map((j) => [j.id, j.depth, j.parent ?? null])).toEqual([
      ['shili-shi', 0, null],
      ['xishan-xian', 1, 'shili-shi'],
      ['qingshi-zhen', 2, 'xishan-xian'],
      ['dongcheng-qu', 1, 'shili-shi'],
    ])
    expect(m.hazards.map((h) => h.id)).toEqual(['flood', 'earthquake', 'forest-fire', 'dam-break', 'hazmat'])
    expect(m.cells['shili-shi'].earthquake).toEqual({
      state: 'active',
      required: true,
      plans: [{ id: 'shili-earthquake', title: '示例市地震应急预案', status: 'published', type: 'special', path: 'shili/earthquake.md' }],
      kind: 'special',
    })
    // A published department plan covers its department's jurisdiction (coverage.counts by default).
    expect(m.cells['shili-shi']['forest-fire']).toMatchObject({ state: 'active', kind: 'department' })
    expect(m.cells['xishan-xian']['dam-break'].plans.map((p) => p.id)).toEqual(['xishan-flood'])
    expect(m.cells['dongcheng-qu'].flood).toEqual({
      state: 'draft',
      required: true,
      plans: [{ id: 'dongcheng-flood', title: '东城区防汛应急预案', status: 'published', type: 'special', path: 'dongcheng/flood.md' }],
      kind: 'special',
    })
    expect(m.cells['dongcheng-qu']['dam-break']).toEqual({ state: 'missing', required: true, plans: [] })
    expect(m.cells['qingshi-zhen'].flood).toEqual({ state: 'not-required', required: false, plans: [] })
  })
})

describe('yuanku coverage usage errors', () => {
  it.each([
    [['/nonexistent/library'], 'yuanku coverage: 找不到“/nonexistent/library” / "/nonexistent/library" does not exist'],
    [[LIBRARY, '--format', 'xml'], 'yuanku coverage: 未知格式“xml”，可用：table, csv, json / unknown format "xml"'],
    [[LIBRARY, '--locale', 'fr'], 'yuanku coverage: --locale 只能是 zh-CN 或 en / --locale must be zh-CN or en'],
    [[LIBRARY, '--today', '23.11.2026'], 'yuanku coverage: --today 应为 YYYY-MM-DD 格式的有效日期 / --today must be a valid date YYYY-MM-DD'],
    [[LIBRARY, LIBRARY], 'yuanku coverage: 只能指定一个预案库目录 / give one library folder at most'],
  ])('%j exits 2 with a message and no stack trace', (args, message) => {
    const r = run(...args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(message + '\n')
  })

  it('--help prints the usage and exits 0', () => {
    const r = run('--help')
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('用法 / Usage: yuanku coverage [预案库目录 library dir] [选项]')
  })
})
