import { isMap, isScalar, isSeq } from 'yaml'
import { defineRule, type Message, type Report } from './define-rule.ts'
import { yamlPlace, yamlRange, type Plan, type SourceFile } from '../model/plan.ts'
import type { YamlPath } from '../load/frontmatter.ts'
import type { UnitRegistry } from '../model/units.ts'
import { closest, editDistance } from '../text/closest.ts'

type D = { id: string; field: string; suggestion?: string; name?: string; unit?: string }
const m = (zh: (d: D) => string, en: (d: D) => string): Message<D> => ({ zh, en })

interface UnitRef {
  id: string
  path: YamlPath
  field: string
}

/** Fields that may hold a unit's name instead of its id: only an id-shaped value is checked there. */
const ID_SHAPE = /^[a-z0-9][a-z0-9-]*$/

function planRefs(plan: Plan): UnitRef[] {
  const d = plan.data
  const refs: UnitRef[] = [
    { id: d.jurisdiction, path: ['jurisdiction'], field: 'jurisdiction' },
    { id: d.issuer, path: ['issuer'], field: 'issuer' },
  ]
  if (d.lead_unit) refs.push({ id: d.lead_unit, path: ['lead_unit'], field: 'lead_unit' })
  d.units.forEach((u, i) => refs.push({ id: u.unit, path: ['units', i, 'unit'], field: 'units' }))
  d.contacts?.forEach((c, i) => {
    if (ID_SHAPE.test(c.unit)) refs.push({ id: c.unit, path: ['contacts', i, 'unit'], field: 'contacts' })
  })
  return refs
}

function drillRefs(data: Record<string, unknown>): UnitRef[] {
  const refs: UnitRef[] = []
  if (typeof data.organizer === 'string' && ID_SHAPE.test(data.organizer)) refs.push({ id: data.organizer, path: ['organizer'], field: 'organizer' })
  if (Array.isArray(data.findings)) {
    data.findings.forEach((f, i) => {
      const unit = (f as { unit?: unknown } | null)?.unit
      if (typeof unit === 'string') refs.push({ id: unit, path: ['findings', i, 'unit'], field: 'findings' })
    })
  }
  return refs
}

/**
 * The closest id, held to a quarter of the length: ids of one library share long prefixes
 * (shi-, shili-), so closest() alone would offer shili-shi for shi-liangshi.
 */
export function closestId(value: string, ids: Iterable<string>): string | undefined {
  // Accepted below needs d ≤ max(2, ⌊max(|value|, |best|)/4⌋) with |best| ≤ |value| + d, so d ≤ max(2, ⌊|value|/3⌋):
  // no candidate further than that can be the answer, and the search skips them early.
  const best = closest(value, ids, Math.max(2, Math.floor(value.length / 3)) + 1)
  if (!best) return undefined
  return editDistance(value.toLowerCase(), best) <= Math.max(2, Math.floor(Math.max(value.length, best.length) / 4)) ? best : undefined
}

/**
 * Ids to offer first for a plan: the units of its own jurisdiction, then of each jurisdiction above it,
 * nearest first (a county plan's 卫健 is the county's bureau before the city's), then every id.
 */
function idPools(units: UnitRegistry, jurisdiction: unknown): string[][] {
  let memo = poolMemo.get(units)
  if (!memo) poolMemo.set(units, (memo = new Map()))
  const key = typeof jurisdiction === 'string' ? jurisdiction : ''
  let pools = memo.get(key)
  if (!pools) memo.set(key, (pools = buildPools(units, jurisdiction)))
  return pools
}

const poolMemo = new WeakMap<UnitRegistry, Map<string, string[][]>>()

function buildPools(units: UnitRegistry, jurisdiction: unknown): string[][] {
  const all = [...units.byId.keys()]
  if (typeof jurisdiction !== 'string' || !units.has(jurisdiction)) return [all]
  const chain = [jurisdiction, ...units.ancestors(jurisdiction).map((u) => u.id)].map((id) => units.jurisdictionOf(id)?.id).filter((id): id is string => !!id)
  const pools = [...new Set(chain)].map((j) => all.filter((id) => units.jurisdictionOf(id)?.id === j))
  return [...pools, all]
}

