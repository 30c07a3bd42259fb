// The checklist page in the browser: rating state, timers, findings, live score (the SAME scoreDrill as
// the CLI and lint), autosave of several sessions, export/import/merge, printing, offline service worker.
// Evaluator and imported text is only ever inserted with textContent or form values, never as HTML.
import { gradeLabel, scoreDrill } from '../../../scripts/lib/drill/score.ts'
import { buildRecord, recordToCsv, recordToJson, recordToMarkdown } from '../../../scripts/lib/drill/record.ts'
import { mergeEvaluations, parseImport } from '../../../scripts/lib/drill/import.ts'
import { validateDrillRecord } from '../../../scripts/lib/drill/validate.ts'
import { isIsoDate } from '../../../scripts/lib/dates.ts'
import type { ChecklistItem, DrillRecordData, Grading, Rating, RatingValue, RecordFinding } from '../../../scripts/lib/drill/types.ts'
import { checklistStrings, type Locale, type Strings } from './strings.ts'
import { SessionStore, type Session } from './store.ts'

interface PageData {
  plan: { id: string; title: string }
  items: ChecklistItem[]
  grading: Grading
  units: { id: string; name: string }[]
  locale: Locale
  base: string
  today: string
}

const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector(sel) as T | null
const $$ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) => [...root.querySelectorAll(sel)] as T[]

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { class?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (props.class) node.className = props.class
  if (props.text !== undefined) node.textContent = props.text
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v)
  node.append(...children)
  return node
}

/** Elapsed minutes kept to the whole second, so the exported record rescored gives the same result. */
const toSeconds = (minutes: number) => Math.round(minutes * 60) / 60

