// Evaluation sessions of one plan, kept in localStorage so that a reload, a crash or a closed tab loses
// nothing. Several sessions per plan; every change is written at once.
import type { Rating, RecordFinding } from '../../../scripts/lib/drill/types.ts'
import type { DrillHeader } from '../../../scripts/lib/drill/record.ts'

export interface Session {
  id: string
  created: string
  updated: string
  header: Omit<DrillHeader, 'plan'>
  ratings: Record<string, Rating>
  findings: RecordFinding[]
  /** Running timers: ref → start time (ms since epoch). */
  timers: Record<string, number>
  /** The evaluator finalised the scoring (定稿): the grade is final even with unrated items. */
  finalized?: boolean
  /** Set on a session made by merging imported records. */
  merged?: { from: string[]; disagreements: { ref: string; text: string; ratings: { evaluator: string; rating: string | null }[]; chosen: string | null }[]; unknown: number }
}

interface Stored {
  version: 1
  current?: string
  sessions: Session[]
}

export class SessionStore {
  private data: Stored = { version: 1, sessions: [] }
  readonly persistent: boolean
  private readonly key: string

  constructor(base: string, plan: string) {
    this.key = `yuanku-checklist:${base}:${plan}`
    let ok = true
    try {
      const raw = localStorage.getItem(this.key)
      if (raw) {
        const parsed = JSON.parse(raw) as Stored
        if (parsed && parsed.version === 1 && Array.isArray(parsed.sessions)) this.data = parsed
      }
      localStorage.setItem(`${this.key}:probe`, '1')
      localStorage.removeItem(`${this.key}:probe`)
    } catch {
      ok = false
    }
    this.persistent = ok
  }

  list(): Session[] {
    return this.data.sessions
  }

  current(): Session | undefined {
    return this.data.sessions.find((s) => s.id === this.data.current) ?? this.data.sessions[0]
  }

  select(id: string): void {
    this.data.current = id
    this.save()
  }

  create(init: Partial<Session> = {}): Session {
    const now = new Date().toISOString()
    const session: Session = {
      id: `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      created: now,
      updated: now,
      header: { date: '', kind: 'tabletop', scenario: '', location: '', organizer: '', evaluators: [] },
      ratings: {},
      findings: [],
      timers: {},
      ...init,
    }
    this.data.sessions.unshift(session)
    this.data.current = session.id
    this.save()
    return session
  }

  remove(id: string): void {
    this.data.sessions = this.data.sessions.filter((s) => s.id !== id)
    if (this.data.current === id) this.data.current = this.data.sessions[0]?.id
    this.save()
  }

  /** Marks the session changed and writes everything. */
  touch(session: Session): void {
    session.updated = new Date().toISOString()
    this.save()
  }

  private save(): void {
    if (!this.persistent) return
    try {
      localStorage.setItem(this.key, JSON.stringify(this.data))
    } catch {
      // Quota exceeded: the page keeps working; the summary line says it is not saved.
    }
  }
}
