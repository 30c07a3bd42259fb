// The SARIF output validates against the official OASIS SARIF 2.1.0 schema (vendored beside this
// test, taken from the npm package @datadog/datadog-ci-plugin-sarif 5.25.0, which embeds
// src/json-schema/sarif-schema-2.1.0.json), and its results point where the findings do.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import pkg from '../../package.json' with { type: 'json' }
import { artifactUri, formatSarif } from '../../scripts/lib/report/sarif.ts'
import { rules } from '../../scripts/lib/rules/index.ts'
import { TODAY, workspace, yuanku } from '../cli/helpers.ts'

/** A file of this checkout's docs/ as a file: URI. */
const docsFile = (path: string) => new URL(`../../docs/${path}`, import.meta.url).href
const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8'))
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

function validator() {
  // The SARIF schema is draft-07; strict mode would reject its (valid) use of keywords ajv flags as unusual.
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  return ajv.compile(schema)
}

describe('SARIF formatter', { timeout: 120_000 }, () => {
  let dir: string
  let log: any
  beforeAll(async () => {
    dir = workspace()
    const r = await yuanku(['lint', '--format', 'sarif', '--today', TODAY, '--no-cache'], dir)
    expect(r.code).toBe(1)
    log = JSON.parse(r.stdout)
  })

  it('validates against the SARIF 2.1.0 schema, and the validator does reject a broken log', () => {
    const validate = validator()
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    const broken = structuredClone(log)
    delete broken.runs[0].results[0].message
    broken.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0
    expect(validate(broken)).toBe(false)
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/runs/0/results/0', '/runs/0/results/1/locations/0/physicalLocation/region/startLine']))
  })

  it('the example library’s report validates too (every rule that fires there, causes and fixes included)', async () => {
    const example = fileURLToPath(new URL('../../plans/', import.meta.url))
    const r = await yuanku(['lint', example, '--format', 'sarif', '--today', '2026-11-23', '--no-cache'], dir)
    expect(r.stderr).toBe('')
    const validate = validator()
    const exampleLog = JSON.parse(r.stdout)
    expect(validate(exampleLog), JSON.stringify(validate.errors, null, 2)).toBe(true)
    expect(exampleLog.runs[0].results.length).toBeGreaterThan(0)
    for (const result of exampleLog.runs[0].results) expect(exampleLog.runs[0].tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
  })

  it('describes the tool and every rule', () => {
    const run = log.runs[0]
    expect(log.version).toBe('2.1.0')
    // Without site.url the links open the installed docs/ (no address on a host that may not exist).
    expect(run.tool.driver).toMatchObject({ name: 'yuanku', version: pkg.version, informationUri: docsFile('README.md') })
    expect(existsSync(fileURLToPath(run.tool.driver.informationUri))).toBe(true)
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id))
    const placeholder = run.tool.driver.rules.find((r: { id: string }) => r.id === 'placeholder-text')
    expect(placeholder).toMatchObject({
      shortDescription: { text: '正文中留有未填写的占位符（XX、×××、某某、待定、TBD、【…】、＿＿ 等）' },
      helpUri: docsFile('rules/placeholder-text.md'),
      defaultConfiguration: { level: 'warning' },
    })
    for (const r of run.tool.driver.rules) expect(existsSync(fileURLToPath(r.helpUri)), r.id).toBe(true)
    // GitHub code scanning shows help.markdown beside the alert: the rule's whole documentation.
    expect(placeholder.help.text).toBe(rules.find((r) => r.id === 'placeholder-text')!.docs.fix.zh)
    expect(placeholder.help.markdown).toMatch(/^\*\*为什么\*\*\n\n照模板起草的预案/)
    expect(placeholder.help.markdown).toContain('**不合格示例**\n\n````\n')
    expect(placeholder.fullDescription.text).toMatch(/^照模板起草的预案/)
    expect(run.originalUriBaseIds).toEqual({ LIBRARY_ROOT: { uri: `${pathToFileURL(join(dir, 'plans')).href}/` } })
    expect(run.columnKind).toBe('utf16CodeUnits')
  })

  it('gives one result per finding with rule, level, exact region, cause and fix', () => {
    const results = log.runs[0].results
    expect(results.map((r: any) => `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine} ${r.ruleId} ${r.level}`)).toEqual([
      'city/flood.md:56 placeholder-text warning',
      'city/forest.md:9 dissolved-unit error',
      'city/forest.md:11 dissolved-unit error',
      'city/forest.md:14 dissolved-unit error',
    ])
    const first = results[1]
    const driverRules = log.runs[0].tool.driver.rules
    expect(driverRules[first.ruleIndex].id).toBe('dissolved-unit')
    expect(driverRules[first.ruleIndex].helpUri).toBe(docsFile('rules/dissolved-unit.md'))
    const region = { startLine: 9, startColumn: 12, endLine: 9, endColumn: 21 }
    expect(first.message.text).toBe('单位“示例市林业局”已于 2019-01-15 撤销，应改为“示例市自然资源和规划局”（shi-ziran）')
    expect(first.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'city/forest.md', uriBaseId: 'LIBRARY_ROOT' }, region } }])
    // The cause is the registry entry's status: line 19 of units.yaml holds shi-linye.
    expect(first.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'units.yaml', uriBaseId: 'LIBRARY_ROOT' }, region: { startLine: 19, startColumn: 98, endLine: 19, endColumn: 107 } } },
    ])
    expect(first.fixes).toEqual([
      {
        description: { text: '替换为“shi-ziran”' },
        artifactChanges: [{ artifactLocation: { uri: 'city/forest.md', uriBaseId: 'LIBRARY_ROOT' }, replacements: [{ deletedRegion: region, insertedContent: { text: 'shi-ziran' } }] }],
      },
    ])
    // The quoted id has no certain fix, so no `fixes`.
    expect(results[3].fixes).toBeUndefined()
    expect(results[0].fixes).toBeUndefined()
  })

  it('--sarif-base makes URIs relative to another folder (the repository root) under %SRCROOT%', async () => {
    const r = await yuanku(['lint', '--format', 'sarif', '--sarif-base', '.', '--today', TODAY, '--no-cache'], dir)
    const run = JSON.parse(r.stdout).runs[0]
    expect(validator()(JSON.parse(r.stdout))).toBe(true)
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } })
    expect(run.results[1].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'plans/city/forest.md', uriBaseId: '%SRCROOT%' })
    expect(run.results[1].relatedLocations[0].physicalLocation.artifactLocation).toEqual({ uri: 'plans/units.yaml', uriBaseId: '%SRCROOT%' })
    expect(run.results[1].fixes[0].artifactChanges[0].artifactLocation).toEqual({ uri: 'plans/city/forest.md', uriBaseId: '%SRCROOT%' })
    const outside = await yuanku(['lint', '--format', 'sarif', '--sarif-base', 'plans/city'], dir)
    expect([outside.code, outside.stderr]).toEqual([2, 'yuanku lint: 预案库不在 --sarif-base 文件夹“plans/city”中 / the library is not inside the --sarif-base folder\n'])
  })

  it('with site.url in library.yaml, every helpUri opens the rule on the published site', async () => {
    const settings = join(dir, 'plans/library.yaml')
    const before = readFileSync(settings, 'utf8')
    writeFileSync(settings, `${before}\nsite:\n  url: https://yuan.example.gov.cn/yuan\n`)
    try {
      const r = await yuanku(['lint', '--format', 'sarif', '--today', TODAY, '--no-cache'], dir)
      const run = JSON.parse(r.stdout).runs[0]
      expect(validator()(JSON.parse(r.stdout))).toBe(true)
      const uris = run.tool.driver.rules.map((x: { id: string; helpUri: string }) => [x.id, x.helpUri])
      expect(uris.length).toBe(rules.length)
      for (const [id, uri] of uris) expect(uri).toBe(`https://yuan.example.gov.cn/yuan/help/rules/${id}/`)
      expect(run.tool.driver.informationUri).toBe('https://yuan.example.gov.cn/yuan/help/')
      const one = await yuanku(['rules', 'dissolved-unit'], join(dir))
      expect(one.stdout).toContain('文档：https://yuan.example.gov.cn/yuan/help/rules/dissolved-unit/')
    } finally {
      writeFileSync(settings, before)
    }
  })

  it('percent-encodes non-ASCII paths and falls back to character offsets without line data', () => {
    expect(artifactUri('西山县/防汛 预案.md')).toBe('%E8%A5%BF%E5%B1%B1%E5%8E%BF/%E9%98%B2%E6%B1%9B%20%E9%A2%84%E6%A1%88.md')
    const out = JSON.parse(
      formatSarif(
        [{ ruleId: 'dissolved-unit', severity: 'error', message: 'm', file: '西山县/a.md', place: { line: 2, column: 3, endLine: 2, endColumn: 5 }, fix: { start: 10, end: 12, text: 'x' } }],
        { locale: 'en', displayPath: (f) => f },
      ),
    )
    expect(validator()(out)).toBe(true)
    expect(out.runs[0].originalUriBaseIds).toBeUndefined()
    expect(out.runs[0].results[0].fixes[0]).toEqual({
      description: { text: 'Replace with "x"' },
      artifactChanges: [{ artifactLocation: { uri: '%E8%A5%BF%E5%B1%B1%E5%8E%BF/a.md', uriBaseId: 'LIBRARY_ROOT' }, replacements: [{ deletedRegion: { charOffset: 10, charLength: 2 }, insertedContent: { text: 'x' } }] }],
    })
  })
})
