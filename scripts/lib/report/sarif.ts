// SARIF 2.1.0 (OASIS), the format code-scanning UIs read: one result per finding, 1-based lines and
// columns counted in UTF-16 code units like ours, every rule described in tool.driver.rules with a
// helpUri to its help page (see helpUri) and its documentation inline in help.markdown: GitHub code
// scanning shows help.markdown beside an alert, and cannot open a file: URI from the machine that ran lint.
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Finding, Place } from '../model/finding.ts'
import { docsUri, helpUri, type Rule } from '../rules/define-rule.ts'
import { rules as allRules } from '../rules/index.ts'
import { version } from '../version.ts'
import type { FormatContext } from './stylish.ts'

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
/** Artifact URIs are relative to the library folder, which this base id names. */
export const ROOT_BASE_ID = 'LIBRARY_ROOT'
/** The conventional base id of a source tree's root (`--sarif-base`). */
export const SRCROOT_BASE_ID = '%SRCROOT%'

type Level = 'error' | 'warning' | 'note' | 'none'
const level = (severity: string): Level => (severity === 'error' ? 'error' : 'warning')

/** A library-relative POSIX path as a relative URI reference (each segment percent-encoded). */
export function artifactUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/')
}

function region(place: Place) {
  return { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn }
}

interface Base {
  id: string
  /** Library-relative POSIX path → URI relative to the base folder. */
  uri: (file: string) => string
}

function baseOf(ctx: FormatContext): Base {
  if (!ctx.sarifBase || !ctx.root) return { id: ROOT_BASE_ID, uri: artifactUri }
  const prefix = relative(ctx.sarifBase, ctx.root).split(sep).join('/')
  return { id: SRCROOT_BASE_ID, uri: (file) => artifactUri(prefix ? `${prefix}/${file}` : file) }
}

function artifact(base: Base, file: string) {
  return { uri: base.uri(file), uriBaseId: base.id }
}

function location(base: Base, file: string, place: Place) {
  return { physicalLocation: { artifactLocation: artifact(base, file), region: region(place) } }
}

/** The rule's documentation in one locale, for viewers that show help.markdown (GitHub code scanning). */
export function helpMarkdown(rule: Rule<any>, zh: boolean): string {
  const d = rule.docs
  const pick = (b: { zh: string; en: string }) => (zh ? b.zh : b.en)
  const section = (title: string, body: string) => `**${title}**\n\n${body}`
  const fence = (body: string) => `\`\`\`\`\n${body.trim()}\n\`\`\`\``
  return [
    section(zh ? '为什么' : 'Why', pick(d.why)),
    section(zh ? '怎么改' : 'How to fix', pick(d.fix)),
    ...(d.notReported ? [section(zh ? '不报告' : 'Not reported', pick(d.notReported))] : []),
    section(zh ? '不合格示例' : 'Bad example', fence(d.bad)),
    section(zh ? '合格示例' : 'Good example', fence(d.good)),
  ].join('\n\n')
}

function describeRule(rule: Rule<any>, zh: boolean, siteUrl?: string) {
  const text = (b: { zh: string; en: string }) => ({ text: zh ? b.zh : b.en })
  return {
    id: rule.id,
    shortDescription: text(rule.docs.summary),
    fullDescription: text(rule.docs.why),
    help: { ...text(rule.docs.fix), markdown: helpMarkdown(rule, zh) },
    helpUri: helpUri(rule.id, siteUrl),
    // A rule that is off by default still runs with its default level when named with --rule.
    defaultConfiguration: rule.severity === 'off' ? { enabled: false, level: 'warning' as Level } : { level: level(rule.severity) },
    properties: { tags: [rule.family] },
  }
}

function fixOf(f: Finding, ctx: FormatContext, base: Base, zh: boolean) {
  const fix = f.fix!
  const place = ctx.placeOf?.(f.file, fix.start, fix.end)
  const deletedRegion = place ? region(place) : { charOffset: fix.start, charLength: fix.end - fix.start }
  return {
    description: { text: zh ? `替换为“${fix.text}”` : `Replace with "${fix.text}"` },
    artifactChanges: [{ artifactLocation: artifact(base, f.file), replacements: [{ deletedRegion, insertedContent: { text: fix.text } }] }],
  }
}

const folderUri = (dir: string) => pathToFileURL(join(dir, '/')).href.replace(/\/?$/, '/')

export function formatSarif(findings: Finding[], ctx: FormatContext, rules: Rule<any>[] = allRules): string {
  const zh = ctx.locale !== 'en'
  const base = baseOf(ctx)
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId)! } : {}),
    level: level(f.severity),
    message: { text: f.message },
    locations: [location(base, f.file, f.place)],
    ...(f.cause ? { relatedLocations: [{ id: 1, ...location(base, f.cause.file, f.cause.place), ...(f.cause.message ? { message: { text: f.cause.message } } : {}) }] } : {}),
    ...(f.fix ? { fixes: [fixOf(f, ctx, base, zh)] } : {}),
    ...(f.planId ? { properties: { planId: f.planId } } : {}),
  }))
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'yuanku',
            fullName: 'Yuanku 预案库 contingency-plan linter',
            version,
            semanticVersion: version,
            informationUri: docsUri(ctx.siteUrl),
            language: zh ? 'zh-CN' : 'en',
            rules: rules.map((r) => describeRule(r, zh, ctx.siteUrl)),
          },
        },
        ...(ctx.root ? { originalUriBaseIds: { [base.id]: { uri: folderUri(base.id === ROOT_BASE_ID ? ctx.root : ctx.sarifBase!) } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
