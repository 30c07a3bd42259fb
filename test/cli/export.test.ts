// `yuanku export` as a user runs it: ids or files in, files out, clear messages and exit codes.
import { describe, expect, it } from 'vitest'
import { cpSync, existsSync, mkdtempSync, readdirSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { yuanku } from './helpers.ts'

const LIB = fileURLToPath(new URL('../export/fixtures/lib/', import.meta.url))

function workspace(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'yuanku-export-')))
  cpSync(LIB, join(dir, 'plans'), { recursive: true })
  return dir
}

describe('yuanku export', () => {
  it('writes a .docx per plan id, and names the image it could not find with its line and column', async () => {
    const dir = workspace()
    const r = await yuanku(['export', 'xishan-fangxun-zq', 'grid-sample', '--out', 'out'], dir)
    expect(r.code).toBe(0)
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['grid-sample.docx', 'xishan-fangxun-zq.docx'])
    expect(r.stdout).toContain('out/xishan-fangxun-zq.docx')
    expect(r.stdout).toContain('已写出 2 个文件 / 2 files written')
    expect(r.stderr).toBe('plans/flood.md:62:1  图片文件不存在，已略去：img/route.png / image file not found; left out: img/route.png\n')
  })

  it('takes a plan file and finds its library from it', async () => {
    const dir = workspace()
    const r = await yuanku(['export', 'plans/grid.md', '--format', 'docx', '--out', 'o'], dir)
    expect(r.code).toBe(0)
    expect(existsSync(join(dir, 'o', 'grid-sample.docx'))).toBe(true)
  })

  it('exports a plan whose frontmatter is broken, named after its file', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'plans', '草稿 v2.md'), '---\ntitle: 松岭乡森林火灾应急预案\nstatus: draft\n---\n\n## 一、总则\n\n正文。\n')
    const r = await yuanku(['export', 'plans/草稿 v2.md', '--out', 'o'], dir)
    expect(r.code).toBe(0)
    expect(readdirSync(join(dir, 'o'))).toEqual(['草稿-v2.docx'])
  })

  it('exports the whole library with --all', async () => {
    const dir = workspace()
    const r = await yuanku(['export', '--all', '--library', 'plans', '--out', 'all'], dir)
    expect(r.code).toBe(0)
    expect(readdirSync(join(dir, 'all')).sort()).toEqual(['grid-sample.docx', 'xishan-fangxun-zq.docx'])
  })

  it('says which plan it does not know, with a suggestion, and exits 2', async () => {
    const dir = workspace()
    const r = await yuanku(['export', 'xishan-fangxun'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('yuanku export: 找不到预案“xishan-fangxun”，是否指 xishan-fangxun-zq？')
    expect(existsSync(join(dir, 'xishan-fangxun-zq.docx'))).toBe(false)
  })

  it('refuses an unknown format and a missing Chromium for PDF, before writing anything', async () => {
    const dir = workspace()
    const bad = await yuanku(['export', 'grid-sample', '--format', 'odt'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('未知格式“odt”，可用 docx、pdf')
    const noBrowser = await yuanku(['export', 'grid-sample', '--format', 'docx,pdf', '--out', 'x'], dir, { CHROMIUM_PATH: join(dir, 'no-chromium') })
    expect(noBrowser.code).toBe(2)
    expect(noBrowser.stderr).toContain('找不到 Chromium，无法打印 PDF')
    expect(existsSync(join(dir, 'x'))).toBe(false)
  })

  it('asks for something to export', async () => {
    const r = await yuanku(['export'], workspace())
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('请给出预案编号或文件，或用 --all')
  })
})
