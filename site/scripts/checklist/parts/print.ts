// Printing the paper form, blank or filled in.
import { $$ } from '../dom.ts'
import type { ChecklistState } from '../state.ts'

export function connectPrint(state: ChecklistState): void {
  for (const button of $$<HTMLButtonElement>('[data-print]', state.root)) {
    button.addEventListener('click', () => {
      document.body.classList.toggle('print-blank', button.dataset.print === 'blank')
      window.print()
    })
  }
  window.addEventListener('afterprint', () => document.body.classList.remove('print-blank'))
}
