// A relative BASE (meant for opening dist/ from a file share) is refused before anything is built: the
// site links under an absolute base and must be served over HTTP.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const BUILD = new URL('../../scripts/build-site.ts', import.meta.url).pathname
const LIBRARY = new URL('../e2e/fixtures/site-lib', import.meta.url).pathname

it('BASE=./ stops with a bilingual message and exit 2, writing nothing', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'yuanku-base-')), 'dist')
  const r = spawnSync(process.execPath, [BUILD], { encoding: 'utf8', env: { ...process.env, BASE: './', LIBRARY, OUT_DIR: out } })
  expect(r.status).toBe(2)
  expect(r.stderr).toBe(
    '构建失败 / build failed: BASE 应为以 / 开头的部署路径（如 /yuan/），不能是“./”：站点须放在 Web 服务器上经 HTTP 访问，不支持从磁盘或文件共享直接打开（file://） / BASE must be a path starting with / (e.g. /yuan/), not "./": the site is served over HTTP and does not work opened from disk or a file share (file://)\n',
  )
  expect(existsSync(out)).toBe(false)
})
