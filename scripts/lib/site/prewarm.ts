// Renders plan and drill bodies (and plans' checklists) into the render cache while the lint runs on worker
// threads: the main thread would otherwise wait for the workers and parse every plan again afterwards,
// one after the other, when Astro asks for the pages. The pass guesses which plans the site shows from
// their frontmatter; the cache checks every link an entry resolved against the finished site model, so a
// wrong guess costs a second rendering of that plan, never a wrong page.
import { deriveChecklist } from '../drill/derive.ts'
import { assembleLibrary, loadLibraryMeta, parsePlanFrontmatter, planFromParsed } from '../load/library.ts'
import { parseMarkdown } from '../load/markdown.ts'
import type { Library } from '../model/library.ts'
import type { Plan } from '../model/plan.ts'
import { planView, shownPlans } from './model.ts'
import { renderBody, type RenderContext } from './render.ts'
import type { RenderCache, RenderSettings } from './render-cache.ts'

/** Documents rendered between two turns of the event loop (worker messages are taken in between). */
const SLICE = 8

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

export interface Prewarm {
  /** The library's settings, units and templates, for the render cache's context. */
  shell: Library
  /** Renders everything; resolves when done. */
  run(cache: RenderCache, settings: RenderSettings): Promise<void>
}

export function prewarm(root: string): Prewarm {
  const meta = loadLibraryMeta(root, { deferDrills: true })
  const shell = assembleLibrary(meta, [])
  return {
    shell,
    async run(cache, settings) {
      const plans: Plan[] = []
      for (const path of meta.planPaths) {
        const file = meta.read(path, 'plan')
        if (file) plans.push(planFromParsed(file, parsePlanFrontmatter(file)))
        if (plans.length % 64 === 0) await turn()
      }
      const shown = shownPlans(plans.map((plan) => ({ plan, view: planView(plan) })), settings.public)
      const ids = new Set(shown.map((s) => s.view.id))
      const idAtPath = new Map(shown.map((s) => [s.plan.path, s.view.id]))
      const context = (path: string): RenderContext => ({
        path,
        planHref: (id) => (ids.has(id) ? `${settings.base}plans/${id}/` : undefined),
        planIdAtPath: (p) => idAtPath.get(p),
      })
      let n = 0
      for (const { plan } of shown) {
        cache.render('plan', plan, context(plan.path), (ctx) => ({ ...renderBody(plan.tree, ctx), checklist: deriveChecklist(plan, shell) }))
        if (++n % SLICE === 0) await turn()
      }
      for (const path of meta.drillPaths) {
        const file = meta.read(path, 'drill')
        if (file) cache.render('drill', file, context(file.path), (ctx) => renderBody(parseMarkdown(file.text), ctx))
        if (++n % SLICE === 0) await turn()
      }
    },
  }
}
