// What the form rules' expected.txt files cannot show: related places, fixes, English texts, and that
// broken-link's anchors are the ids the site's rehype-slug gives the headings.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkRehype from 'remark-rehype'
import rehypeSlug from 'rehype-slug'
import { visit } from 'unist-util-visit'
import type { Element, Root as HastRoot } from 'hast'
import { lintFixture } from '../helpers/library.ts'
import { headingSlugs, linkTarget } from '../../scripts/lib/text/links.ts'
import { citePattern } from '../../scripts/lib/rules/repealed-basis.ts'
import { parseMarkdown } from '../../scripts/lib/load/markdown.ts'

const ROOT = new URL('.', import.meta.url).pathname
const at = (f: { file: string; place: { line: number; column: number } }) => `${f.file}:${f.place.line}:${f.place.column}`

describe('duplicate-id', () => {
  it('points every repeat at the first occurrence', () => {
    const findings = lintFixture(join(ROOT, 'duplicate-id', 'not-ok'), { only: ['duplicate-id'] })
    expect(findings.map((f) => `${at(f)} <- ${f.cause && at({ file: f.cause.file, place: f.cause.place })}`)).toEqual([
      'b/flood-draft.md:2:5 <- a/flood.md:2:5',
      'b/invalid.md:2:5 <- a/flood.md:2:5',
      'checklists/generic.md:2:5 <- checklists/generic-copy.md:3:5',
      'drills/2026-07-01-shili-flood.md:2:7 <- drills/2026-06-01-shili-flood.md:2:5',
      'units.yaml:6:9 <- units.yaml:4:11',
      'units.yaml:10:11 <- units.yaml:4:11',
    ])
  })
})

describe('unknown-unit', () => {
  it('fixes a registered name to its id, and only that', () => {
    const findings = lintFixture(join(ROOT, 'unknown-unit', 'not-ok'), { only: ['unknown-unit'] })
    expect(findings.filter((f) => f.fix).map((f) => `${at(f)} → ${f.fix!.text}`)).toEqual([
      // 卫健局 is registered for two county bureaus; in a 西山县 plan it is 西山县's.
      'county.md:11:11 → xishan-weijian',
      'drills/2026-05-20-shili-food-safety.md:15:11 → shi-weijian',
      'food.md:8:9 → shi-zhengfu',
      // Also in a plan whose other keys fail the schema.
      'schema-broken.md:9:12 → shi-shuili',
      'schema-broken.md:11:11 → shi-yingji',
    ])
  })

  it('speaks English', () => {
    const findings = lintFixture(join(ROOT, 'unknown-unit', 'not-ok'), { only: ['unknown-unit'], locale: 'en' })
    expect(findings.map((f) => f.message)).toContain('Unit id "shi-weijan" is not registered in units.yaml — did you mean "shi-weijian" (示例市卫生健康委员会)?')
    expect(findings.map((f) => f.message)).toContain('Write the unit id, not its name: "示例市人民政府" is "shi-zhengfu"')
    expect(findings.map((f) => f.message)).toContain('The parent "xishan-xan" of unit "松岭乡" (songling-xiang) is not registered — did you mean "xishan-xian" (西山县)?')
  })

  it('suggests a unit of the plan\'s own jurisdiction before one of the city above it', () => {
    const findings = lintFixture(join(ROOT, 'unknown-unit', 'not-ok'), { only: ['unknown-unit'], locale: 'en' })
    expect(findings.find((f) => f.file === 'county.md' && f.place.line === 17)?.message).toBe(
      'Unit id "xshi-weijian" is not registered in units.yaml — did you mean "xishan-weijian" (西山县卫生健康局)?',
    )
  })
})

describe('required-section', () => {
  it('names the section in English too', () => {
    const findings = lintFixture(join(ROOT, 'required-section', 'not-ok'), { only: ['required-section'], locale: 'en' })
    expect(findings.find((f) => f.file === 'jiaotong-dept.md')?.message).toBe('Missing required section "应急保障"')
  })
})

describe('repealed-basis', () => {
  it('relates a finding of a library.yaml repealed entry to that entry, and catalogue findings to nothing', () => {
    const findings = lintFixture(join(ROOT, 'repealed-basis', 'not-ok'), { only: ['repealed-basis'] })
    const causes = findings.map((f) => `${at(f)} <- ${f.cause ? at({ file: f.cause.file, place: f.cause.place }) : '-'}`)
    expect(causes[0]).toBe('geological.md:16:15 <- -')
    expect(causes.at(-1)).toBe('geological.md:39:31 <- library.yaml:6:13')
  })

  it('offers a certain fix only where the replacement is unambiguous', () => {
    const findings = lintFixture(join(ROOT, 'repealed-basis', 'not-ok'), { only: ['repealed-basis'] })
    const fixes = Object.fromEntries(findings.map((f) => [at(f), f.fix?.text ?? null]))
    expect(fixes['geological.md:28:19']).toBe('中华人民共和国主席令﹝2021﹞第88号')
    expect(fixes['geological.md:31:17']).toBe('2021')
    expect(fixes['geological.md:34:19']).toBe('国办发[2024]5号')
    expect(fixes['geological.md:36:19']).toBe('GB 18218-2018')
    // Amended by another ministry's order, and replaced by a standard of another code: no mechanical edit.
    expect(fixes['geological.md:33:21']).toBeNull()
    expect(fixes['geological.md:37:71']).toBeNull()
  })

  it('reads a citation the way it is typed', () => {
    const p = citePattern('国办发〔2013〕101号')
    for (const text of ['国办发〔2013〕101号', '国办发[2013]101号', '国办发（2013）101号', '国办发 〔2013〕 101号']) expect(text.match(p)?.[0], text).toBe(text)
    expect('国办发〔2013〕1011号'.match(citePattern('国办发〔2013〕101号'))).toBeNull()
    expect('GB/T 29639-20130'.match(citePattern('GB/T 29639-2013'))).toBeNull()
    expect('GB／T29639－2013'.match(citePattern('GB/T 29639-2013'))?.[0]).toBe('GB／T29639－2013')
  })
})

describe('broken-link', () => {
  it('makes the same anchors as the site (rehype-slug)', async () => {
    const markdown = [
      '# 示例市防汛抗旱应急预案',
      '## 1 总则',
      '### 1.2 编制依据',
      '## 应急响应（Ⅰ级）',
      '## 说明',
      '## 说明',
      '## A & B — `code` *em*',
      '## 4.1 分级响应：启动条件',
      '## 附件 ![图](x.png)',
    ].join('\n\n')
    const hast = (await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSlug).run(unified().use(remarkParse).parse(markdown))) as HastRoot
    const ids: string[] = []
    visit(hast, 'element', (el: Element) => {
      if (/^h[1-6]$/.test(el.tagName)) ids.push(String(el.properties.id))
    })
    expect(headingSlugs(parseMarkdown(markdown))).toEqual(ids)
  })

  it('leaves web links alone and reads plan: links', () => {
    expect(linkTarget('https://www.mem.gov.cn/#x')).toEqual({ kind: 'skip' })
    expect(linkTarget('mailto:a@b.cn')).toEqual({ kind: 'skip' })
    expect(linkTarget('plan:shili-flood#1-总则')).toEqual({ kind: 'plan', id: 'shili-flood', fragment: '1-总则' })
    expect(linkTarget('./a%20b.md?x=1#%E6%80%BB%E5%88%99')).toEqual({ kind: 'file', path: './a b.md', fragment: '总则' })
  })
})
