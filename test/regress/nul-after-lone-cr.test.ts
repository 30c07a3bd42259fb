// Found by fuzzing: a library.yaml whose line ends in a lone CR followed by a NUL byte. The loader reads the
// lone CR as a line break (as CommonMark, YAML and editors do), so the NUL is reported at the start of the
// next line, and the finding's range covers that one character and no more.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const CLI = new URL('../../scripts/yuanku.ts', import.meta.url).pathname

it('a NUL after a lone CR is reported on the next line, inside it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-nul-'))
  try {
    mkdirSync(join(dir, 'plans'))
    writeFileSync(join(dir, 'library.yaml'), Buffer.from('name: 示例\r\0\n', 'utf8'))
    const r = spawnSync(process.execPath, [CLI, 'lint', dir, '--no-cache', '--format', 'json'], { encoding: 'utf8' })
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }).findings
    expect(findings.map((f) => `${f.ruleId} ${f.file.slice(dir.length + 1)}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`)).toEqual([
      'encoding library.yaml:2:1-2:2 文件含有 NUL 字节，不是文本文件',
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
