// A loaded plan's Markdown tree, sections and positioned YAML are parsed once, on first use, and agree
// with each other: rules that read them in any order see the same objects.
import { describe, expect, it } from 'vitest'
import { decodeSourceFile } from '../../scripts/lib/load/file.ts'
import { parsePlanFrontmatter, planFromParsed } from '../../scripts/lib/load/library.ts'
import { PlanSource } from '../../scripts/lib/load/plan-source.ts'
import { rangeAt } from '../../scripts/lib/load/frontmatter.ts'
import type { SourceFile } from '../../scripts/lib/model/plan.ts'

const TEXT = `---
id: shili-flood
title: 示例市防汛抗旱应急预案
---
# 示例市防汛抗旱应急预案

## 一、总则

正文。
`

function file(text: string): SourceFile {
  const r = decodeSourceFile(new TextEncoder().encode(text), '/lib/flood.md', 'flood.md')
  if (!r.ok) throw new Error('undecodable fixture')
  return r.file
}

describe('PlanSource', () => {
  it('parses each part once and keeps returning it', () => {
    const f = file(TEXT)
    const plan = planFromParsed(f, parsePlanFrontmatter(f))
    expect(plan.sections).toBe(plan.sections)
    expect(plan.tree).toBe(plan.tree)
    expect(plan.frontmatter).toBe(plan.frontmatter)
    expect(plan.sections.map((s) => s.name)).toEqual(['示例市防汛抗旱应急预案', '总则'])
    expect(plan.tree.children).toContain(plan.sections[1].heading)
  })

  it('places findings in the frontmatter read on demand', () => {
    const f = file(TEXT)
    const plan = planFromParsed(f, parsePlanFrontmatter(f))
    const [start, end] = rangeAt(plan.frontmatter!, ['title'], 'value')
    expect(TEXT.slice(start, end)).toBe('示例市防汛抗旱应急预案')
  })

  it('keeps a YAML document set on the file', () => {
    const f = file(TEXT)
    const plan = planFromParsed(f, parsePlanFrontmatter(f))
    plan.frontmatter = undefined
    expect(plan.frontmatter).toBeUndefined()
  })

  it('reads a whole YAML file for places', () => {
    const text = 'units:\n  - id: shi-shuili\n    name: 示例市水利局\n'
    const units = PlanSource.ofYaml(text).attach({ ...file(text) }, ['frontmatter'])
    const [start, end] = rangeAt(units.frontmatter!, ['units', 0, 'name'], 'value')
    expect(text.slice(start, end)).toBe('示例市水利局')
  })
})
