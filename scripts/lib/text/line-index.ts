import type { Place } from '../model/finding.ts'

/** Maps string offsets to 1-based line/column (UTF-16 code units, as editors and ESLint count). */
export class LineIndex {
  private readonly text: string
  private lineStarts: number[] | undefined
  readonly length: number

  constructor(text: string) {
    this.text = text
    this.length = text.length
  }

  /** Offsets where lines start; computed on first use, since most files are never reported on. */
  get starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0]
      const text = this.text
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
      this.lineStarts = starts
    }
    return this.lineStarts
  }

  get lineCount(): number {
    return this.starts.length
  }

  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.length))
    const starts = this.starts
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= o) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: o - starts[lo] + 1 }
  }

  place(start: number, end: number = start): Place {
    const a = this.position(start)
    const b = this.position(Math.max(start, end))
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column }
  }

  offset(line: number, column: number): number {
    const start = this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]
    return start + column - 1
  }
}
