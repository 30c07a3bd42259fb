// The README and docs/ are what a user reads first, often on an intranet: every relative link must open a file of
// the repository, and no link may point at a host that does not exist or at a file the repository does not hold.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const docs = (dir: string): string[] => readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? docs(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []))
const FILES = ['README.md', ...docs('docs')]

/** Markdown link targets outside code (fenced blocks and inline code are examples, not links). */
function links(text: string): string[] {
  const prose = text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '')
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1])
}

describe('README.md and docs/', () => {
  it('every relative link opens a file or folder of the repository', () => {
    const broken: string[] = []
    for (const file of FILES) {
      for (const target of links(readFileSync(join(ROOT, file), 'utf8'))) {
        if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue
        const path = decodeURIComponent(target.split('#')[0])
        if (!existsSync(join(ROOT, dirname(file), path))) broken.push(`${file} → ${target}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('no link leaves for a host that does not exist (github.com/yuanku)', () => {
    for (const file of FILES) expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/github\.com\/yuanku/i)
  })

  it('the README keeps the two commands and says how long they take', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain('npm ci && npm run build   # 检查并发布示例预案库到 dist/')
    expect(readme).toContain('npm ci && npm test        # 运行全部测试')
    expect(readme).toMatch(/`npm run build` 约需 .+`npm test` 在空闲的 2 核机器上约需/s)
    expect(readme.split('\n').length).toBeLessThanOrEqual(320)
  })
})
