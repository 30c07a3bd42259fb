// Exporting the drill record (Markdown, JSON, CSV), after saying what is missing and where.
import { buildRecord, recordToCsv, recordToJson, recordToMarkdown } from '../../../../scripts/lib/drill/record.ts'
import { validateDrillRecord } from '../../../../scripts/lib/drill/validate.ts'
import type { DrillRecordData } from '../../../../scripts/lib/drill/types.ts'
import { $, $$, el } from '../dom.ts'
import type { ChecklistState } from '../state.ts'
import { findingGaps } from './findings.ts'

/** The current session as a drill record (items not on this page are left out). */
export function currentRecord(state: ChecklistState): DrillRecordData {
  const { data, session } = state
  const h = session.header
  const ratings = Object.fromEntries(Object.entries(session.ratings).filter(([ref]) => state.byRef.has(ref)))
  return buildRecord({ ...h, location: h.location || undefined, plan: data.plan.id, finalized: session.finalized === true }, data.items, ratings, session.findings, data.grading)
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = el('a', { attrs: { href: url, download: name } })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** What the evaluator must still fill in before the record can be exported, each saying where. */
function exportProblems(state: ChecklistState, record: DrillRecordData): string[] {
  const { c, data, session } = state
  const problems = [!session.header.date && c.needDate, !session.header.scenario.trim() && c.needScenario, !session.header.organizer.trim() && c.needOrganizer].filter((p): p is string => Boolean(p))
  for (const f of session.findings) {
    const gaps = findingGaps(state, f)
    if (!gaps.length) continue
    const n = data.items.findIndex((i) => i.ref === f.ref) + 1
    problems.push(c.findingMissing.replace('{n}', String(n)).replace('{text}', f.text.length > 24 ? `${f.text.slice(0, 24)}…` : f.text).replace('{fields}', gaps.join(state.sep())))
  }
  if (!problems.length) problems.push(...validateDrillRecord(record))
  return problems
}

export function connectExport(state: ChecklistState): void {
  const { c, data } = state
  const exportMsg = $('#cl-export-msg')!
  for (const button of $$<HTMLButtonElement>('[data-export]', state.root)) {
    button.addEventListener('click', () => {
      const record = currentRecord(state)
      const problems = exportProblems(state, record)
      exportMsg.replaceChildren()
      if (problems.length) {
        exportMsg.append(el('p', { text: c.exportInvalid }), el('ul', {}, ...problems.map((p) => el('li', { text: p }))))
        return
      }
      const stem = `${record.date}-${record.plan}`
      const kind = button.dataset.export
      if (kind === 'md') download(`${stem}.md`, recordToMarkdown(record, undefined, { planTitle: data.plan.title, grading: data.grading }), 'text/markdown;charset=utf-8')
      else if (kind === 'json') download(`${stem}.json`, recordToJson(record), 'application/json;charset=utf-8')
      else {
        // The page's language first; the other button gives the other headers (English keys for tools).
        const en = (data.locale === 'en') !== (kind === 'csv-alt')
        download(`${stem}${kind === 'csv-alt' ? (en ? '-en' : '-zh') : ''}.csv`, recordToCsv(record, en ? 'en' : 'zh-CN'), 'text/csv;charset=utf-8')
      }
    })
  }
}