/** The unit a value names by its registered name or alias (in the nearest pool when several share it). */
function namedUnit(value: string, units: UnitRegistry, pools: string[][] = [[...units.byId.keys()]]): string | undefined {
  return namedUnits(value, units, pools)[0]
}

/** The units a name may mean, the nearest pool's first; one only when the name is certain. */
function namedUnits(value: string, units: UnitRegistry, pools: string[][]): string[] {
  const named = [...new Set(units.names().filter((n) => n.text === value).map((n) => n.unitId))]
  if (named.length <= 1) return named
  for (const pool of pools) {
    const hits = named.filter((id) => pool.includes(id))
    if (hits.length) return hits.length === 1 ? hits : named
  }
  return named
}

/** The closest id in the first pool that has one within reach. */
function closestInPools(value: string, pools: string[][]): string | undefined {
  for (const pool of pools) {
    const hit = closestId(value, pool)
    if (hit) return hit
  }
  return undefined
}

/** The id a wrong value most likely meant: the unit it names, else the closest id. */
function suggest(value: string, units: UnitRegistry): string | undefined {
  return namedUnit(value, units) ?? closestId(value, units.byId.keys())
}

export default defineRule({
  id: 'unknown-unit',
  name: { zh: '未登记单位', en: 'Unknown unit' },
  family: 'form',
  severity: 'error',
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: '引用了 units.yaml 中没有登记的单位编号', en: 'Refers to a unit id that units.yaml does not register' },
    why: {
      zh: '预案用编号指向 units.yaml 中的行政区和责任单位；未登记的编号无法确定层级和归属，纵向衔接、覆盖和职责检查都会漏掉它。应急预案必须明确组织指挥体系和责任单位（突发事件应对法第二十八条）。',
      en: 'Plans point at the jurisdictions and units of units.yaml by id; an unregistered id has no level or parent, so linkage, coverage and responsibility checks cannot see it. The law requires plans to name who is responsible (Emergency Response Law art. 28).',
    },
    fix: {
      zh: '改为 units.yaml 中已登记的编号（消息会给出最接近的编号：先在预案所属行政区的单位中找，再依次到上级行政区，最后是全部单位；写成名称的，几个单位同名时取本行政区的那个，只有能确定唯一单位时 --fix 才替换），或先在 units.yaml 中登记该单位。',
      en: 'Use an id registered in units.yaml (the message gives the closest one: among the units of the plan\'s own jurisdiction first, then of each jurisdiction above it, then all; a name several units share is read as the one of the plan\'s own jurisdiction, and --fix replaces a name only when it stands for exactly one unit), or register the unit first.',
    },
    notReported: {
      zh: 'contacts 和演练记录的 organizer 写的是单位名称（不像编号）时不检查。',
      en: 'Contacts and a drill record\'s organizer that hold a plain name (not shaped like an id).',
    },
    bad: 'units:\n  - unit: shi-liangshi   # 未登记\n    role: member\n    duties: [粮油储备调运]',
    good: '# units.yaml\n  - { id: shi-liangshi, name: 示例市粮食和物资储备局, kind: department, parent: shili-shi }\n\n# 预案前言\nunits:\n  - unit: shi-liangshi\n    role: member\n    duties: [粮油储备调运]',
  },
  messages: {
    name: m(
      (d) => `这里应填写单位编号而不是名称：“${d.id}”应写作“${d.suggestion}”`,
      (d) => `Write the unit id, not its name: "${d.id}" is "${d.suggestion}"`,
    ),
    default: m((d) => `单位编号“${d.id}”未在 units.yaml 中登记`, (d) => `Unit id "${d.id}" is not registered in units.yaml`),
    suggest: m(
      (d) => `单位编号“${d.id}”未在 units.yaml 中登记，是否应为“${d.suggestion}”（${d.name}）？`,
      (d) => `Unit id "${d.id}" is not registered in units.yaml — did you mean "${d.suggestion}" (${d.name})?`,
    ),
    parent: m((d) => `单位“${d.unit}”的上级“${d.id}”未在 units.yaml 中登记`, (d) => `The parent "${d.id}" of unit "${d.unit}" is not registered in units.yaml`),
    'parent-suggest': m(
      (d) => `单位“${d.unit}”的上级“${d.id}”未登记，是否应为“${d.suggestion}”（${d.name}）？`,
      (d) => `The parent "${d.id}" of unit "${d.unit}" is not registered — did you mean "${d.suggestion}" (${d.name})?`,
    ),
    'replaced-by': m((d) => `单位“${d.unit}”的承接单位“${d.id}”未在 units.yaml 中登记`, (d) => `The successor "${d.id}" of unit "${d.unit}" is not registered in units.yaml`),
    'replaced-by-suggest': m(
      (d) => `单位“${d.unit}”的承接单位“${d.id}”未登记，是否应为“${d.suggestion}”（${d.name}）？`,
      (d) => `The successor "${d.id}" of unit "${d.unit}" is not registered — did you mean "${d.suggestion}" (${d.name})?`,
    ),
  },
  checkPlan(plan, ctx) {
    const units = ctx.library.units
    const refs = planRefs(plan)
    // The pools are built only for a plan that has an unknown id, once per jurisdiction.
    if (refs.every((r) => units.has(r.id))) return
    checkRefs(plan, refs, units, ctx.report, idPools(units, plan.data.jurisdiction))
  },
  checkLibrary(ctx) {
    const { units, unitsFile } = ctx.library
    for (const drill of ctx.library.drills) checkRefs(drill, drillRefs(drill.data as unknown as Record<string, unknown>), units, ctx.report)
    if (unitsFile) checkRegistry(unitsFile, units, ctx.report, ctx.library.unitEntries)
  },
})

