// Findings (问题与整改): saving one from an item's form, and the list of the session's findings.
import type { RecordFinding } from '../../../../scripts/lib/drill/types.ts'
import { isIsoDate } from '../../../../scripts/lib/dates.ts'
import { $, el } from '../dom.ts'
import type { ChecklistState } from '../state.ts'

/** The fields a finding still lacks for a complete record. */
export function findingGaps(state: ChecklistState, f: RecordFinding): string[] {
  const { c } = state
  return [!f.text && c.finding, !f.unit && c.unit, !f.action && c.action, !isIsoDate(f.due) && c.due].filter((x): x is string => Boolean(x))
}

export function saveFinding(state: ChecklistState, li: HTMLElement, ref: string): void {
  const { c, data } = state
  const box = $<HTMLDetailsElement>('.cl-finding', li)!
  const get = (name: string) => (($(`[name=${name}]`, box) as HTMLInputElement | null)?.value ?? '').trim()
  const msg = $('.cl-finding-msg', box)!
  const finding: RecordFinding = {
    ref,
    text: get('text'),
    severity: get('severity') as RecordFinding['severity'],
    unit: get('unit'),
    action: get('action'),
    due: get('due'),
    status: 'open',
    requires_revision: $<HTMLInputElement>('[name=requires_revision]', box)?.checked ?? false,
  }
  // Only the text is needed to save; what else a record needs is checked when it is exported, where
  // the evaluator has time to complete it (and is told which finding lacks what).
  if (!finding.text) {
    msg.textContent = c.needText
    return
  }
  state.session.findings.push(finding)
  msg.textContent = ''
  box.open = false
  const saved = $('.cl-saved', li)
  if (saved) {
    const missing = findingGaps(state, finding)
    saved.textContent = missing.length ? `${c.savedFinding}${data.locale === 'en' ? ` (${c.completeBeforeExport}: ${missing.join(state.sep())})` : `（${c.completeBeforeExport}：${missing.join(state.sep())}）`}` : c.savedFinding
    saved.hidden = false
  }
  renderFindings(state)
  state.changed()
}

function renderFindings(state: ChecklistState): void {
  const { c, data, session } = state
  const list = $('#cl-findings')!
  list.replaceChildren()
  $('#cl-no-findings')!.hidden = session.findings.length > 0
  session.findings.forEach((f, i) => {
    const unit = data.units.find((u) => u.id === f.unit)?.name ?? f.unit
    const remove = el('button', { class: 'cl-clear no-print', text: '×', attrs: { type: 'button', 'aria-label': c.remove } })
    remove.addEventListener('click', () => {
      session.findings.splice(i, 1)
      renderFindings(state)
      state.changed()
    })
    list.append(
      el('li', {},
        el('b', { text: f.text }),
        el('span', { class: 'small muted', text: ` ${c.severities[f.severity] ?? f.severity} · ${unit} · ${c.due} ${f.due}${f.requires_revision ? ` · ${c.requiresRevision}` : ''}` }),
        el('div', { class: 'small', text: `${c.action}：${f.action}` }),
        remove,
      ),
    )
  })
}

export function connectFindings(state: ChecklistState): void {
  state.onLoad(() => renderFindings(state))
}
