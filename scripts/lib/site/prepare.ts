// Everything the site needs, computed once per build: load the library (each plan parsed once; the
// pages reuse the loader's trees), lint it with the same core as the CLI, read Git history in one pass.
import { loadLibrary } from '../load/library.ts'
import { lint } from '../lint.ts'
import { todayIso } from '../dates.ts'
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

export function prepareSite(options: PrepareOptions): SiteModel & { internalErrors: { ruleId: string; message: string }[] } {
  const library = loadLibrary(options.library)
  const today = options.today ?? todayIso()
  const locale = (library.settings.locale as Locale) ?? 'zh-CN'
  const result = lint(library, { today, locale })
  const history = readGitHistory(library.root)
  const site = library.settings.site as { base?: string; public?: boolean }
  const model = buildSiteModel(library, result.findings, history, {
    public: options.public ?? site?.public ?? false,
    base: normalBase(options.base ?? site?.base),
    today,
    locale,
  })
  return Object.assign(model, { internalErrors: result.internalErrors })
}
