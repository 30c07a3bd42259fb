import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint, type LintOptions } from '../../scripts/lib/lint.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'
import type { Library } from '../../scripts/lib/model/library.ts'

export const BASE = new URL('../rules/_base/', import.meta.url).pathname
export const TODAY = '2026-11-01'

/** A fixture folder as a library: base units.yaml and library.yaml are added where the fixture has none. */
export function fixtureLibrary(dir: string): Library {
  const needsBase = !existsSync(join(dir, 'units.yaml')) || !existsSync(join(dir, 'library.yaml'))
  if (!needsBase) return loadLibrary(dir)
  const tmp = mkdtempSync(join(tmpdir(), 'yuanku-fixture-'))
  cpSync(dir, tmp, { recursive: true })
  for (const name of ['units.yaml', 'library.yaml']) {
    if (!existsSync(join(dir, name))) cpSync(join(BASE, name), join(tmp, name))
  }
  const library = loadLibrary(tmp)
  return library
}

export function lintFixture(dir: string, options: LintOptions = {}): Finding[] {
  const library = fixtureLibrary(dir)
  const result = lint(library, { locale: 'zh-CN', today: TODAY, ...options })
  if (result.internalErrors.length) throw new Error(result.internalErrors.map((e) => `${e.ruleId}: ${e.message}`).join('\n'))
  return result.findings
}

/** `file:line:col-endLine:endCol message`, the form expected.txt files use. */
export function findingLine(f: Finding): string {
  return `${f.file}:${f.place.line}:${f.place.column}-${f.place.endLine}:${f.place.endColumn} ${f.message}`
}

export function subdirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort()
}
