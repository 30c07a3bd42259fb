// The live score bar: score, provisional or final, grade, completion, critical failures, overruns.
import { gradeLabel, scoreDrill } from '../../../../scripts/lib/drill/score.ts'
import { $, $$ } from '../dom.ts'
import type { ChecklistState } from '../state.ts'

export function connectSummary(state: ChecklistState): void {
  const { c, data } = state
  const summary = $('#cl-summary')!
  const out = (name: string) => $(`[data-out=${name}]`, summary)!
  const announce = $('#cl-announce')!
  let announceTimer: ReturnType<typeof setTimeout> | undefined
  let announced = ''
  const render = () => {
    const r = scoreDrill(data.items, state.session.ratings, data.grading, { finalized: state.session.finalized })
    // Screen readers hear only the score and the grade, once the evaluator pauses, not the whole bar.
    const spoken = `${c.score} ${r.score === null ? '—' : r.score.toFixed(1)}，${c.grade} ${gradeLabel(r.grade, data.grading, data.locale)}`
    clearTimeout(announceTimer)
    if (spoken !== announced) announceTimer = setTimeout(() => (announce.textContent = announced = spoken), 800)
    out('score').textContent = r.score === null ? '—' : r.score.toFixed(1)
    out('state').textContent = r.score === null ? '' : data.locale === 'en' ? ` (${r.provisional ? c.provisional : c.final})` : `（${r.provisional ? c.provisional : c.final}）`
    out('grade').textContent = gradeLabel(r.grade, data.grading, data.locale)
    out('rated').textContent = String(r.rated)
    out('total').textContent = String(r.total)
    out('critical').textContent = String(r.criticalFailures.length)
    out('over').textContent = String(r.timedOver.length)
    summary.classList.toggle('failed', r.criticalFailures.length > 0)
    for (const li of $$('.cl-item', state.root)) {
      const ref = li.dataset.ref!
      li.classList.toggle('critical-failed', r.criticalFailures.includes(ref))
      li.classList.toggle('over', r.timedOver.includes(ref))
    }
  }
  state.onLoad(render)
  state.onChange(render)
  connectFinalize(state)
}

/**
 * 定稿: until every item is rated or the evaluator finalises, the grade is provisional. Finalising with
 * unrated items takes a second click that says what it means (no confirm(): dialogs are unreliable on
 * tablets and in kiosk browsers); it can be undone.
 */
function connectFinalize(state: ChecklistState): void {
  const { c, data } = state
  const button = $<HTMLButtonElement>('#cl-finalize')!
  const msg = $('#cl-finalize-msg')!
  let armed = false
  const render = () => {
    armed = false
    button.textContent = state.session.finalized ? c.unfinalize : c.finalize
    button.setAttribute('aria-pressed', String(state.session.finalized === true))
    msg.textContent = state.session.finalized ? c.finalizedNote : ''
  }
  button.addEventListener('click', () => {
    if (state.session.finalized) {
      state.session.finalized = false
    } else {
      const unrated = scoreDrill(data.items, state.session.ratings, data.grading).unrated
      if (unrated > 0 && !armed) {
        armed = true
        msg.textContent = c.confirmFinalize(unrated)
        return
      }
      state.session.finalized = true
    }
    state.changed()
    render()
  })
  state.onLoad(render)
}
