// The YAML texts of a folder tree, for the differential tests of the fast YAML path: each Markdown file's
// frontmatter block and each .yaml/.yml file, in a stable order.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { locateFrontmatter } from '../../scripts/lib/load/frontmatter.ts'

export function yamlTexts(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yamlTexts(path, out)
    else if (name.endsWith('.md')) {
      const text = readFileSync(path, 'utf8')
      const block = locateFrontmatter(text)
      if (!('issue' in block)) out.push(text.slice(block.yamlStart, block.yamlEnd))
    } else if (/\.ya?ml$/.test(name)) out.push(readFileSync(path, 'utf8'))
  }
  return out
}
