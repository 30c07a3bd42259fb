// The drill header form (date, form of drill, scenario, place, organiser, evaluators).
import { $ } from '../dom.ts'
import type { ChecklistState } from '../state.ts'
import type { Session } from '../store.ts'

export function connectHeader(state: ChecklistState): void {
  const header = $<HTMLFormElement>('#cl-header')!
  const field = (name: string) => header.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
  header.addEventListener('input', () => {
    const h = state.session.header
    h.date = field('date').value
    h.kind = field('kind').value as Session['header']['kind']
    h.scenario = field('scenario').value
    h.location = field('location').value
    h.organizer = field('organizer').value
    h.evaluators = field('evaluators').value.split(/[、,，;；]+/).map((s) => s.trim()).filter(Boolean)
    markPaper(h)
    state.changed()
  })
  // The paper form: the chosen form of drill ticked, an empty date left blank (not mm/dd/yyyy).
  const markPaper = (h: Session['header']) => {
    for (const box of header.querySelectorAll<HTMLElement>('.cl-kind-print [data-kind]')) box.classList.toggle('chosen', box.dataset.kind === h.kind)
    field('date').toggleAttribute('data-empty', !h.date)
  }
  header.addEventListener('submit', (e) => e.preventDefault())
  state.onLoad(({ header: h }) => {
    field('date').value = h.date
    field('kind').value = h.kind
    field('scenario').value = h.scenario
    field('location').value = h.location ?? ''
    field('organizer').value = h.organizer
    field('evaluators').value = h.evaluators.join('、')
    markPaper(h)
  })
}
