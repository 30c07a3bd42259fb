import type { Root } from 'mdast'
import type { UnitRegistry } from '../model/units.ts'
import { textRuns, type TextRun } from './plan-text.ts'

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

/** A node of the name trie: children by UTF-16 code unit, and the unit a name ending here stands for. */
interface TrieNode {
  next: Map<number, TrieNode>
  unitId?: string
}

/**
 * Finds registered unit names and aliases in text: the longest name wins at each place, and a match
 * consumes its text, so 市水利局 is not also reported as 水利局.
 *
 * A character trie walked from each position: the cost per character is the length of the longest
 * name sharing a prefix with the text there (one or two steps, mostly), whatever the size of the
 * registry. One alternation regex of all names was as fast for a few hundred names but grew with the
 * registry (0.5 ms/plan at 2,500 names, 1.4 ms at 10,000); the trie stays at ~0.04 ms (measured on 1,000 bench plans).
 */
export class UnitMatcher {
  private readonly root: TrieNode = { next: new Map() }
  /** 1 where a name starts with that code unit: most characters of a text start none. */
  private readonly first = new Uint8Array(0x10000)
  /** End of the last name longestAt found: a field, so that the hot loop allocates nothing. */
  private end = 0
  readonly size: number

  constructor(registry: UnitRegistry) {
    let size = 0
    // names() is longest first and stable, so the first unit to claim a text keeps it.
    for (const { text, unitId } of registry.names()) {
      if (text.length < 2) continue
      let node = this.root
      this.first[text.charCodeAt(0)] = 1
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i)
        let child = node.next.get(c)
        if (!child) node.next.set(c, (child = { next: new Map() }))
        node = child
      }
      if (node.unitId === undefined) {
        node.unitId = unitId
        size++
      }
    }
    this.size = size
  }

  /** The node of the longest name starting at s[i] (its end in `this.end`), or undefined. */
  private longestAt(s: string, i: number): TrieNode | undefined {
    let node: TrieNode | undefined = this.root
    let found: TrieNode | undefined
    for (let j = i; j < s.length; j++) {
      node = node.next.get(s.charCodeAt(j))
      if (!node) break
      if (node.unitId !== undefined) {
        found = node
        this.end = j + 1
      }
    }
    return found
  }

  find(runs: TextRun[]): UnitMention[] {
    const mentions: UnitMention[] = []
    if (this.size === 0) return mentions
    for (const run of runs) {
      const s = run.value
      let i = 0
      while (i < s.length) {
        const hit = this.first[s.charCodeAt(i)] === 1 ? this.longestAt(s, i) : undefined
        if (!hit || (i > 0 && WORD_BEFORE[s[i]]?.includes(s[i - 1]))) {
          i++
          continue
        }
        const end = this.end
        mentions.push({ unitId: hit.unitId!, text: s.slice(i, end), start: run.start + i, end: run.start + end })
        i = end
      }
    }
    return mentions
  }
}

const bodyMemo = new WeakMap<Root, { text: string; bodyStart: number; byMatcher: Map<UnitMatcher, UnitMention[]> }>()

/**
 * The unit mentions in a plan's body (text runs after the frontmatter): what unit-not-declared,
 * unit-without-duty and dissolved-unit each look for, found once per plan.
 */
export function bodyMentions(plan: { tree: Root; text: string; bodyStart: number }, matcher: UnitMatcher): UnitMention[] {
  const tree = plan.tree
  let memo = bodyMemo.get(tree)
  if (!memo || memo.text !== plan.text || memo.bodyStart !== plan.bodyStart) bodyMemo.set(tree, (memo = { text: plan.text, bodyStart: plan.bodyStart, byMatcher: new Map() }))
  let mentions = memo.byMatcher.get(matcher)
  if (!mentions) memo.byMatcher.set(matcher, (mentions = matcher.find(textRuns(tree, plan.text, plan.bodyStart))))
  return [...mentions]
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
