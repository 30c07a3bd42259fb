// Client-side filtering of a table without any server: a form of selects (and a text box) names the
// fields; a JSON block holds each row's values per field (row i = data-row="i"). The query string keeps
// the filters, so a link such as plans/?hazard=flood opens the list filtered.
type Row = Record<string, string[]>

function readJson(id: string): Row[] {
  const el = document.getElementById(id)
  try {
    return el ? (JSON.parse(el.textContent ?? '[]') as Row[]) : []
  } catch {
    return []
  }
}

function setup(form: HTMLFormElement): void {
  const table = document.getElementById(form.dataset.filterTable ?? '')
  if (!table) return
  const data = readJson(form.dataset.filterData ?? '')
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row]')]
  const shown = document.querySelector<HTMLElement>('[data-shown]')
  const empty = document.querySelector<HTMLElement>('[data-filter-empty]')
  const fields = [...form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select[name], input[name]')]

  const apply = (updateUrl: boolean) => {
    const active = fields.filter((f) => f.value.trim() !== '').map((f) => [f.name, f.value.trim().toLowerCase()] as const)
    let count = 0
    for (const row of rows) {
      const values = data[Number(row.dataset.row)] ?? {}
      const ok = active.every(([name, value]) => {
        if (name === 'q') return (row.textContent ?? '').toLowerCase().includes(value)
        return (values[name] ?? []).some((v) => v.toLowerCase() === value)
      })
      row.hidden = !ok
      if (ok) count++
    }
    if (shown) shown.textContent = String(count)
    if (empty) empty.hidden = count > 0
    if (updateUrl) {
      const params = new URLSearchParams()
      for (const f of fields) if (f.value.trim()) params.set(f.name, f.value.trim())
      const query = params.toString()
      history.replaceState(null, '', query ? `?${query}` : location.pathname)
    }
  }

  const params = new URLSearchParams(location.search)
  for (const f of fields) {
    const wanted = params.get(f.name)
    if (wanted === null) continue
    if (f instanceof HTMLSelectElement && ![...f.options].some((o) => o.value === wanted)) {
      // A value linked from elsewhere that the list does not offer: add it so the filter is visible.
      f.add(new Option(wanted, wanted))
    }
    f.value = wanted
  }
  form.addEventListener('input', () => apply(true))
  form.addEventListener('change', () => apply(true))
  form.addEventListener('submit', (e) => e.preventDefault())
  form.addEventListener('reset', () => setTimeout(() => apply(true), 0))
  apply(false)
}

export function initFilters(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filter-table]')) setup(form)
}
