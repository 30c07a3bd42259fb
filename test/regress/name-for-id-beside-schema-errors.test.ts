// A unit name where an id belongs (lead_unit: 示例市水利局) used to be reported only once the file's other
// schema errors were fixed: the plan was left out of every rule but the schema's. Both come in one run.
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { findingLine, lintFixture } from '../helpers/library.ts'

const DIR = new URL('../rules/unknown-unit/not-ok/', import.meta.url).pathname

it('reports the schema errors and the unit names of one plan together, each at its place', () => {
  const lines = lintFixture(DIR, { only: ['schema', 'unknown-unit'] })
    .filter((f) => f.file === 'schema-broken.md')
    .map((f) => `${f.ruleId} ${findingLine(f)}`)
  expect(lines).toEqual([
    'unknown-unit schema-broken.md:9:12-9:18 这里应填写单位编号而不是名称：“示例市水利局”应写作“shi-shuili”',
    'unknown-unit schema-broken.md:11:11-11:15 这里应填写单位编号而不是名称：“市应急局”应写作“shi-yingji”',
    'schema schema-broken.md:16:9-16:13 “已公布了”不是“status”的有效取值；允许：draft, review, approved, published, superseded, retired',
    'schema schema-broken.md:18:1-18:6 未知的键“titel”，是否应为“title”？',
  ])
})
