// A library file the lint cache vouches for by its stamp: its text is read only if something asks for it
// (a rule that has to run again, a finding's place), so a warm run reads almost nothing.
import { readSourceFile } from '../load/file.ts'
import type { SourceFile } from '../model/plan.ts'
import { LineIndex } from '../text/line-index.ts'

export function lazySourceFile(path: string, absPath: string, bom: boolean): SourceFile {
  let text: string | undefined
  let lines: LineIndex | undefined
  const read = (): string => {
    if (text === undefined) {
      // The file was read and decoded before with the same stamp; should it vanish or break since the
      // stamp was taken (a race like any other linter's), it reads as empty rather than stopping the run.
      const result = readSourceFile(absPath, path)
      text = result.ok ? result.file.text : ''
    }
    return text
  }
  const file = { path, absPath, bom, issues: [] } as unknown as SourceFile
  return Object.defineProperties(file, {
    text: { get: read, enumerable: true, configurable: true },
    lines: { get: () => (lines ??= new LineIndex(read())), enumerable: true, configurable: true },
  })
}
