// Every YAML syntax error an author can make comes out in Chinese, with a hint for the common causes.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintFixture } from '../helpers/library.ts'
import { describeYamlError } from '../../scripts/lib/load/yaml-errors.ts'

const plan = (frontmatter: string) => `---\n${frontmatter}---\n# 正文\n`

/** "line:column message" of the schema findings on one plan file. */
function lintText(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-yaml-'))
  writeFileSync(join(dir, 'plan.md'), text)
  return lintFixture(dir, { only: ['schema'] }).map((f) => `${f.place.line}:${f.place.column} ${f.message}`)
}

describe('YAML syntax errors in Chinese', () => {
  it('a colon in an unquoted title: says to add quotes', () => {
    expect(lintText(plan('id: shi-fangxun\ntitle: 示例市: 防汛预案\n'))).toEqual([
      '3:8 YAML 语法错误：同一行里出现了第二个“键: 值”。值里有英文冒号加空格（“: ”）时，请给整个值加引号，如 title: "示例市: 防汛预案"，或改用中文冒号“：”；不是这种情况时请检查缩进',
    ])
  })
  it('tab indentation: says to indent with spaces', () => {
    expect(lintText(plan('id: shi-fangxun\ndates:\n\tpublished: 2025-01-01\n'))).toContain('4:1 YAML 语法错误：不能用 Tab 缩进。请用空格缩进（每级两个空格），不要用 Tab 键')
  })
  it('an unclosed quote: says to close it', () => {
    const out = lintText(plan('id: shi-fangxun\ntitle: "示例市防汛预案\nstatus: draft\n'))
    expect(out.some((l) => l.includes('YAML 语法错误：双引号没有闭合。请在值的末尾补上配对的引号（同一行内）'))).toBe(true)
  })
  it('leaves no English message untranslated for the errors an author can make', () => {
    const messages = [
      'Nested mappings are not allowed in compact mappings',
      'A block sequence may not be used as an implicit map key',
      'Implicit keys need to be on a single line',
      'Implicit map keys need to be followed by map values',
      'Tabs are not allowed as indentation',
      'Missing closing "quote',
      "Missing closing 'quote",
      'Sequence item without - indicator',
      'All sequence items must start at the same column',
      'Flow sequence in block collection must be sufficiently indented and end with a ]',
      'Source contains multiple documents; please use YAML.parseAllDocuments()',
      'Invalid escape sequence \\q',
      'Plain value cannot start with reserved character @',
      'Missing , between flow sequence items',
      'Missing , or : between flow map items',
      'Unexpected , in flow map',
      'Unexpected scalar at node end',
      'Comments must be separated from other tokens by white space characters',
    ]
    for (const m of messages) expect(describeYamlError('X', m).zh, m).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff]/)
  })
  it('an unknown message keeps the English text beside a Chinese description of its code', () => {
    expect(describeYamlError('BAD_INDENT', 'Some future message').zh).toBe('缩进不正确（Some future message）')
  })
})
