// Attributes at the end of a checklist item: `{分值=5 时限=30分钟 否决}` / `{points=5 within=30m critical}`
// Chinese keys map to the English ones of schema/checklist-item.schema.json.

export interface ItemAttributes {
  points?: number
  within?: string
  critical?: boolean
}

export interface AttributeProblem {
  /** The attribute as written. */
  token: string
  /** Where the token starts inside the braces. */
  offset: number
  /** The key as written and the value after = (absent for a bare flag). */
  key: string
  value?: string
  reason: 'unknown-key' | 'bad-points' | 'bad-within' | 'bad-flag'
}

/** The keys an author may write, English and Chinese (for messages and did-you-mean). */
export const ATTRIBUTE_KEYS: readonly string[] = ['分值', '时限', '否决', 'points', 'within', 'critical']

const KEYS: Record<string, keyof ItemAttributes> = {
  points: 'points', 分值: 'points', 分: 'points', 分数: 'points',
  within: 'within', 时限: 'within', 时间: 'within',
  critical: 'critical', 否决: 'critical', 否决项: 'critical', 关键: 'critical',
}

const TRUE = new Set(['true', 'yes', '是', '1'])
const FALSE = new Set(['false', 'no', '否', '0'])
const WITHIN = /^\s*\d+(\.\d+)?\s*(秒|秒钟|分|分钟|小时|时|天|日|s|sec|m|min|h|hr|d)\s*$/

/** A trailing `{…}` (half- or full-width braces) split off the item text. */
export function splitAttributes(text: string): { text: string; raw?: string } {
  const m = /\s*[{｛]([^{}｛｝]*)[}｝]\s*$/.exec(text)
  if (!m) return { text: text.trim() }
  return { text: text.slice(0, m.index).trim(), raw: m[1] }
}

/** Parses the inside of the braces. Unknown or malformed attributes are returned as problems, not guessed. */
export function parseAttributes(raw: string): { attributes: ItemAttributes; problems: AttributeProblem[] } {
  const attributes: ItemAttributes = {}
  const problems: AttributeProblem[] = []
  for (const hit of raw.matchAll(/[^\s,，、;；]+/g)) {
    const token = hit[0]
    const eq = token.search(/[=＝:：]/)
    const rawKey = (eq === -1 ? token : token.slice(0, eq)).trim()
    const value = eq === -1 ? undefined : token.slice(eq + 1).trim()
    const key = KEYS[rawKey.toLowerCase()] ?? KEYS[rawKey]
    const problem = (reason: AttributeProblem['reason']) => problems.push({ token, offset: hit.index, key: rawKey, ...(value === undefined ? {} : { value }), reason })
    if (!key) {
      problem('unknown-key')
      continue
    }
    if (key === 'critical') {
      if (value === undefined || TRUE.has(value.toLowerCase())) attributes.critical = true
      else if (FALSE.has(value.toLowerCase())) attributes.critical = false
      else problem('bad-flag')
    } else if (key === 'points') {
      const n = value === undefined ? NaN : Number(value.replace(/分$/, ''))
      if (Number.isFinite(n) && n > 0 && n <= 1000) attributes.points = n
      else problem('bad-points')
    } else {
      if (value !== undefined && WITHIN.test(value)) attributes.within = value.trim()
      else problem('bad-within')
    }
  }
  return { attributes, problems }
}
