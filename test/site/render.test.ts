// The site's plan rendering: sanitised, anchors identical to the broken-link rule's, links rewritten for
// the site, line anchors for findings.
import { describe, expect, test } from 'vitest'
import { parseMarkdown } from '../../scripts/lib/load/markdown.ts'
import { headingSlugs } from '../../scripts/lib/text/links.ts'
import { renderPlanBody, type RenderContext } from '../../scripts/lib/site/render.ts'

const ctx = (over: Partial<RenderContext> = {}): RenderContext => ({
  path: 'city/flood.md',
  planHref: (id) => (id === 'shili-overall' ? '/yuan/plans/shili-overall/' : undefined),
  planIdAtPath: (path) => (path === 'city/overall.md' ? 'shili-overall' : undefined),
  ...over,
})

const ids = (html: string) => [...html.matchAll(/<h[1-6][^>]* id="([^"]*)"/g)].map((m) => m[1])

describe('renderPlanBody', () => {
  test('heading ids are the slugs broken-link checks anchors against', () => {
    const text = [
      '---', 'id: x', '---',
      '# 示例市防汛抗旱应急预案',
      '## 1.2 编制依据', '## 1.2 编制依据', '## 第三章 应急响应（Ⅰ级）', '### 3.1 *信息* `报告`', '## Response & Recovery!', '## 2　组织：指挥体系',
    ].join('\n')
    const tree = parseMarkdown(text)
    const html = renderPlanBody(tree, ctx()).html
    expect(ids(html)).toEqual(headingSlugs(tree))
    expect(ids(html)).toEqual(['示例市防汛抗旱应急预案', '12-编制依据', '12-编制依据-1', '第三章-应急响应ⅰ级', '31-信息-报告', 'response--recovery', '2组织指挥体系'])
  })

  test('the table of contents lists headings down to level 3', () => {
    const r = renderPlanBody(parseMarkdown('# T\n\n## 1 总则\n\n### 1.1 目的\n\n#### 细则\n'), ctx())
    expect(r.toc).toEqual([
      { depth: 1, id: 't', text: 'T' },
      { depth: 2, id: '1-总则', text: '1 总则' },
      { depth: 3, id: '11-目的', text: '1.1 目的' },
    ])
  })

  test('raw HTML is shown as text, never as markup', () => {
    const html = renderPlanBody(parseMarkdown('<script>alert(1)</script>\n\n文字<img src=x onerror=alert(2)>结束\n'), ctx()).html
    expect(html).toBe('<code class="raw-html">&#x3C;script>alert(1)&#x3C;/script></code>\n<p data-line="3" id="L3">文字<code class="raw-html">&#x3C;img src=x onerror=alert(2)></code>结束</p>')
  })

  test('links: plans and plan files become plan pages; scripts, data and unknown targets become text', () => {
    const md = [
      '[总体](plan:shili-overall#2-组织指挥体系) [文件](./overall.md) [上级](../city/overall.md#x)',
      '[未知](plan:nope) [附件](./attachments/联系表.md) [脚本](javascript:alert(1)) [数据](data:text/html,x) [网址](https://example.com/a) [锚点](#1-总则)',
      '![示意图](https://evil.example/p.png)',
    ].join('\n\n')
    const html = renderPlanBody(parseMarkdown(md), ctx()).html
    expect(html).toContain('<a href="/yuan/plans/shili-overall/#2-组织指挥体系">总体</a>')
    expect(html).toContain('<a href="/yuan/plans/shili-overall/">文件</a>')
    expect(html).toContain('<a href="/yuan/plans/shili-overall/#x">上级</a>')
    for (const dead of ['未知', '附件', '脚本', '数据']) expect(html).toContain(`<span class="dead-link">${dead}</span>`)
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer nofollow">网址</a>')
    expect(html).toContain('<a href="#1-总则">锚点</a>')
    expect(html).toContain('<span class="image-alt">［图：示意图］</span>')
    expect(html).not.toMatch(/<img|javascript:|data:text|evil\.example/)
  })

  test('a finding line gets an anchor on the block that holds it', () => {
    const md = '# 标题\n\n第一段\n第一段续行\n\n- 项目一\n- 项目二\n'
    const r = renderPlanBody(parseMarkdown(md), ctx({ lines: [1, 4, 7] }))
    expect(Object.fromEntries(r.lineAnchors)).toEqual({ 1: '标题', 4: 'L3', 7: 'L7' })
    expect(r.html).toContain('<p data-line="3" id="L3">第一段\n第一段续行</p>')
    expect(r.html).toContain('<li data-line="7" id="L7">项目二</li>')
  })
})
