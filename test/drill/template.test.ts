// The shipped generic template (plans/checklists/aqt9009-generic.md).
import { describe, expect, it } from 'vitest'
import { loadLibraryMeta } from '../../scripts/lib/load/library.ts'
import { templateItems } from '../../scripts/lib/drill/derive.ts'
import { parseAttributes, splitAttributes } from '../../scripts/lib/drill/attributes.ts'
import { toString } from 'mdast-util-to-string'

const meta = loadLibraryMeta(new URL('../../plans', import.meta.url).pathname)
const template = meta.checklists.find((c) => c.data.id === 'aqt9009-generic')!

describe('aqt9009-generic', () => {
  it('is a valid default template', () => {
    expect(template.issues).toEqual([])
    expect(template.valid).toBe(true)
    expect(template.data.default).toBe(true)
    expect(meta.checklists.filter((c) => c.data.default === true).map((c) => c.data.id)).toEqual(['aqt9009-generic'])
  })
  it('has the nine AQ/T 9009 groups in order, about 40 items', () => {
    const items = templateItems(template)
    expect([...new Set(items.map((i) => i.phase))]).toEqual(['演练准备', '预警与信息报告', '应急响应启动', '指挥与协调', '现场处置', '应急资源与保障', '信息发布', '后期处置', '演练组织'])
    expect(items).toHaveLength(41)
    expect(items.filter((i) => i.critical)).toHaveLength(6)
    expect(items.filter((i) => i.within !== undefined).map((i) => i.within)).toEqual([30, 60, 60, 300])
    expect(items.reduce((s, i) => s + i.points, 0)).toBe(111)
    expect(new Set(items.map((i) => i.ref)).size).toBe(41)
  })
  it('every attribute is well-formed', () => {
    const raw: string[] = []
    const walk = (n: { type: string; children?: unknown[] }) => {
      if (n.type === 'listItem') raw.push(toString(n))
      for (const c of (n.children ?? []) as { type: string }[]) walk(c)
    }
    walk(template.tree)
    for (const text of raw) {
      const { raw: attrs } = splitAttributes(text)
      expect(attrs, text).toBeDefined()
      expect(parseAttributes(attrs!).problems, text).toEqual([])
    }
  })
})
