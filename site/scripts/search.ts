// Full-text search over the plans with Pagefind's browser API, loaded from this site (base-path aware).
// Pagefind segments Chinese because every page says lang="zh-CN". Results are built as DOM nodes: the
// excerpt's <mark> tags are the only markup kept.
interface Result {
  url: string
  meta: { title?: string; kind?: string }
  excerpt: string
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>
  search(q: string): Promise<{ results: { data(): Promise<Result> }[] }>
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>
}

function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = []
  const parts = excerpt.split(/(<mark>|<\/mark>)/)
  let marked = false
  const decode = (s: string) => new DOMParser().parseFromString(`<!doctype html><body>${s.replace(/</g, '&lt;')}`, 'text/html').body.textContent ?? ''
  for (const part of parts) {
    if (part === '<mark>') marked = true
    else if (part === '</mark>') marked = false
    else if (part) {
      const text = document.createTextNode(decode(part))
      if (marked) {
        const m = document.createElement('mark')
        m.append(text)
        nodes.push(m)
      } else nodes.push(text)
    }
  }
  return nodes
}

export function initSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search]')
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')
  const status = document.querySelector<HTMLElement>('[data-search-status]')
  if (!form || !list || !status) return
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!
  const bundle = form.dataset.bundle ?? '/pagefind/'
  let pagefind: Promise<Pagefind> | undefined
  const load = () =>
    (pagefind ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
      await pf.options({ basePath: bundle })
      // The other indexes of a large library's plans and units, ranked together with the first.
      for (const shard of (form.dataset.shards ?? '').split(' ').filter(Boolean)) await pf.mergeIndex(shard)
      // The help pages' own index (see scripts/build-site.ts), weighted below plans and units: someone searching
      // 防汛 or a unit's name wants the plans first. A site built without it still searches plans.
      if (form.dataset.help) await pf.mergeIndex(form.dataset.help, { indexWeight: 0.2 }).catch(() => undefined)
      return pf
    }))
  let seq = 0
  const run = async () => {
    const q = input.value.trim()
    const mine = ++seq
    const url = new URL(location.href)
    if (q) url.searchParams.set('q', q)
    else url.searchParams.delete('q')
    history.replaceState(null, '', url)
    if (!q) {
      list.replaceChildren()
      status.textContent = ''
      return
    }
    status.textContent = form.dataset.loading ?? ''
    try {
      const pf = await load()
      const found = await pf.search(q)
      const data = await Promise.all(found.results.slice(0, 30).map((r) => r.data()))
      if (mine !== seq) return
      list.replaceChildren(
        ...data.map((d) => {
          const li = document.createElement('li')
          const a = document.createElement('a')
          a.href = d.url
          a.textContent = d.meta.title ?? d.url
          if (d.meta.kind) {
            const badge = document.createElement('span')
            badge.className = 'badge type'
            badge.textContent = d.meta.kind
            li.append(badge, document.createTextNode(' '))
          }
          const p = document.createElement('p')
          p.className = 'excerpt'
          p.append(...excerptNodes(d.excerpt))
          li.append(a, p)
          return li
        }),
      )
      status.textContent = data.length ? (form.dataset.count ?? '{n}').replace('{n}', String(found.results.length)) : (form.dataset.empty ?? '')
    } catch {
      status.textContent = form.dataset.unavailable ?? ''
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(run, 200)
  })
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void run()
  })
  const initial = new URLSearchParams(location.search).get('q')
  if (initial) {
    input.value = initial
    void run()
  }
}
