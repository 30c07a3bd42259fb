// The service worker caches every page and asset the browser has used, so the checklist opens offline.
import type { Strings } from '../strings.ts'

export function registerServiceWorker(base: string, c: Strings): void {
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
