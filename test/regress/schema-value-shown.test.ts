// Found by fuzzing: a wrong rule setting written as a list printed as "error,[object Object]". A wrong value
// that is a list or a map is shown as the author wrote it (compact JSON).
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const CLI = new URL('../../scripts/yuanku.ts', import.meta.url).pathname
const BASE = new URL('../rules/_base/', import.meta.url).pathname

it('a rule setting that is a list with a map shows the list, never [object Object]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-shown-'))
  try {
    cpSync(BASE, dir, { recursive: true })
    writeFileSync(join(dir, 'library.yaml'), 'rules:\n  raw-html: [erorr, {x: 1}]\n')
    const r = spawnSync(process.execPath, [CLI, 'lint', dir, '--no-cache', '--format', 'json'], { encoding: 'utf8' })
    const messages = (JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; message: string }[] }).findings.filter((f) => f.file.endsWith('library.yaml'))
    expect(messages[0]).toMatchObject({ line: 2, column: 13, message: '“["erorr",{"x":1}]”不是“rules.raw-html”的有效取值；允许：off, warn, error' })
    expect(messages.map((m) => m.message).join('\n')).not.toContain('[object Object]')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