export function initChecklist(): void {
  const dataEl = document.getElementById('checklist-data')
  const root = document.getElementById('checklist')
  if (!dataEl || !root) return
  const data = JSON.parse(dataEl.textContent ?? '{}') as PageData
  const c = checklistStrings(data.locale)
  const store = new SessionStore(data.base, data.plan.id)
  const byRef = new Map(data.items.map((i) => [i.ref, i]))
  let session = store.current() ?? store.create()
  store.select(session.id)

  const savedMsg = $('#cl-saved')!
  let savedTimer: ReturnType<typeof setTimeout> | undefined
  const changed = () => {
    store.touch(session)
    // The status is a live region: rewritten on every keystroke it would be read aloud on every keystroke.
    clearTimeout(savedTimer)
    savedTimer = setTimeout(() => {
      savedMsg.textContent = store.persistent ? `${c.saved} ${new Date().toLocaleTimeString(data.locale)}` : c.storageOff
    }, 1000)
    renderSummary()
    renderSessions()
  }

  // ── drill header ─────────────────────────────────────────────────────────────
  const header = $<HTMLFormElement>('#cl-header')!
  const field = (name: string) => header.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
  header.addEventListener('input', () => {
    const h = session.header
    h.date = field('date').value
    h.kind = field('kind').value as Session['header']['kind']
    h.scenario = field('scenario').value
    h.location = field('location').value
    h.organizer = field('organizer').value
    h.evaluators = field('evaluators').value.split(/[、,，;；]+/).map((s) => s.trim()).filter(Boolean)
    changed()
  })
  header.addEventListener('submit', (e) => e.preventDefault())

  // ── items ────────────────────────────────────────────────────────────────────
  const rating = (ref: string): Rating => (session.ratings[ref] ??= {})
  for (const li of $$('.cl-item', root)) {
    const ref = li.dataset.ref!
    const item = byRef.get(ref)!
    const awarded = $<HTMLInputElement>('.cl-awarded', li)!
    li.addEventListener('change', (e) => {
      const target = e.target as HTMLInputElement
      if (target.type === 'radio') {
        rating(ref).rating = target.value as RatingValue
        awarded.hidden = target.value !== 'points'
        if (target.value === 'points' && awarded.value === '') awarded.value = String(item.points)
        if (target.value === 'points') rating(ref).awarded = Number(awarded.value)
        else delete rating(ref).awarded
        markItem(li)
        changed()
      }
    })
    awarded.addEventListener('input', () => {
      const n = Number(awarded.value)
      if (awarded.value !== '' && Number.isFinite(n)) rating(ref).awarded = n
      else delete rating(ref).awarded
      changed()
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
      markItem(li)
      changed()
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
        markItem(li)
        changed()
        $<HTMLInputElement>('input[type=radio]:checked', li)?.focus()
      }
    })
    const note = $<HTMLTextAreaElement>('.cl-note', li)!
    note.addEventListener('input', () => {
      rating(ref).note = note.value
      $('.cl-note-print', li)!.textContent = note.value
      changed()
    })
    const elapsed = $<HTMLInputElement>('.cl-elapsed', li)
    if (elapsed) {
      elapsed.addEventListener('input', () => {
        const n = Number(elapsed.value)
        if (elapsed.value !== '' && Number.isFinite(n) && n >= 0) rating(ref).elapsed = toSeconds(n)
        else delete rating(ref).elapsed
        changed()
      })
      $('.cl-start', li)!.addEventListener('click', () => {
        session.timers[ref] = Date.now()
        showTimer(li)
        // The pressed button disappears: keep the keyboard where the evaluator is.
        $('.cl-stop', li)!.focus()
        changed()
      })
      $('.cl-stop', li)!.addEventListener('click', () => {
        const started = session.timers[ref]
        delete session.timers[ref]
        if (started) {
          const minutes = toSeconds((Date.now() - started) / 60000)
          rating(ref).elapsed = minutes
          elapsed.value = String(Math.round(minutes * 100) / 100)
        }
        showTimer(li)
        // The running label must not stay behind: show what was measured instead.
        const clock = $('.cl-clock', li)
        if (clock) clock.textContent = started ? `${c.stopped} ${clockText(Date.now() - started)}` : ''
        $('.cl-start', li)!.focus()
        changed()
      })
    }
    // The finding form is built when first opened: 38 items × a full form with every unit made the page
    // 150 KB and thousands of elements, most never used.
    const box = $<HTMLDetailsElement>('.cl-finding', li)!
    box.addEventListener('toggle', () => {
      if (!box.open || $('.cl-grid', box)) return
      const form = ($<HTMLTemplateElement>('#cl-finding-form')!.content.cloneNode(true) as DocumentFragment)
      ;($<HTMLTextAreaElement>('[name=text]', form)!).value = item.text
      const unit = $<HTMLSelectElement>('[name=unit]', form)!
      if (box.dataset.unit) unit.value = box.dataset.unit
      $('.cl-save-finding', form)!.addEventListener('click', () => saveFinding(li, ref))
      box.append(form)
    })
  }

  function markItem(li: HTMLElement): void {
    const r = session.ratings[li.dataset.ref!]
    li.dataset.rating = r?.rating ?? ''
    // Nothing to clear on an unrated item: no button, one tab stop less per item.
    $('.cl-clear', li)!.hidden = !r?.rating
  }

  function showTimer(li: HTMLElement): void {
    const running = session.timers[li.dataset.ref!] !== undefined
    $('.cl-start', li)!.hidden = running
    $('.cl-stop', li)!.hidden = !running
    li.classList.toggle('timing', running)
  }

  function clockText(ms: number): string {
    const s = Math.floor(ms / 1000)
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
  }

  setInterval(() => {
    for (const [ref, started] of Object.entries(session.timers)) {
      const out = $('.cl-clock', document.getElementById(`item-${ref}`) ?? document)
      if (!out) continue
      out.textContent = `${c.running} ${clockText(Date.now() - started)}`
    }
  }, 500)

  // ── findings ─────────────────────────────────────────────────────────────────
  function saveFinding(li: HTMLElement, ref: string): void {
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
      requires_revision: ($<HTMLInputElement>('[name=requires_revision]', box)?.checked ?? false),
    }
    // Only the text is needed to save; what else a record needs is checked when it is exported, where
    // the evaluator has time to complete it (and is told which finding lacks what).
    if (!finding.text) {
      msg.textContent = c.needText
      return
    }
    session.findings.push(finding)
    msg.textContent = ''
    box.open = false
    const saved = $('.cl-saved', li)
    if (saved) {
      const missing = findingGaps(finding)
      saved.textContent = missing.length ? `${c.savedFinding}${data.locale === 'en' ? ` (${c.completeBeforeExport}: ${missing.join(sep())})` : `（${c.completeBeforeExport}：${missing.join(sep())}）`}` : c.savedFinding
      saved.hidden = false
    }
    renderFindings()
    changed()
  }

  const sep = () => (data.locale === 'en' ? ', ' : '、')

  /** The fields a finding still lacks for a complete record. */
  function findingGaps(f: RecordFinding): string[] {
    return [!f.text && c.finding, !f.unit && c.unit, !f.action && c.action, !isIsoDate(f.due) && c.due].filter((x): x is string => Boolean(x))
  }

  function renderFindings(): void {
    const list = $('#cl-findings')!
    list.replaceChildren()
    $('#cl-no-findings')!.hidden = session.findings.length > 0
    session.findings.forEach((f, i) => {
      const unit = data.units.find((u) => u.id === f.unit)?.name ?? f.unit
      const remove = el('button', { class: 'cl-clear no-print', text: '×', attrs: { type: 'button', 'aria-label': c.remove } })
      remove.addEventListener('click', () => {
        session.findings.splice(i, 1)
        renderFindings()
        changed()
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

  // ── summary ──────────────────────────────────────────────────────────────────
  const summary = $('#cl-summary')!
  const out = (name: string) => $(`[data-out=${name}]`, summary)!
  const announce = $('#cl-announce')!
  let announceTimer: ReturnType<typeof setTimeout> | undefined
  let announced = ''
  function renderSummary(): void {
    const r = scoreDrill(data.items, session.ratings, data.grading)
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
    for (const li of $$('.cl-item', root!)) {
      const ref = li.dataset.ref!
      li.classList.toggle('critical-failed', r.criticalFailures.includes(ref))
      li.classList.toggle('over', r.timedOver.includes(ref))
    }
  }

  // ── sessions ─────────────────────────────────────────────────────────────────
  function renderSessions(): void {
    const list = $('#cl-session-list')!
    list.replaceChildren()
    for (const s of store.list()) {
      const rated = Object.values(s.ratings).filter((r) => r?.rating).length
      const label = `${s.header.date || c.untitled} · ${c.kinds[s.header.kind] ?? ''} · ${c.rated} ${rated}/${data.items.length}${s.merged ? ` · ${s.header.evaluators.join('、')}` : ''}`
      const li = el('li', { class: s.id === session.id ? 'current' : '' }, el('span', { text: label }), el('span', { class: 'small muted', text: ` ${c.updated} ${new Date(s.updated).toLocaleString(data.locale)}` }))
      if (s.id === session.id) li.append(el('span', { class: 'badge', text: c.current }))
      else {
        const resume = el('button', { class: 'btn secondary', text: c.resume, attrs: { type: 'button' } })
        resume.addEventListener('click', () => load(s))
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
        load(store.current() ?? store.create())
      })
      li.append(remove)
      list.append(li)
    }
  }

  $('#cl-new')!.addEventListener('click', () => load(store.create()))

  /** Shows a session in the form. */
  function load(s: Session): void {
    session = s
    store.select(s.id)
    const h = s.header
    field('date').value = h.date
    field('kind').value = h.kind
    field('scenario').value = h.scenario
    field('location').value = h.location ?? ''
    field('organizer').value = h.organizer
    field('evaluators').value = h.evaluators.join('、')
    for (const li of $$('.cl-item', root!)) {
      const ref = li.dataset.ref!
      const r = s.ratings[ref]
      for (const radio of $$<HTMLInputElement>('input[type=radio]', li)) radio.checked = radio.value === r?.rating
      const awarded = $<HTMLInputElement>('.cl-awarded', li)!
      awarded.hidden = r?.rating !== 'points'
      awarded.value = typeof r?.awarded === 'number' ? String(r.awarded) : ''
      const note = $<HTMLTextAreaElement>('.cl-note', li)!
      note.value = r?.note ?? ''
      $('.cl-note-print', li)!.textContent = note.value
      const elapsed = $<HTMLInputElement>('.cl-elapsed', li)
      if (elapsed) {
        elapsed.value = typeof r?.elapsed === 'number' ? String(Math.round(r.elapsed * 100) / 100) : ''
        showTimer(li)
        $('.cl-clock', li)!.textContent = ''
      }
      markItem(li)
      $('.cl-undo', li)!.hidden = true
      li.classList.remove('disagree')
      $('.cl-disagreement', li)?.remove()
    }
    renderFindings()
    renderSummary()
    renderSessions()
    renderMerge()
  }

  // ── export ───────────────────────────────────────────────────────────────────
  function currentRecord(): DrillRecordData {
    const h = session.header
    const ratings = Object.fromEntries(Object.entries(session.ratings).filter(([ref]) => byRef.has(ref)))
    return buildRecord({ ...h, location: h.location || undefined, plan: data.plan.id }, data.items, ratings, session.findings, data.grading)
  }

  function download(name: string, text: string, type: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }))
    const a = el('a', { attrs: { href: url, download: name } })
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  const exportMsg = $('#cl-export-msg')!
  for (const button of $$<HTMLButtonElement>('[data-export]', root)) {
    button.addEventListener('click', () => {
      const record = currentRecord()
      const problems = [!session.header.date && c.needDate, !session.header.scenario.trim() && c.needScenario, !session.header.organizer.trim() && c.needOrganizer].filter((p): p is string => Boolean(p))
      for (const f of session.findings) {
        const gaps = findingGaps(f)
        if (!gaps.length) continue
        const n = data.items.findIndex((i) => i.ref === f.ref) + 1
        problems.push(c.findingMissing.replace('{n}', String(n)).replace('{text}', f.text.length > 24 ? `${f.text.slice(0, 24)}…` : f.text).replace('{fields}', gaps.join(sep())))
      }
      if (!problems.length) problems.push(...validateDrillRecord(record))
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

  // ── import and merge ─────────────────────────────────────────────────────────
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
    const own = Object.values(session.ratings).some((r) => r?.rating) ? [currentRecord()] : []
    const merged = mergeEvaluations([...own, ...records], data.grading)
    const known = Object.fromEntries(Object.entries(merged.ratings).filter(([ref]) => byRef.has(ref)))
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
    load(next)
    importMsg.append(el('p', { class: 'ok', text: c.imported(records.length, merged.evaluators.join('、')) }))
    if (unknown) importMsg.append(el('p', { class: 'bad', text: c.unknownItems(unknown) }))
  })

  function ratingText(r: string | null): string {
    return r === null ? c.unrated : (c.ratings[r] ?? r)
  }

  function renderMerge(): void {
    const box = $('#cl-merge')!
    box.replaceChildren()
    const m = session.merged
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

  // ── print ────────────────────────────────────────────────────────────────────
  for (const button of $$<HTMLButtonElement>('[data-print]', root)) {
    button.addEventListener('click', () => {
      document.body.classList.toggle('print-blank', button.dataset.print === 'blank')
      window.print()
    })
  }
  window.addEventListener('afterprint', () => document.body.classList.remove('print-blank'))

  load(session)
  if (!store.persistent) savedMsg.textContent = c.storageOff
  registerServiceWorker(data.base, c)
}

/** The service worker caches every page and asset the browser has used, so the checklist opens offline. */
function registerServiceWorker(base: string, c: Strings): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return
  navigator.serviceWorker.addEventListener('message', (e) => {
    if ((e.data as { type?: string })?.type === 'cached') {
      document.documentElement.dataset.offline = 'ready'
      const saved = document.getElementById('cl-saved')
      if (saved && !saved.textContent) saved.textContent = c.offlineReady
    }
  })
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const urls = new Set<string>([location.href.split('#')[0]])
      for (const node of document.querySelectorAll('link[href], script[src]')) {
        const ref = node.getAttribute('href') ?? node.getAttribute('src')
        if (ref) urls.add(new URL(ref, location.href).href)
      }
      for (const entry of performance.getEntriesByType('resource')) if (entry.name.startsWith(location.origin)) urls.add(entry.name)
      reg.active?.postMessage({ type: 'cache', urls: [...urls] })
    })
    .catch(() => {})
}
