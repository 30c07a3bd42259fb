import { isMap, isScalar, isSeq } from 'yaml'
import { defineRule, message } from './define-rule.ts'
import { yamlPlace, type SourceFile } from '../model/plan.ts'
import type { Place } from '../model/finding.ts'

type D = { id: string; first: string; line?: number }
const m = message<D>

type Kind = 'plan' | 'drill' | 'checklist' | 'unit'

interface Occurrence {
  id: string
  file: SourceFile
  place: Place
  /** Entries of one file (units.yaml) are told apart by their line. */
  line?: number
}

/** Every occurrence after the first of an id is reported, with the first one as its cause. */
function reportRepeats(kind: Kind, occurrences: Occurrence[], report: (o: Occurrence, first: Occurrence, kind: Kind) => void): void {
  const first = new Map<string, Occurrence>()
  for (const o of occurrences) {
    const seen = first.get(o.id)
    if (seen) report(o, seen, kind)
    else first.set(o.id, o)
  }
}

function fileIds(files: (SourceFile & { data: { id?: unknown } })[]): Occurrence[] {
  // The place is worked out only for the ids that repeat: it needs the YAML with positions, which a
  // warm run has not parsed for unchanged files, because that parse is the costliest step before Markdown.
  return files
    .filter((f) => typeof f.data?.id === 'string')
    .map((f) => {
      let place: Place | undefined
      return {
        id: f.data.id as string,
        file: f,
        get place() {
          return (place ??= yamlPlace(f, ['id']))
        },
      }
    })
}

/**
 * Unit ids straight from the file, since the registry keeps only the first entry of an id: from the
 * entries as read when units.yaml is valid (positions only for the ids that repeat), else from the
 * YAML document.
 */
function unitIds(file: SourceFile | undefined, entries: unknown[] | undefined): Occurrence[] {
  if (file && entries) {
    const out: Occurrence[] = []
    entries.forEach((item, i) => {
      const id = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as { id?: unknown }).id : undefined
      if (typeof id !== 'string') return
      let place: Place | undefined
      const at = () => (place ??= yamlPlace(file, ['units', i, 'id']))
      out.push({
        id,
        file,
        get place() {
          return at()
        },
        get line() {
          return at().line
        },
      })
    })
    return out
  }
  const units = file?.frontmatter?.doc.get('units', true)
  if (!file || !isSeq(units)) return []
  const out: Occurrence[] = []
  units.items.forEach((item, i) => {
    const id = isMap(item) ? item.get('id', true) : undefined
    if (!isScalar(id) || typeof id.value !== 'string') return
    const place = yamlPlace(file, ['units', i, 'id'])
    out.push({ id: id.value, file, place, line: place.line })
  })
  return out
}

export default defineRule({
  id: 'duplicate-id',
  name: { zh: '编号重复', en: 'Duplicate id' },
  family: 'form',
  severity: 'error',
  options: {},
  docs: {
    summary: {
      zh: '两个预案（或两条演练记录、两个评估表模板、units.yaml 中两个单位）使用了同一编号',
      en: 'Two plans (or drill records, checklist templates, units in units.yaml) share an id',
    },
    why: {
      zh: '编号是预案之间衔接（parents、supersedes）、演练记录和单位引用的唯一依据；重复的编号会让上下级衔接和覆盖检查指向错误的文件（Yuanku 的约定：编号在库内唯一，见 schema/plan.schema.json 和 docs/regulations.md#yuanku-rules）。',
      en: 'Ids are what parents, supersedes, drill records and unit references point at; a repeated id makes linkage and coverage checks follow the wrong file (Yuanku\'s own rule: ids are unique in the library, see schema/plan.schema.json and docs/regulations.md#yuanku-rules).',
    },
    notReported: {
      zh: '同一预案的新旧版本只要编号不同就不报告（由 supersedes 连接）；编号只在同类文件之间比较（预案与预案、演练记录与演练记录、单位与单位）。',
      en: 'Old and new versions of a plan with different ids are not reported (supersedes links them); ids are compared only among files of one kind (plans, drill records, units).',
    },
    fix: {
      zh: '给后出现的文件或单位另取一个编号，并修改引用它的地方。被替代的旧版预案应另取编号（如 shili-flood-2019），由新版用 supersedes 指向它。',
      en: 'Give the later file or unit a new id and update what refers to it. An older version of a plan gets its own id (e.g. shili-flood-2019) and the new one lists it in supersedes.',
    },
    bad: '# shili/special/flood.md\nid: shili-flood\n\n# shili/special/flood-2019.md\nid: shili-flood',
    good: '# shili/special/flood.md\nid: shili-flood\nsupersedes: [shili-flood-2019]\n\n# shili/special/flood-2019.md\nid: shili-flood-2019',
  },
  messages: {
    plan: m((d) => `预案编号“${d.id}”重复，已用于 ${d.first}`, (d) => `Plan id "${d.id}" is already used by ${d.first}`),
    drill: m((d) => `演练记录编号“${d.id}”重复，已用于 ${d.first}`, (d) => `Drill record id "${d.id}" is already used by ${d.first}`),
    checklist: m((d) => `评估表模板编号“${d.id}”重复，已用于 ${d.first}`, (d) => `Checklist template id "${d.id}" is already used by ${d.first}`),
    unit: m((d) => `单位编号“${d.id}”重复，已用于 ${d.first} 第 ${d.line} 行`, (d) => `Unit id "${d.id}" is already used at ${d.first} line ${d.line}`),
  },
  checkLibrary(ctx) {
    const { library } = ctx
    const report = (o: Occurrence, first: Occurrence, kind: Kind) =>
      ctx.report({ file: o.file, place: o.place, messageId: kind, data: { id: o.id, first: first.file.path, line: first.line }, cause: { file: first.file.path, place: first.place } })
    // Every plan, valid or not: a plan with a schema error still takes its id.
    reportRepeats('plan', fileIds(library.plans), report)
    reportRepeats('drill', fileIds(library.drills), report)
    reportRepeats('checklist', fileIds(library.checklists), report)
    reportRepeats('unit', unitIds(library.unitsFile, library.unitEntries), report)
  },
})
