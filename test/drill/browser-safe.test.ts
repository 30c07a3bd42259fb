// The drill modules the checklist page bundles must not reach Node APIs (the page runs them in the browser).
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(new URL('../..', import.meta.url).pathname)

/** Every local module reachable from a file through static imports. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  const text = readFileSync(file, 'utf8')
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
    const spec = m[1]
    if (spec.startsWith('.') && spec.endsWith('.ts')) reachable(join(dirname(file), spec), seen)
  }
  return seen
}

describe('browser-safe drill core', () => {
  it('the checklist page script reaches no node: module, no loader of the file system, no ajv', () => {
    const files = [...reachable(join(ROOT, 'site/scripts/checklist/main.ts'))]
    expect(files.map((f) => f.slice(ROOT.length + 1)).filter((f) => f.startsWith('scripts/')).sort()).toEqual([
      'scripts/lib/dates.ts',
      'scripts/lib/drill/drill-validator.generated.ts',
      'scripts/lib/drill/duration.ts',
      'scripts/lib/drill/import.ts',
      'scripts/lib/drill/record.ts',
      'scripts/lib/drill/score.ts',
      'scripts/lib/drill/types.ts',
      'scripts/lib/drill/validate.ts',
      'scripts/lib/load/fast-yaml.ts',
      'scripts/lib/load/frontmatter.ts',
      'scripts/lib/model/schema-types.ts',
      'scripts/lib/model/vocabulary.ts',
      'scripts/lib/model/yaml-place.ts',
    ])
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/from\s+'(node:[^']+|fs|path|ajv[^']*)'/)
  })
})
