// The site's browser-side guarantees that can be read off the built files, no browser needed: every page
// of a build of the hostile library (the same build test/e2e/xss.test.ts opens in Chromium; the build
// cache is shared) carries exactly the documented Content Security Policy and referrer policy, and holds
// nothing the policy would have to be loosened for: no inline script (page data is inert JSON), no
// inline style, no event-handler attribute, nothing loaded from another origin.
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSite, siteFiles, type BuiltSite } from '../e2e/support.ts'

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

interface Tag {
  name: string
  attrs: Map<string, string>
  /** Offset just after the tag. */
  end: number
}

const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

/** The start tags of a page, read as a browser does: a quoted attribute value is one value, whatever it holds. */
function startTags(html: string): Tag[] {
  const out: Tag[] = []
  const re = /<!--[\s\S]*?-->|<\/[a-zA-Z][^>]*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (!m[1]) continue
    const attrs = new Map<string, string>()
    for (const a of m[2].matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) attrs.set(a[1].toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ''))
    const tag = { name: m[1].toLowerCase(), attrs, end: re.lastIndex }
    out.push(tag)
    // Raw-text elements: their content is not markup; skip to the end tag.
    if (tag.name === 'script' || tag.name === 'style') {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, re.lastIndex)
      re.lastIndex = close === -1 ? html.length : close
    }
  }
  return out
}

function scriptBody(html: string, tag: Tag): string {
  return html.slice(tag.end, html.toLowerCase().indexOf('</script', tag.end))
}

describe('every page of a build of the hostile library', { timeout: 300_000 }, () => {
  let site: BuiltSite
  let pages: [string, string][]
  beforeAll(async () => {
    site = await buildSite({ library: 'test/e2e/fixtures/xss-lib' })
    pages = siteFiles(site.dir)
      .filter(([p]) => p.endsWith('.html'))
      .map(([p, bytes]) => [p, bytes.toString('utf8')])
  })

  it('is a real build with the plan page and its checklist page', () => {
    const paths = pages.map(([p]) => p)
    expect(paths).toContain('plans/hostile-plan/index.html')
    expect(paths.filter((p) => p.startsWith('plans/hostile-plan/')).length).toBeGreaterThan(1)
  })

  it('declares exactly the documented Content Security Policy and no-referrer, once, in <head>', () => {
    for (const [path, html] of pages) {
      const tags = startTags(html)
      const bodyAt = tags.findIndex((t) => t.name === 'body')
      const metas = tags.map((t, i) => ({ t, i })).filter(({ t }) => t.name === 'meta')
      const csp = metas.filter(({ t }) => t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy')
      expect(csp.map(({ t }) => t.attrs.get('content')), path).toEqual([CSP])
      expect(csp[0].i, `${path}: in <head>`).toBeLessThan(bodyAt)
      expect(metas.filter(({ t }) => t.attrs.get('name') === 'referrer').map(({ t }) => t.attrs.get('content')), path).toEqual(['no-referrer'])
    }
  })

  it('has no inline script (only module scripts from the site and inert JSON), no inline style, no event handler', () => {
    let json = 0
    for (const [path, html] of pages) {
      const tags = startTags(html)
      for (const t of tags.filter((t) => t.name === 'script')) {
        const body = scriptBody(html, t)
        const src = t.attrs.get('src')
        if (t.attrs.get('type') === 'application/json' && src === undefined) {
          json++
          // The data is JSON, and nothing in it can end the element.
          expect(() => JSON.parse(body), path).not.toThrow()
          expect(body, path).not.toMatch(/<\/?script/i)
        } else {
          expect([t.attrs.get('type'), body.trim()], `${path}: <script ${[...t.attrs].join(' ')}>`).toEqual(['module', ''])
          expect(src, path).toMatch(new RegExp(`^${site.base}[^:]+\\.js$`))
        }
      }
      expect(tags.filter((t) => t.name === 'style').length, path).toBe(0)
      const inline = tags.flatMap((t) => [...t.attrs.keys()].filter((a) => a === 'style' || /^on/.test(a)).map((a) => `<${t.name} ${a}>`))
      expect(inline, path).toEqual([])
    }
    expect(json).toBeGreaterThan(0)
  })

  it('loads nothing from another origin, and no URL attribute holds javascript:, data: (but images) or vbscript:', () => {
    for (const [path, html] of pages) {
      for (const t of startTags(html)) {
        for (const [name, value] of t.attrs) {
          if (!/^(src|href|action|formaction|data|poster|xlink:href)$/.test(name)) continue
          const where = `${path}: <${t.name} ${name}="${value.slice(0, 60)}">`
          expect(/^\s*(javascript|vbscript):/i.test(value), where).toBe(false)
          if (/^\s*data:/i.test(value)) expect(t.name, where).toBe('img')
          if (t.name !== 'a') expect(/^\s*(https?:)?\/\//i.test(value), where).toBe(false)
        }
      }
    }
  })
})
