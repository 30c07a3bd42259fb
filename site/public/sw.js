// Yuanku service worker: the checklist page (and every page visited) keeps working without a network.
// Registered by the checklist page with the site's base path as its scope. Pages: network first, the
// cached copy when offline. Assets (hashed file names): cache first. The page posts the URLs it loaded
// before the worker controlled it, so the first visit is enough.
// The build writes its id into the cache name (scripts/build-site.ts): a new build installs a new worker
// (the file differs), whose activate deletes the caches of every older build, so the hashed assets of
// past builds do not pile up on a tablet. The number of entries is capped too; the oldest go first
// (a page visited again is put again, so it counts as new).
const BUILD = '__YUANKU_BUILD__'
const CACHE = `yuanku-site-${BUILD}`
const MAX_ENTRIES = Number('__YUANKU_SW_MAX_ENTRIES__') || 500

self.addEventListener('install', () => self.skipWaiting())

/** Deletes the oldest entries beyond MAX_ENTRIES (keys() lists them in the order they were put). */
function trim(cache) {
  return cache.keys().then((keys) => Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES)).map((k) => cache.delete(k))))
}

/** Puts a response and keeps the cache within its cap. */
function store(key, response) {
  return caches.open(CACHE).then((cache) => cache.put(key, response).then(() => trim(cache)))
}

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
  const urls = data.urls.filter(inScope).slice(0, MAX_ENTRIES)
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
        ).then(() => trim(cache)),
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
            event.waitUntil(store(pageKey(request.url), res.clone()))
          }
          return res
        })
        .catch(() =>
          caches.match(pageKey(request.url), { cacheName: CACHE }).then((hit) => hit || new Response('离线，且此页面尚未缓存 / offline, and this page is not cached', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })),
        ),
    )
    return
  }
  event.respondWith(
    caches.match(pageKey(request.url), { cacheName: CACHE }).then(
      (hit) =>
        hit ||
        fetch(request).then((res) => {
          if (res.ok && res.type === 'basic') event.waitUntil(store(pageKey(request.url), res.clone()))
          return res
        }),
    ),
  )
})
