// `yuanku preview`: serves the built site on 127.0.0.1 under the base path it was built for, the way an
// intranet web server would, so that links and the offline checklist behave as they will there.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { EXIT, UsageError } from './errors.ts'

const HELP = `用法 / Usage: yuanku preview [--out 目录 DIR] [--port 端口 PORT] [--base 路径 PATH]

在本机 127.0.0.1 上预览 yuanku build 生成的站点，并显示网址；按 Ctrl+C 停止。
Serves the site \`yuanku build\` wrote on 127.0.0.1 and prints its URL; Ctrl+C stops it.

  --out DIR     站点目录 / the built site (default dist/)
  --port PORT   端口 / port (default 4321; 0 = any free port)
  --base PATH   站点路径；默认从生成的页面中识别 / base path; default: read from the built pages`

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
}

/** The base path the site was built for, read from its home page's asset links ("/yuanku/_astro/…"). */
export function detectBase(dir: string): string {
  const home = join(dir, 'index.html')
  if (!existsSync(home)) return '/'
  const match = /(?:href|src)="(\/[^"]*?)_astro\//.exec(readFileSync(home, 'utf8'))
  return match ? match[1] : '/'
}

/** The request's path with %-escapes decoded, or undefined when they are malformed (answer 400). */
export function decodedPath(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname)
  } catch {
    return undefined
  }
}

/**
 * Answers a request for `rel` (the path below the base) from a built site the way a plain web server does:
 * folders redirect to their slash form and serve index.html, missing files get the site's 404 page, and no
 * path leaves the folder. The preview command and the browser tests share it.
 */
export function sendSiteFile(res: ServerResponse, dir: string, relPath: string, request: { pathname: string; search: string; cacheControl: string }): void {
  const rel = normalize(relPath)
  if (rel.startsWith('..') || rel.includes(`${sep}..${sep}`)) {
    res.writeHead(403).end()
    return
  }
  let file = join(dir, rel)
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!request.pathname.endsWith('/')) {
      res.writeHead(301, { location: `${request.pathname}/${request.search}` }).end()
      return
    }
    file = join(file, 'index.html')
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    const notFound = join(dir, '404.html')
    res.writeHead(404, { 'content-type': TYPES['.html'] })
    if (existsSync(notFound)) createReadStream(notFound).pipe(res)
    else res.end('not found')
    return
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': request.cacheControl })
  createReadStream(file).pipe(res)
}

function normalBase(base: string): string {
  const b = base.trim() || '/'
  return (b.startsWith('/') ? b : `/${b}`).replace(/\/*$/, '/')
}

export async function runPreview(argv: string[], cwd = process.cwd()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      port: { type: 'string', default: '4321' },
      base: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  })
  if (values.help) {
    console.log(HELP)
    return EXIT.ok
  }
  const dir = resolve(cwd, values.out ?? 'dist')
  if (!existsSync(join(dir, 'index.html'))) {
    throw new UsageError(`“${dir}”中没有已生成的站点；先运行 yuanku build（或 npm run build） / no built site in "${dir}"; run \`yuanku build\` (or npm run build) first`)
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口应为 0–65535 的整数：“${values.port}” / --port must be an integer 0–65535`)
  const base = normalBase(values.base ?? detectBase(dir))

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const pathname = decodedPath(url)
    if (pathname === undefined) {
      res.writeHead(400).end()
      return
    }
    if (!pathname.startsWith(base)) {
      // The root of the server is not the site: send the reader to where it is.
      if (pathname === '/' || `${pathname}/` === base) res.writeHead(302, { location: base }).end()
      else res.writeHead(404, { 'content-type': TYPES['.txt'] }).end(`不在站点路径 ${base} 下 / not under the base path ${base}`)
      return
    }
    sendSiteFile(res, dir, pathname.slice(base.length), { pathname, search: url.search, cacheControl: 'no-cache' })
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new UsageError(`端口 ${port} 已被占用；用 --port 换一个（--port 0 自动选择） / port ${port} is in use; choose another with --port (0 picks a free one)`) : error),
    )
    server.listen(port, '127.0.0.1', ok)
  })
  const address = server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  console.log(`站点预览 / previewing ${dir}\n  http://127.0.0.1:${actual}${base}\n按 Ctrl+C 停止 / Ctrl+C stops it`)
  await new Promise<void>((done) => {
    const stop = () => server.close(() => done())
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return EXIT.ok
}
