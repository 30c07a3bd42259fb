// One checklist item: its rating, points given directly, the note, clearing with undo, and the finding
// form (built when first opened).
import type { Rating, RatingValue } from '../../../../scripts/lib/drill/types.ts'
import { $, $$ } from '../dom.ts'
import type { ChecklistState } from '../state.ts'
import { saveFinding } from './findings.ts'

export function connectItems(state: ChecklistState): void {
  const rating = (ref: string): Rating => (state.session.ratings[ref] ??= {})
  for (const li of $$('.cl-item', state.root)) connectItem(state, li, rating)
  state.onLoad((s) => {
    for (const li of $$('.cl-item', state.root)) {
      const r = s.ratings[li.dataset.ref!]
      for (const radio of $$<HTMLInputElement>('input[type=radio]', li)) radio.checked = radio.value === r?.rating
      const awarded = $<HTMLInputElement>('.cl-awarded', li)!
      awarded.hidden = r?.rating !== 'points'
      awarded.value = typeof r?.awarded === 'number' ? String(r.awarded) : ''
      const note = $<HTMLTextAreaElement>('.cl-note', li)!
      note.value = r?.note ?? ''
      $('.cl-note-print', li)!.textContent = note.value
      markItem(state, li)
      $('.cl-undo', li)!.hidden = true
      li.classList.remove('disagree')
      $('.cl-disagreement', li)?.remove()
    }
  })
}

function connectItem(state: ChecklistState, li: HTMLElement, rating: (ref: string) => Rating): void {
  const ref = li.dataset.ref!
  const item = state.byRef.get(ref)!
  const awarded = $<HTMLInputElement>('.cl-awarded', li)!
  li.addEventListener('change', (e) => {
    const target = e.target as HTMLInputElement
    if (target.type !== 'radio') return
    rating(ref).rating = target.value as RatingValue
    awarded.hidden = target.value !== 'points'
    if (target.value === 'points' && awarded.value === '') awarded.value = String(item.points)
    if (target.value === 'points') rating(ref).awarded = Number(awarded.value)
    else delete rating(ref).awarded
    markItem(state, li)
    state.changed()
  })
  awarded.addEventListener('input', () => {
    const n = Number(awarded.value)
    if (awarded.value !== '' && Number.isFinite(n)) rating(ref).awarded = n
    else delete rating(ref).awarded
    state.changed()
  })
  const clear = $<HTMLButtonElement>('.cl-clear', li)!
  const undo = $<HTMLButtonElement>('.cl-undo', li)!
  let undoTimer: ReturnType<typeof setTimeout> | undefined
  clear.addEventListener('click', () => {
    const r = rating(ref)
    const before = { rating: r.rating, awarded: r.awarded }
    r.rating = null
    delete r.awarded
    for (const radio of $$<HTMLInputElement>('input[type=radio]', li)) radio.checked = false
    awarded.hidden = true
    markItem(state, li)
    state.changed()
    // A stray tap must not cost a rating: offer to take it back for a while.
    undo.hidden = false
    undo.focus()
    clearTimeout(undoTimer)
    undoTimer = setTimeout(() => (undo.hidden = true), 15000)
    undo.onclick = () => {
      clearTimeout(undoTimer)
      Object.assign(r, before)
      if (before.awarded === undefined) delete r.awarded
      for (const radio of $$<HTMLInputElement>('input[type=radio]', li)) radio.checked = radio.value === before.rating
      awarded.hidden = before.rating !== 'points'
      undo.hidden = true
      markItem(state, li)
      state.changed()
      $<HTMLInputElement>('input[type=radio]:checked', li)?.focus()
    }
  })
  const note = $<HTMLTextAreaElement>('.cl-note', li)!
  note.addEventListener('input', () => {
    rating(ref).note = note.value
    $('.cl-note-print', li)!.textContent = note.value
    state.changed()
  })
  // The finding form is built when first opened: 38 items × a full form with every unit made the page
  // 150 KB and thousands of elements, most never used.
  const box = $<HTMLDetailsElement>('.cl-finding', li)!
  box.addEventListener('toggle', () => {
    if (!box.open || $('.cl-grid', box)) return
    const form = $<HTMLTemplateElement>('#cl-finding-form')!.content.cloneNode(true) as DocumentFragment
    $<HTMLTextAreaElement>('[name=text]', form)!.value = item.text
    const unit = $<HTMLSelectElement>('[name=unit]', form)!
    if (box.dataset.unit) unit.value = box.dataset.unit
    $('.cl-save-finding', form)!.addEventListener('click', () => saveFinding(state, li, ref))
    box.append(form)
  })
}

function markItem(state: ChecklistState, li: HTMLElement): void {
  const r = state.session.ratings[li.dataset.ref!]
  li.dataset.rating = r?.rating ?? ''
  // Nothing to clear on an unrated item: no button, one tab stop less per item.
  $('.cl-clear', li)!.hidden = !r?.rating
}
