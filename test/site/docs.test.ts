// The help section publishes docs/: every document becomes a page, links between documents open the site's own
// pages (and their anchors exist), links to files the site does not publish become plain text.
import { describe, expect, it } from 'vitest'
import { docLink, docPages, docSources } from '../../scripts/lib/site/docs.ts'
import { rules } from '../../scripts/lib/rules/index.ts'

const help = (slug: string) => (slug ? `/yuan/help/${slug}/` : '/yuan/help/')
const pages = docPages(help)
const bySlug = new Map(pages.map((p) => [p.slug, p]))

describe('help pages from docs/', () => {
  it('one page per document: the index, the guides, the rule index and one page per rule', () => {
    expect(pages.length).toBe(docSources().length)
    expect(bySlug.get('')!.title).toBe('帮助 · Help')
    expect(bySlug.get('cli')!.title).toBe('命令行 The CLI')
    expect(bySlug.get('rules')!.title).toBe('检查规则 Lint rules')
    for (const rule of rules) expect(bySlug.get(`rules/${rule.id}`)?.title, rule.id).toBe(`${rule.name.zh} ${rule.name.en} · ${rule.id}`)
  })

  it('rewrites links between documents to site URLs under the base path, and leaves repository files as text', () => {
    const sources = new Set(docSources())
    expect(docLink('cli.md', 'README.md', sources, help)).toBe('/yuan/help/cli/')
    expect(docLink('rules/README.md', 'README.md', sources, help)).toBe('/yuan/help/rules/')
    expect(docLink('rules/', 'README.md', sources, help)).toBe('/yuan/help/rules/')
    expect(docLink('README.md#形式-form', 'rules/schema.md', sources, help)).toBe('/yuan/help/rules/#形式-form')
    expect(docLink('../regulations.md', 'rules/schema.md', sources, help)).toBe('/yuan/help/regulations/')
    expect(docLink('#为什么-why', 'rules/schema.md', sources, help)).toBe('#为什么-why')
    expect(docLink('../README.md', 'README.md', sources, help)).toBeUndefined()
    expect(docLink('../test/corpora/beiyuan/README.md', 'rule-notes.md', sources, help)).toBeUndefined()
    expect(docLink('javascript:alert(1)', 'README.md', sources, help)).toBeUndefined()
    const index = bySlug.get('')!.html
    expect(index).toContain('<a href="/yuan/help/cli/">命令行 CLI</a>')
    expect(index).toContain('<span class="dead-link">README</span>')
  })

  it('every link between help pages opens a page that exists, at an anchor that exists', () => {
    const broken: string[] = []
    for (const page of pages) {
      for (const [, target] of page.html.matchAll(/href="([^"]+)"/g)) {
        const url = target.replace(/&#x26;/g, '&')
        if (/^(https?|mailto|tel):/.test(url)) continue
        const [path, fragment] = url.split('#')
        const to = path ? bySlug.get(path.replace(/^\/yuan\/help\/?/, '').replace(/\/$/, '')) : page
        if (!to) broken.push(`${page.source}: ${url}`)
        else if (fragment && !to.html.includes(`id="${decodeURIComponent(fragment)}"`)) broken.push(`${page.source}: ${url} (no such anchor)`)
      }
    }
    expect(broken).toEqual([])
  })

  it('shows documents, not their markup: the generated files’ HTML comments do not appear', () => {
    for (const page of pages) expect(page.html, page.source).not.toContain('class="raw-html"')
    expect(bySlug.get('rules/placeholder-text')!.html).not.toContain('gen-rule-docs')
  })
})
