// Timed items: start/stop, the running clock, and the elapsed minutes typed by hand.
import { $, $$ } from '../dom.ts'
import { toSeconds, type ChecklistState } from '../state.ts'

function clockText(ms: number): string {
  const s = Math.floor(ms / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

export function connectTimers(state: ChecklistState): void {
  const { c } = state
  const showTimer = (li: HTMLElement) => {
    const running = state.session.timers[li.dataset.ref!] !== undefined
    $('.cl-start', li)!.hidden = running
    $('.cl-stop', li)!.hidden = !running
    li.classList.toggle('timing', running)
  }
  const timed = $$('.cl-item', state.root).filter((li) => $('.cl-elapsed', li))
  for (const li of timed) {
    const ref = li.dataset.ref!
    const elapsed = $<HTMLInputElement>('.cl-elapsed', li)!
    elapsed.addEventListener('input', () => {
      const n = Number(elapsed.value)
      const r = (state.session.ratings[ref] ??= {})
      if (elapsed.value !== '' && Number.isFinite(n) && n >= 0) r.elapsed = toSeconds(n)
      else delete r.elapsed
      state.changed()
    })
    $('.cl-start', li)!.addEventListener('click', () => {
      state.session.timers[ref] = Date.now()
      showTimer(li)
      // The pressed button disappears: keep the keyboard where the evaluator is.
      $('.cl-stop', li)!.focus()
      state.changed()
    })
    $('.cl-stop', li)!.addEventListener('click', () => {
      const started = state.session.timers[ref]
      delete state.session.timers[ref]
      if (started) {
        const minutes = toSeconds((Date.now() - started) / 60000)
        ;(state.session.ratings[ref] ??= {}).elapsed = minutes
        elapsed.value = String(Math.round(minutes * 100) / 100)
      }
      showTimer(li)
      // The running label must not stay behind: show what was measured instead.
      const clock = $('.cl-clock', li)
      if (clock) clock.textContent = started ? `${c.stopped} ${clockText(Date.now() - started)}` : ''
      $('.cl-start', li)!.focus()
      state.changed()
    })
  }
  state.onLoad((s) => {
    for (const li of timed) {
      const r = s.ratings[li.dataset.ref!]
      $<HTMLInputElement>('.cl-elapsed', li)!.value = typeof r?.elapsed === 'number' ? String(Math.round(r.elapsed * 100) / 100) : ''
      showTimer(li)
      $('.cl-clock', li)!.textContent = ''
    }
  })
  setInterval(() => {
    for (const [ref, started] of Object.entries(state.session.timers)) {
      const out = $('.cl-clock', document.getElementById(`item-${ref}`) ?? document)
      if (out) out.textContent = `${c.running} ${clockText(Date.now() - started)}`
    }
  }, 500)
}
