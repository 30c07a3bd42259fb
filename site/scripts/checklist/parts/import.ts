// Importing other evaluators' exports: merged into a new session, with their disagreements shown.
import { mergeEvaluations, parseImport } from '../../../../scripts/lib/drill/import.ts'
import type { DrillRecordData } from '../../../../scripts/lib/drill/types.ts'
import { $, el } from '../dom.ts'
import type { ChecklistState } from '../state.ts'
import type { Session } from '../store.ts'
import { currentRecord } from './export.ts'

export function connectImport(state: ChecklistState): void {
  const { c, data, store } = state
  const importMsg = $('#cl-import-msg')!
  $<HTMLInputElement>('#cl-import')!.addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement
    const files = [...(input.files ?? [])]
    input.value = ''
    const records: DrillRecordData[] = []
    const errors: [string, string][] = []
    for (const file of files) {
      const parsed = parseImport(await file.text())
      if (!parsed.ok) for (const err of parsed.errors) errors.push([file.name, err])
      else if (parsed.record.plan !== data.plan.id) errors.push([file.name, c.otherPlan(parsed.record.plan)])
      else records.push(parsed.record)
    }
    importMsg.replaceChildren()
    if (errors.length) importMsg.append(el('p', { class: 'bad', text: c.importErrors }), el('ul', {}, ...errors.map(([name, err]) => el('li', { text: `${name}: ${err}` }))))
    if (!records.length) return
    const own = Object.values(state.session.ratings).some((r) => r?.rating) ? [currentRecord(state)] : []
    const merged = mergeEvaluations([...own, ...records], data.grading)
    const known = Object.fromEntries(Object.entries(merged.ratings).filter(([ref]) => state.byRef.has(ref)))
    const unknown = Object.keys(merged.ratings).length - Object.keys(known).length
    const first = records[0]
    const next = store.create({
      header: { date: first.date, kind: first.kind, scenario: first.scenario, location: first.location ?? '', organizer: first.organizer, evaluators: merged.evaluators },
      ratings: known as Session['ratings'],
      findings: merged.findings,
      merged: {
        from: merged.evaluators,
        unknown,
        disagreements: merged.disagreements.map((d) => ({ ref: d.ref, text: d.text, chosen: d.chosen.rating ?? null, ratings: d.ratings.map((r) => ({ evaluator: r.evaluator, rating: r.rating.rating ?? null })) })),
      },
    })
    state.load(next)
    importMsg.append(el('p', { class: 'ok', text: c.imported(records.length, merged.evaluators.join('、')) }))
    if (unknown) importMsg.append(el('p', { class: 'bad', text: c.unknownItems(unknown) }))
  })
  state.onLoad(() => renderMerge(state))
}

function renderMerge(state: ChecklistState): void {
  const { c } = state
  const ratingText = (r: string | null) => (r === null ? c.unrated : (c.ratings[r] ?? r))
  const box = $('#cl-merge')!
  box.replaceChildren()
  const m = state.session.merged
  if (!m) return
  if (!m.disagreements.length) {
    box.append(el('p', { class: 'ok', text: c.noDisagreements }))
    return
  }
  const evaluators = [...new Set(m.disagreements.flatMap((d) => d.ratings.map((r) => r.evaluator)))]
  const head = el('tr', {}, el('th', { text: c.item }), ...evaluators.map((e) => el('th', { text: e })), el('th', { text: c.chosen }))
  const rows = m.disagreements.map((d) =>
    el('tr', { attrs: { 'data-ref': d.ref } },
      el('td', { text: d.text }),
      ...evaluators.map((e) => el('td', { text: ratingText(d.ratings.find((r) => r.evaluator === e)?.rating ?? null) })),
      el('td', { text: ratingText(d.chosen) }),
    ),
  )
  box.append(el('h3', { text: c.disagreements }), el('table', { class: 'cl-disagreements' }, el('thead', {}, head), el('tbody', {}, ...rows)))
  for (const d of m.disagreements) {
    const li = document.getElementById(`item-${d.ref}`)
    if (!li) continue
    li.classList.add('disagree')
    li.append(el('p', { class: 'cl-disagreement small', text: d.ratings.map((r) => `${r.evaluator}：${ratingText(r.rating)}`).join('；') }))
  }
}
