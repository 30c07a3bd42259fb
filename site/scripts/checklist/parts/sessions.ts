// The drill sessions kept in this browser: the list, resume, remove (two clicks), a new session, and
// the "saved" line.
import { $, el } from '../dom.ts'
import type { ChecklistState } from '../state.ts'

export function connectSessions(state: ChecklistState): void {
  const { c, data, store } = state
  const render = () => {
    const list = $('#cl-session-list')!
    list.replaceChildren()
    for (const s of store.list()) {
      const rated = Object.values(s.ratings).filter((r) => r?.rating).length
      const label = `${s.header.date || c.untitled} · ${c.kinds[s.header.kind] ?? ''} · ${c.rated} ${rated}/${data.items.length}${s.merged ? ` · ${s.header.evaluators.join('、')}` : ''}`
      const current = s.id === state.session.id
      const li = el('li', { class: current ? 'current' : '' }, el('span', { text: label }), el('span', { class: 'small muted', text: ` ${c.updated} ${new Date(s.updated).toLocaleString(data.locale)}` }))
      if (current) li.append(el('span', { class: 'badge', text: c.current }))
      else {
        const resume = el('button', { class: 'btn secondary', text: c.resume, attrs: { type: 'button' } })
        resume.addEventListener('click', () => state.load(s))
        li.append(resume)
      }
      const remove = el('button', { class: 'btn secondary', text: c.remove, attrs: { type: 'button' } })
      remove.addEventListener('click', () => {
        // Two clicks, no confirm(): dialogs are unreliable on tablets and in kiosk browsers.
        if (remove.dataset.armed !== '1') {
          remove.dataset.armed = '1'
          remove.textContent = c.confirmRemove
          return
        }
        store.remove(s.id)
        state.load(store.current() ?? store.create())
      })
      li.append(remove)
      list.append(li)
    }
  }
  $('#cl-new')!.addEventListener('click', () => state.load(store.create()))
  state.onLoad(render)
  state.onChange(render)

  const savedMsg = $('#cl-saved')!
  let savedTimer: ReturnType<typeof setTimeout> | undefined
  state.onChange(() => {
    // The status is a live region: rewritten on every keystroke it would be read aloud on every keystroke.
    clearTimeout(savedTimer)
    savedTimer = setTimeout(() => {
      savedMsg.textContent = store.persistent ? `${c.saved} ${new Date().toLocaleTimeString(data.locale)}` : c.storageOff
    }, 1000)
  })
  if (!store.persistent) savedMsg.textContent = c.storageOff
}
