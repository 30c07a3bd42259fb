// The one piece of state the checklist page's parts share: the session shown, and two events. Each part
// (header, items, timers, findings, summary, sessions, export, import, print) is a module that listens
// to `load` (a session is shown) and `change` (the evaluator changed something), as Starlight's client
// components each own one piece of the page.
import type { ChecklistItem, Grading } from '../../../scripts/lib/drill/types.ts'
import type { Locale, Strings } from './strings.ts'
import type { Session, SessionStore } from './store.ts'

export interface PageData {
  plan: { id: string; title: string }
  items: ChecklistItem[]
  grading: Grading
  units: { id: string; name: string }[]
  locale: Locale
  base: string
  today: string
}

export class ChecklistState {
  readonly data: PageData
  readonly c: Strings
  readonly store: SessionStore
  readonly root: HTMLElement
  readonly byRef: Map<string, ChecklistItem>
  session: Session
  private readonly loadListeners: ((s: Session) => void)[] = []
  private readonly changeListeners: (() => void)[] = []

  constructor(data: PageData, c: Strings, store: SessionStore, root: HTMLElement) {
    this.data = data
    this.c = c
    this.store = store
    this.root = root
    this.byRef = new Map(data.items.map((i) => [i.ref, i]))
    this.session = store.current() ?? store.create()
    store.select(this.session.id)
  }

  /** Called after the evaluator changed the current session: saves it and lets the parts update. */
  changed(): void {
    this.store.touch(this.session)
    for (const fn of this.changeListeners) fn()
  }

  /** Shows a session: every part fills itself from it. */
  load(s: Session): void {
    this.session = s
    this.store.select(s.id)
    for (const fn of this.loadListeners) fn(s)
  }

  onLoad(fn: (s: Session) => void): void {
    this.loadListeners.push(fn)
  }

  onChange(fn: () => void): void {
    this.changeListeners.push(fn)
  }

  /** The list separator of the page's language. */
  sep(): string {
    return this.data.locale === 'en' ? ', ' : '、'
  }
}

/** Elapsed minutes kept to the whole second, so the exported record rescored gives the same result. */
export const toSeconds = (minutes: number) => Math.round(minutes * 60) / 60
