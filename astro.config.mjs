// The site is built by scripts/build-site.ts, which loads and lints the library once and hands it to
// the pages (site/lib/data.ts). `astro build` alone also works: the pages then load the library themselves.
import { defineConfig } from 'astro/config'

function normalBase(base) {
  const b = (base ?? '/').trim() || '/'
  return (b.startsWith('/') ? b : `/${b}`).replace(/\/*$/, '/')
}

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.OUT_DIR || './dist',
  base: normalBase(process.env.BASE),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // CSP is script-src 'self' / style-src 'self': nothing may be inlined.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    build: { assetsInlineLimit: 0 },
    logLevel: 'warn',
  },
})
