// Everything the site needs, computed once per build: load the library, lint it with the same core as the
// CLI, read Git history in one pass. A plan's Markdown tree is parsed when something asks for it (the
// loader's trees are lazy): the pages ask only for plans whose rendering is not in the render cache.
import { loadLibrary } from '../load/library.ts'
import { lint, type LintResult } from '../lint.ts'
import { todayIso } from '../dates.ts'
import { lintLibrary } from '../engine/index.ts'
import type { Library } from '../model/library.ts'
import type { Locale } from '../model/finding.ts'
import { readGitHistory } from './history.ts'
import { buildSiteModel, type SiteModel } from './model.ts'

export interface PrepareOptions {
  library: string
  base?: string
  public?: boolean
  today?: string
}

export function normalBase(base: string | undefined): string {
  const b = (base ?? '/').trim() || '/'
  return (b.startsWith('/') ? b : `/${b}`).replace(/\/*$/, '/')
}

type Prepared = SiteModel & { internalErrors: { ruleId: string; message: string }[] }

/** In one thread, without a cache: what a bare `astro build` of the site does. */
export function prepareSite(options: PrepareOptions): Prepared {
  const library = loadLibrary(options.library)
  const today = options.today ?? todayIso()
  const result = lint(library, { today, locale: localeOf(library) })
  return shape(library, result, options, today)
}

/**
 * As `yuanku lint` does it: unchanged files' results from the lint cache, the others parsed and checked
 * on worker threads when the library is large. Plan trees are parsed later, and only for plans the
 * site's render cache does not hold.
 */
export async function prepareSiteWithEngine(options: PrepareOptions & { cacheDir?: string }): Promise<Prepared> {
  const today = options.today ?? todayIso()
  const { library, result } = await lintLibrary(options.library, { today, cacheDir: options.cacheDir })
  return shape(library, result, options, today)
}

function localeOf(library: Pick<Library, 'settings'>): Locale {
  return (library.settings.locale as Locale) ?? 'zh-CN'
}

/** Base path, public or internal build and locale: the options' or library.yaml's. */
export function siteSettings(library: Pick<Library, 'settings'>, options: Pick<PrepareOptions, 'base' | 'public'>): { base: string; public: boolean; locale: Locale } {
  const site = library.settings.site as { base?: string; public?: boolean }
  return { public: options.public ?? site?.public ?? false, base: normalBase(options.base ?? site?.base), locale: localeOf(library) }
}

function shape(library: Library, result: LintResult, options: PrepareOptions, today: string): Prepared {
  const history = readGitHistory(library.root)
  const model = buildSiteModel(library, result.findings, history, { ...siteSettings(library, options), today })
  return Object.assign(model, { internalErrors: result.internalErrors })
}
