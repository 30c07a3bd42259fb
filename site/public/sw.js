// Yuanku service worker: the checklist page (and every page visited) keeps working without a network.
// Registered by the checklist page with the site's base path as its scope. Pages: network first, the
// cached copy when offline. Assets (hashed file names): cache first. The page posts the URLs it loaded
// before the worker controlled it, so the first visit is enough.
const CACHE = 'yuanku-site-v1'

self.addEventListener('install', () => self.skipWaiting())

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('yuanku-site-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

const inScope = (url) => typeof url === 'string' && url.startsWith(self.registration.scope)
const pageKey = (url) => url.split('#')[0].split('?')[0]

self.addEventListener('message', (event) => {
  const data = event.data
  if (!data || data.type !== 'cache' || !Array.isArray(data.urls)) return
  const urls = data.urls.filter(inScope).slice(0, 500)
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          urls.map((url) =>
            fetch(url, { cache: 'no-store', credentials: 'same-origin' })
              .then((res) => (res.ok ? cache.put(pageKey(url), res) : undefined))
              .catch(() => undefined),
          ),
        ),
      )
      .then(() => event.source && event.source.postMessage({ type: 'cached', count: urls.length })),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || !inScope(request.url)) return
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone()
            caches.open(CACHE).then((cache) => cache.put(pageKey(request.url), copy))
          }
          return res
        })
        .catch(() =>
          caches.match(pageKey(request.url)).then((hit) => hit || new Response('离线，且此页面尚未缓存 / offline, and this page is not cached', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })),
        ),
    )
    return
  }
  event.respondWith(
    caches.match(pageKey(request.url)).then(
      (hit) =>
        hit ||
        fetch(request).then((res) => {
          if (res.ok && res.type === 'basic') {
            const copy = res.clone()
            caches.open(CACHE).then((cache) => cache.put(pageKey(request.url), copy))
          }
          return res
        }),
    ),
  )
})
