import { describe, expect, it } from 'vitest'
import { formatJson, formatJsonPieces } from '../../scripts/lib/report/json.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'

const ctx = { locale: 'zh-CN' as const, displayPath: (f: string) => `lib/${f}`, color: false }
const finding = (i: number): Finding => ({
  ruleId: i % 3 ? 'placeholder-text' : 'unknown-unit',
  severity: i % 3 ? 'warn' : 'error',
  message: `第 ${i} 条：“XX 局”是占位符 "quoted" \\ back`,
  file: `county${i % 7}/plan-${i}.md`,
  place: { line: i + 1, column: 3, endLine: i + 1, endColumn: 9 },
  planId: `plan-${i}`,
  ...(i % 5 === 0 ? { cause: { file: 'units.yaml', place: { line: 4, column: 5, endLine: 4, endColumn: 9 } } } : {}),
})

describe('the JSON report', () => {
  it('has one finding per line, in pieces of a few thousand that together are the whole report', () => {
    const findings = Array.from({ length: 12_001 }, (_, i) => finding(i))
    const pieces = formatJsonPieces(findings, ctx)
    expect(pieces.length).toBe(4)
    const text = pieces.join('')
    expect(text).toBe(formatJson(findings, ctx))
    const parsed = JSON.parse(text)
    expect(parsed.findings).toHaveLength(12_001)
    expect([parsed.errorCount, parsed.warningCount]).toEqual([4001, 8000])
    expect(parsed.findings[5000]).toEqual({ file: 'lib/county2/plan-5000.md', line: 5001, column: 3, endLine: 5001, endColumn: 9, severity: 'warn', ruleId: 'placeholder-text', message: '第 5000 条：“XX 局”是占位符 "quoted" \\ back', planId: 'plan-5000', cause: { file: 'lib/units.yaml', line: 4, column: 5 }, fixable: false })
    const lines = text.split('\n')
    expect(lines.filter((l) => l.startsWith('    {"file":'))).toHaveLength(12_001)
    expect(lines.slice(0, 2)).toEqual(['{', '  "findings": ['])
  })

  it('writes an empty list when nothing is found', () => {
    expect(formatJson([], ctx)).toBe('{\n  "findings": [],\n  "errorCount": 0,\n  "warningCount": 0\n}\n')
  })
})
