// Writes the drafted plan: frontmatter with a comment on every guess, then the Markdown body.
import type { Root } from 'mdast'
import { unified } from 'unified'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import type { Confidence, Draft, Guess } from './draft.ts'

const CONFIDENCE: Record<Confidence, string> = { high: '高', medium: '中', low: '低' }

/** A YAML scalar: plain when it reads back as the same string, double-quoted (JSON is valid YAML) otherwise. */
export function scalar(value: string): string {
  const plain = /^[\p{Script=Han}\p{L}\p{N}][\p{Script=Han}\p{L}\p{N}\p{Pd}_（）·、《》“”，。；〔〕]*$/u.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value) && !/^[\d.+-]/.test(value)
  return plain ? value : JSON.stringify(value)
}

const note = (g: Guess<unknown> | undefined) => (g ? `  # 推测（把握：${CONFIDENCE[g.confidence]}）：${g.basis}` : '')
const flow = (items: string[]) => `[${items.map(scalar).join(', ')}]`

export function renderFrontmatter(draft: Draft, source: string, today: string): string {
  const lines: string[] = ['---', `# 由 yuanku import 于 ${today} 从“${source}”转换。带“推测”注释的值请逐项核对，核对后删去注释。`]
  if (draft.docNumber) lines.push(`# 原印发通知发文字号：${draft.docNumber}`)
  for (const t of draft.todo) lines.push(`# TODO（待人工确认）：${t}`)
  lines.push(`id: ${draft.id}`)
  lines.push(draft.title ? `title: ${scalar(draft.title.value)}${note(draft.title)}` : 'title: ""  # TODO：预案名称')
  lines.push(draft.type ? `type: ${draft.type.value}${note(draft.type)}` : '# type: TODO（overall | special | department | grassroots | enterprise-comprehensive | enterprise-special | onsite | event | joint）')
  lines.push(draft.jurisdiction ? `jurisdiction: ${draft.jurisdiction.value}${note(draft.jurisdiction)}` : '# jurisdiction: TODO（units.yaml 中的行政区或单位编号）')
  lines.push(`category: ${flow(draft.category)}`)
  if (draft.hazards) lines.push(`hazards: ${flow(draft.hazards.value)}${note(draft.hazards)}`)
  else if (draft.type?.value !== 'overall') lines.push('# hazards: TODO（事件种类编号）')
  lines.push(draft.issuer ? `issuer: ${draft.issuer.value}${note(draft.issuer)}` : '# issuer: TODO（编制/印发单位编号）')
  if (draft.lead_unit) lines.push(`lead_unit: ${draft.lead_unit.value}${note(draft.lead_unit)}`)
  if (draft.units) {
    lines.push(`units:${note(draft.units)}`)
    for (const u of draft.units.value) {
      lines.push(`  - unit: ${u.unit}`, `    role: ${u.role}`, '    duties:')
      for (const d of u.duties) lines.push(`      - ${scalar(d)}`)
    }
  } else lines.push('units: []  # TODO：责任单位及职责')
  for (const u of draft.unknownUnits) lines.push(`  # - unit: TODO  # 原文“${u.name}”${u.suggestion ? `，可能是“${u.suggestion}”` : ''}`)
  if (draft.parents.value.length) {
    lines.push(`parents:${note(draft.parents)}`)
    for (const p of draft.parents.value) lines.push(p.plan ? `  - plan: ${p.plan}` : `  - external: ${scalar(p.external!)}`)
  } else lines.push('parents: []  # TODO：上位预案')
  lines.push(`status: ${draft.status}`, `version: ${scalar(draft.version)}`)
  lines.push(`dates:${note(draft.dates)}`)
  for (const [k, v] of Object.entries(draft.dates.value)) lines.push(`  ${k}: ${v}`)
  if (draft.response_levels) {
    lines.push(`response_levels:${note(draft.response_levels)}`)
    for (const l of draft.response_levels.value) {
      lines.push(`  - level: ${l.level}`, `    trigger: ${scalar(l.trigger)}`)
      if (l.commander) lines.push(`    commander: ${scalar(l.commander)}`)
    }
  }
  lines.push('---')
  return lines.join('\n')
}

export function renderBody(title: string | undefined, body: Root): string {
  const tree: Root = { type: 'root', children: [...(title ? [{ type: 'heading' as const, depth: 1 as const, children: [{ type: 'text' as const, value: title }] }] : []), ...body.children] }
  return String(unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, listItemIndent: 'one', rule: '-' }).stringify(tree))
}
