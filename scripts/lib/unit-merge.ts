// One `units` entry folded into another: the fix of duplicate-unit and of dissolved-unit when the plan
// already lists the successor. The kept entry gets the stronger role (lead > member > support) and the
// duties of both (its own first, then the other's that it lacks); the other entry's lines are removed.
// Only block-sequence entries (`- unit: …` on its own line) are merged; any other layout gets no fix.
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml'
import { applyFixes } from './fix.ts'
import type { Fix } from './model/finding.ts'
import type { Plan } from './model/plan.ts'

const RANK: Record<string, number> = { lead: 3, member: 2, support: 1 }

/** The stronger of two roles: lead wins, then member, then support. */
export function strongerRole(a: string, b: string): string {
  return (RANK[b] ?? 0) > (RANK[a] ?? 0) ? b : a
}

/** A duty as a YAML flow item: plain when that reads back the same, else double-quoted (JSON is valid YAML). */
function flowItem(text: string): string {
  const plain = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/[,[\]{}#]|: |:$|\s$/.test(text) && !/^(?:true|false|null|~|[-+.0-9].*)$/i.test(text)
  return plain ? text : JSON.stringify(text)
}

/**
 * The fix that merges units[drop] into units[keep] (renaming the kept entry's unit to `keepId` if given),
 * or undefined when the layout makes the edit uncertain.
 */
export function mergeUnitsFix(plan: Plan, keep: number, drop: number, keepId?: string): Fix | undefined {
  const fm = plan.frontmatter
  if (!fm || keep === drop) return undefined
  const text = plan.text
  const base = fm.yamlStart
  const units = plan.data.units
  const a = units[keep]
  const b = units[drop]
  const keepNode = fm.doc.getIn(['units', keep], true) as YamlNode | undefined
  const dropNode = fm.doc.getIn(['units', drop], true) as YamlNode | undefined
  if (!a || !b || !isMap(keepNode) || !isMap(dropNode) || !keepNode.range || !dropNode.range) return undefined
  const edits: Fix[] = []
  const valueRange = (node: YamlNode | null | undefined): [number, number] | undefined => (node?.range ? [base + node.range[0], base + node.range[1]] : undefined)

  // The dropped entry: its whole lines, from the line of its dash to the end of its last line.
  const dropStart = base + dropNode.range[0]
  const lineStart = text.lastIndexOf('\n', dropStart - 1) + 1
  if (!/^[ ]*-[ ]+$/.test(text.slice(lineStart, dropStart))) return undefined
  const dropLast = base + dropNode.range[1]
  const dropEnd = text[dropLast - 1] === '\n' ? dropLast : text.indexOf('\n', dropLast) === -1 ? text.length : text.indexOf('\n', dropLast) + 1
  edits.push({ start: lineStart, end: dropEnd, text: '' })

  const pair = (key: string) => keepNode.items.find((p) => isScalar(p.key) && p.key.value === key)
  if (keepId !== undefined && keepId !== a.unit) {
    const r = valueRange(pair('unit')?.value as YamlNode | undefined)
    if (!r || text.slice(r[0], r[1]) !== a.unit) return undefined
    edits.push({ start: r[0], end: r[1], text: keepId })
  }
  const role = strongerRole(a.role, b.role)
  if (role !== a.role) {
    const r = valueRange(pair('role')?.value as YamlNode | undefined)
    if (!r || text.slice(r[0], r[1]) !== a.role) return undefined
    edits.push({ start: r[0], end: r[1], text: role })
  }
  const own = a.duties ?? []
  const added = (b.duties ?? []).filter((d) => !own.includes(d))
  if (added.length) {
    const dutiesPair = pair('duties')
    const seq = dutiesPair?.value as YamlNode | undefined
    if (dutiesPair && isSeq(seq) && seq.range) {
      const start = base + seq.range[0]
      if (text[start] === '[') {
        const end = base + seq.range[1]
        if (text[end - 1] !== ']') return undefined
        edits.push({ start, end, text: `[${[...own, ...added].map(flowItem).join(', ')}]` })
      } else {
        // A block sequence: new items after the last one, at the indentation of the first dash.
        const last = seq.items[seq.items.length - 1] as YamlNode | undefined
        if (!last?.range) return undefined
        const dashLine = text.lastIndexOf('\n', start - 1) + 1
        const indent = text.slice(dashLine, start)
        if (!/^[ ]*$/.test(indent)) return undefined
        const at = base + last.range[1]
        edits.push({ start: at, end: at, text: added.map((d) => `\n${indent}- ${flowItem(d)}`).join('') })
      }
    } else if (!dutiesPair) {
      const roleKey = pair('role')?.key as YamlNode | undefined
      const roleValue = pair('role')?.value as YamlNode | undefined
      if (!roleKey?.range || !roleValue?.range) return undefined
      const keyAt = base + roleKey.range[0]
      const keyLine = text.lastIndexOf('\n', keyAt - 1) + 1
      const flowMap = text[base + keepNode.range[0]] === '{'
      const at = base + roleValue.range[1]
      const line = `duties: [${added.map(flowItem).join(', ')}]`
      edits.push({ start: at, end: at, text: flowMap ? `, ${line}` : `\n${' '.repeat(keyAt - keyLine)}${line}` })
    } else return undefined
  }
  edits.sort((x, y) => x.start - y.start)
  const start = edits[0].start
  const end = Math.max(...edits.map((e) => e.end))
  const applied = applyFixes(text.slice(start, end), edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start })))
  if (applied.skipped.length) return undefined
  return { start, end, text: applied.text }
}