type ReportFn = (report: Report) => void

function checkRefs(file: SourceFile, refs: UnitRef[], units: UnitRegistry, report: ReportFn, pools: string[][] = [[...units.byId.keys()]]): void {
  for (const ref of refs) {
    if (units.has(ref.id)) continue
    const namedAll = namedUnits(ref.id, units, pools)
    const named = namedAll[0]
    const suggestion = named ?? closestInPools(ref.id, pools)
    const range = yamlRange(file, ref.path)
    report({
      file,
      place: yamlPlace(file, ref.path),
      messageId: named ? 'name' : suggestion ? 'suggest' : 'default',
      data: { id: ref.id, field: ref.field, suggestion, name: suggestion ? units.name(suggestion) : undefined },
      // A name that stands for exactly one unit (here, after the plan's own jurisdiction): replacing it is certain.
      ...(named && namedAll.length === 1 && range && file.text.slice(range[0], range[1]) === ref.id ? { fix: { start: range[0], end: range[1], text: named } } : {}),
    })
  }
}

/**
 * parent and replaced_by of every entry, read from the file so that the index is the file's own: from
 * the entries as read when units.yaml is valid (positions only for what is reported), else from the
 * YAML document.
 */
function checkRegistry(file: SourceFile, units: UnitRegistry, report: ReportFn, entries?: unknown[]): void {
  if (entries) {
    entries.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return
      const self = (item as Record<string, unknown>).id
      for (const key of ['parent', 'replaced_by'] as const) {
        const value = (item as Record<string, unknown>)[key]
        if (typeof value !== 'string' || units.has(value)) continue
        const suggestion = suggest(value, units)
        const base = key === 'parent' ? 'parent' : 'replaced-by'
        report({
          file,
          place: yamlPlace(file, ['units', i, key]),
          messageId: suggestion ? `${base}-suggest` : base,
          data: { id: value, unit: typeof self === 'string' ? self : `#${i + 1}`, suggestion, name: suggestion ? units.name(suggestion) : undefined },
        })
      }
    })
    return
  }
  const list = file.frontmatter?.doc.get('units', true)
  if (!isSeq(list)) return
  list.items.forEach((item, i) => {
    if (!isMap(item)) return
    const self = item.get('id')
    for (const key of ['parent', 'replaced_by'] as const) {
      const node = item.get(key, true)
      if (!isScalar(node) || typeof node.value !== 'string' || units.has(node.value)) continue
      const suggestion = suggest(node.value, units)
      const base = key === 'parent' ? 'parent' : 'replaced-by'
      report({
        file,
        place: yamlPlace(file, ['units', i, key]),
        messageId: suggestion ? `${base}-suggest` : base,
        data: { id: node.value, unit: typeof self === 'string' ? self : `#${i + 1}`, suggestion, name: suggestion ? units.name(suggestion) : undefined },
      })
    }
  })
}
