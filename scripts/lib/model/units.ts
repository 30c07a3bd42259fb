import type { Unit } from './schema-types.ts'

export type { Unit }
export type JurisdictionLevel = 'national' | 'province' | 'city' | 'county' | 'township' | 'village'

/** Higher jurisdictions have smaller ranks. */
export const LEVEL_RANK: Record<JurisdictionLevel, number> = { national: 0, province: 1, city: 2, county: 3, township: 4, village: 5 }

export interface UnitName {
  text: string
  unitId: string
}

/** The registry of jurisdictions and units (plans/units.yaml) with its reorganisation history. */
export class UnitRegistry {
  readonly units: Unit[]
  readonly byId: Map<string, Unit>
  /** Index in units.yaml of each id's first entry, to point findings at it. */
  readonly indexOf: Map<string, number>

  constructor(units: Unit[]) {
    this.units = units
    this.byId = new Map()
    this.indexOf = new Map()
    units.forEach((u, i) => {
      if (!this.byId.has(u.id)) {
        this.byId.set(u.id, u)
        this.indexOf.set(u.id, i)
      }
    })
  }

  get(id: string): Unit | undefined {
    return this.byId.get(id)
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  name(id: string): string {
    return this.byId.get(id)?.name ?? id
  }

  isDissolved(id: string): boolean {
    return this.byId.get(id)?.status === 'dissolved'
  }

  /** The active unit that finally took over from `id`, following replaced_by (cycle-safe). */
  successor(id: string): Unit | undefined {
    const seen = new Set<string>()
    let unit = this.byId.get(id)
    while (unit && unit.status === 'dissolved' && unit.replaced_by && !seen.has(unit.id)) {
      seen.add(unit.id)
      unit = this.byId.get(unit.replaced_by)
    }
    return unit && unit.status !== 'dissolved' ? unit : undefined
  }

  /** Ancestors of a unit through `parent`, nearest first (cycle-safe). */
  ancestors(id: string): Unit[] {
    const out: Unit[] = []
    const seen = new Set<string>([id])
    let parent = this.byId.get(id)?.parent
    while (parent && !seen.has(parent)) {
      seen.add(parent)
      const unit = this.byId.get(parent)
      if (!unit) break
      out.push(unit)
      parent = unit.parent
    }
    return out
  }

  /** The jurisdiction a unit belongs to (itself if it is one). */
  jurisdictionOf(id: string): Unit | undefined {
    const unit = this.byId.get(id)
    if (!unit) return undefined
    if (unit.kind === 'jurisdiction') return unit
    return this.ancestors(id).find((u) => u.kind === 'jurisdiction')
  }

  /**
   * Rank of the administrative level a plan owner sits at. An enterprise ranks just below the
   * jurisdiction it is registered in, so its plans sit under that jurisdiction's plans.
   */
  rankOf(id: string): number | undefined {
    const unit = this.byId.get(id)
    if (!unit) return undefined
    if (unit.kind === 'jurisdiction' && unit.level) return LEVEL_RANK[unit.level]
    const j = this.jurisdictionOf(id)
    if (!j?.level) return undefined
    return LEVEL_RANK[j.level] + 0.5
  }

  jurisdictions(): Unit[] {
    return this.units.filter((u) => u.kind === 'jurisdiction' && u.status !== 'dissolved')
  }

  children(id: string): Unit[] {
    return this.units.filter((u) => u.parent === id)
  }

  /** Every name and alias that can stand for a unit in plan text, longest first. */
  names(): UnitName[] {
    const names: UnitName[] = []
    for (const u of this.units) {
      names.push({ text: u.name, unitId: u.id })
      for (const alias of u.aliases ?? []) names.push({ text: alias, unitId: u.id })
    }
    return names.sort((a, b) => b.text.length - a.text.length)
  }
}
