// The checklist page in the browser: rating state, timers, findings, live score (the SAME scoreDrill as
// the CLI and lint), autosave of several sessions, export/import/merge, printing, offline service worker.
// Each part lives in parts/ and shares only ChecklistState (state.ts). Evaluator and imported text is
// only ever inserted with textContent or form values, never as HTML.
import { checklistStrings } from './strings.ts'
import { SessionStore } from './store.ts'
import { ChecklistState, type PageData } from './state.ts'
import { connectHeader } from './parts/header.ts'
import { connectItems } from './parts/items.ts'
import { connectTimers } from './parts/timer.ts'
import { connectFindings } from './parts/findings.ts'
import { connectSummary } from './parts/summary.ts'
import { connectSessions } from './parts/sessions.ts'
import { connectExport } from './parts/export.ts'
import { connectImport } from './parts/import.ts'
import { connectPrint } from './parts/print.ts'
import { registerServiceWorker } from './parts/offline.ts'

export function initChecklist(): void {
  const dataEl = document.getElementById('checklist-data')
  const root = document.getElementById('checklist')
  if (!dataEl || !root) return
  const data = JSON.parse(dataEl.textContent ?? '{}') as PageData
  const c = checklistStrings(data.locale)
  const state = new ChecklistState(data, c, new SessionStore(data.base, data.plan.id), root)
  // The order is the order in which the parts fill themselves when a session is shown.
  connectHeader(state)
  connectItems(state)
  connectTimers(state)
  connectFindings(state)
  connectSummary(state)
  connectSessions(state)
  connectExport(state)
  connectImport(state)
  connectPrint(state)
  state.load(state.session)
  registerServiceWorker(data.base, c)
}
