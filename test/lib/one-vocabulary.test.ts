// One vocabulary: plan-type and status names, severity labels, the Locale type, what "in force" means and
// what a valid date is are each defined once (model/vocabulary.ts, dates.ts) and read everywhere else: the
// CLI, the site, the checklist page, the rules and the docs generators. This test fails when a second
// definition appears in the source.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isIsoDate } from '../../scripts/lib/dates.ts'
import { IN_FORCE_STATUSES, isInForce, PLAN_STATUSES, PLAN_TYPES, planTypeName, SEVERITIES } from '../../scripts/lib/model/vocabulary.ts'
import { strings as i18n } from '../../site/lib/i18n.ts'
import { planTypeFromName } from '../../scripts/lib/load/enum-names.ts'
import { validateDrillRecord } from '../../scripts/lib/drill/validate.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const HOMES = new Set(['scripts/lib/model/vocabulary.ts', 'scripts/lib/dates.ts'])

function sources(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name)
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path))
    else if (/\.(ts|mjs|astro)$/.test(name) && !/\.generated\.ts$|schema-types\.ts$/.test(name)) out.push(path)
  }
  return out
}

const FILES = [...sources('scripts'), ...sources('site'), ...sources('test/helpers')].filter((f) => !HOMES.has(f))

/** Files (with the offending text) where `pattern` matches. */
function definitionsOf(pattern: RegExp): string[] {
  const hits: string[] = []
  for (const file of FILES) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))) hits.push(`${relative('.', file)}: ${m[0]}`)
  }
  return hits
}

const quoted = (words: string[]) => new RegExp(`['"\`](?:${words.map((w) => w.replace(/[/]/g, '\\/')).join('|')})['"\`]`)

describe('one vocabulary', () => {
  it('plan-type names are written only in model/vocabulary.ts', () => {
    const names = Object.values(PLAN_TYPES).flatMap((t) => [t.zh, ...t.written.filter((w) => /预案|方案/.test(w))])
    expect(definitionsOf(quoted(names))).toEqual([])
    // The grassroots type had three names; the regulation's (单位和基层组织应急预案) is the one shown.
    expect(definitionsOf(/基层组织和单位/)).toEqual([])
  })

  it('status names and severity labels are written only in model/vocabulary.ts', () => {
    // 起草 is also the name of a date (dates.drafted); the other status names are unmistakable.
    expect(definitionsOf(quoted(Object.values(PLAN_STATUSES).map((s) => s.zh).filter((zh) => zh.length >= 3)))).toEqual([])
    expect(definitionsOf(/\berror: '错误'|\bwarn: '警告'|\? '错误' :|\? '警告' :/)).toEqual([])
  })

  it('Locale is declared once', () => {
    expect(definitionsOf(/\btype Locale\s*=/)).toEqual([])
  })

  it('"in force" is defined once', () => {
    expect(definitionsOf(/(?:function|const)\s+\w*(?:InForce|IN_FORCE)\w*\s*[=(:]/)).toEqual([])
    expect(definitionsOf(/=== 'approved'\s*\|\|[^\n]*=== 'published'|=== 'published'\s*\|\|[^\n]*=== 'approved'/)).toEqual([])
  })

  it('a valid date is defined once (dates.ts isIsoDate)', () => {
    // An anchored YYYY-MM-DD pattern is a validity check (reading the date out of a longer text is not).
    expect(definitionsOf(/\^\(?(?:\\{1,2}d\{4\}|(?:\\{1,2}d){4})\)?-[^/\n]*\$/)).toEqual([])
    expect(definitionsOf(/function\s+is\w*Date\s*\(/)).toEqual([])
  })
})

describe('the one vocabulary is what every face shows', () => {
  it('the site, messages and frontmatter reading agree on the grassroots type', () => {
    expect(PLAN_TYPES.grassroots.zh).toBe('单位和基层组织应急预案')
    expect(planTypeName('grassroots')).toBe('单位和基层组织应急预案')
    expect(i18n('zh-CN').type.grassroots).toBe('单位和基层组织应急预案')
    expect(i18n('en').type.grassroots).toBe('Grassroots plan')
    for (const written of ['基层', '基层应急预案', '单位和基层组织应急预案', '基层组织和单位应急预案']) expect(planTypeFromName(written)).toBe('grassroots')
  })

  it('status and severity labels of the site come from the vocabulary', () => {
    expect(i18n('zh-CN').status.published).toBe(PLAN_STATUSES.published.zh)
    expect(i18n('en').status.review).toBe('In review')
    expect(i18n('zh-CN').severity.warn).toBe(SEVERITIES.warn.zh)
    expect(i18n('en').severity.warn).toBe('Warning')
  })

  it('in force means approved or published', () => {
    expect([...IN_FORCE_STATUSES].sort()).toEqual(['approved', 'published'])
    expect(Object.keys(PLAN_STATUSES).filter((s) => isInForce(s))).toEqual(['approved', 'published'])
    expect(isInForce({ data: { status: 'superseded' } })).toBe(false)
  })

  it('the checklist page judges dates as the CLI does (2026-02-29 is not a date; 2028-02-29 is)', () => {
    expect([isIsoDate('2026-02-29'), isIsoDate('2028-02-29')]).toEqual([false, true])
    const record = (date: string) => ({ id: 'd', plan: 'p', date, kind: 'tabletop', scenario: 's', organizer: 'o', evaluators: [], checklist: [], score: null, grade: null, findings: [] })
    expect(validateDrillRecord(record('2028-02-29'))).toEqual([])
    expect(validateDrillRecord(record('2026-02-29'))).toEqual(['/date: 格式应为 date（YYYY-MM-DD） / must be a date'])
  })
})
