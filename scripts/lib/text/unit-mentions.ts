import type { UnitRegistry } from '../model/units.ts'
import type { TextRun } from './plan-text.ts'

export interface UnitMention {
  unitId: string
  text: string
  /** File offsets. */
  start: number
  end: number
}

// Words that end in the first character of a unit alias (城市, 社区…): an alias such as 市政府 or
// 区应急局 found right after them is part of another word, not a mention of the unit.
const WORD_BEFORE: Record<string, string> = {
  市: '城都超夜集股门闹上',
  县: '郡州',
  区: '社园景城辖片库山灾市矿厂街小郊老营新校',
  镇: '城村乡重',
  乡: '城下家故同',
  公: '办',
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Finds registered unit names and aliases in text: the longest name wins at each place. */
export class UnitMatcher {
  private readonly pattern: RegExp | undefined
  private readonly byText: Map<string, string>

  constructor(registry: UnitRegistry) {
    this.byText = new Map()
    for (const { text, unitId } of registry.names()) if (text.length >= 2 && !this.byText.has(text)) this.byText.set(text, unitId)
    const alternatives = [...this.byText.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp)
    // Alternation tries longer names first, and a match consumes its text, so 市水利局 is not
    // also reported as 水利局.
    this.pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'gu') : undefined
  }

  find(runs: TextRun[]): UnitMention[] {
    if (!this.pattern) return []
    const mentions: UnitMention[] = []
    for (const run of runs) {
      this.pattern.lastIndex = 0
      for (let m = this.pattern.exec(run.value); m; m = this.pattern.exec(run.value)) {
        const before = run.value[m.index - 1]
        const blockers = WORD_BEFORE[m[0][0]]
        if (before && blockers?.includes(before)) {
          this.pattern.lastIndex = m.index + 1
          continue
        }
        mentions.push({ unitId: this.byText.get(m[0])!, text: m[0], start: run.start + m.index, end: run.start + m.index + m[0].length })
      }
    }
    return mentions
  }
}

const matchers = new WeakMap<UnitRegistry, UnitMatcher>()

export function unitMatcher(registry: UnitRegistry): UnitMatcher {
  let matcher = matchers.get(registry)
  if (!matcher) {
    matcher = new UnitMatcher(registry)
    matchers.set(registry, matcher)
  }
  return matcher
}
