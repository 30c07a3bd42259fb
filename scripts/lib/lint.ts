import { compareFindings, type Finding, type Locale, type Severity } from './model/finding.ts'
import type { Library } from './model/library.ts'
import type { Plan } from './model/plan.ts'
import type { RuleSetting } from './model/settings.ts'
import { formatMessage, type Report, type Rule, type RuleContext, type RuleMemo } from './rules/define-rule.ts'
import { rules as allRules } from './rules/index.ts'
import { addTime, now, timingEnabled } from './engine/timing.ts'
import { todayIso } from './dates.ts'
import { givenOptions } from './rule-options.ts'

/** A report without its file: what a worker or the cache hands back for one plan and one rule. */
export type FileReport = Omit<Report, 'file'>

/** Per-plan results computed elsewhere (worker threads, the cache), keyed by plan path then rule id. */
export interface Precomputed {
  /** Maps, or anything that answers like one (the cache's reports are deserialised when first asked for). */
  reports: Map<string, { get(ruleId: string): FileReport[] | undefined }>
  /** A Map, or anything that answers like one (the cache hands its values over unread until a rule asks). */
  prepared: Map<string, { has(ruleId: string): boolean; get(ruleId: string): unknown }>
}

export interface LintOptions {
  locale?: Locale
  /** YYYY-MM-DD; defaults to the real date. */
  today?: string
  /** Run only these rules (at their configured severity, or their default when configured off). */
  only?: string[]
  /** Report only findings in these library-relative files (cross-file rules still see everything). */
  files?: Set<string>
  rules?: Rule<any>[]
  precomputed?: Precomputed
  /** A rule's memo kept between runs (the engine's cache); see RuleContext.memo. */
  memo?: (ruleId: string) => RuleMemo | undefined
  /**
   * Findings of cross-file rules from an earlier run whose inputs are unchanged (the engine's cache): such
   * a rule is not run again. When get() answers undefined the rule runs, and set() receives its findings
   * if it ended without an internal error; what the rule read in between is the engine's to observe.
   */
  remembered?: { get(ruleId: string): Finding[] | undefined; set(ruleId: string, findings: Finding[]): void }
}

export interface LintResult {
  findings: Finding[]
  /** Rules that threw: a bug in Yuanku, not in the library. */
  internalErrors: { ruleId: string; file?: string; message: string }[]
}

// Kept for engine/index.ts, which imports it from here.
export { todayIso } from './dates.ts'

/** Severity and options of a rule after library.yaml's `rules`. */
export function ruleConfig(rule: Rule<any>, setting: RuleSetting | undefined): { severity: Severity | 'off'; options: Record<string, unknown> } {
  if (setting === undefined) return { severity: rule.severity, options: { ...rule.options } }
  if (typeof setting === 'string') return { severity: setting, options: { ...rule.options } }
  // Options the rule's schema rejects are reported by the schema rule; the rule runs with its defaults.
  return { severity: setting[0], options: { ...rule.options, ...givenOptions(rule, setting) } }
}

function planIdOf(file: Report['file']): { planId?: string } {
  const plan = file as Partial<Plan>
  return plan.kind === 'plan' && typeof plan.data?.id === 'string' ? { planId: plan.data.id } : {}
}

/** Severity a rule runs at, or undefined when it does not run. */
function effectiveSeverity(rule: Rule<any>, library: Library, only?: string[]): { severity: Severity; options: Record<string, unknown> } | undefined {
  if (only && !only.includes(rule.id)) return undefined
  const config = ruleConfig(rule, (library.settings.rules as Record<string, RuleSetting>)[rule.id])
  if (config.severity !== 'off') return { severity: config.severity, options: config.options }
  if (!only) return undefined
  return { severity: rule.severity === 'off' ? 'warn' : rule.severity, options: config.options }
}

function context(rule: Rule<any>, library: Library, options: Record<string, unknown>, base: { today: string; locale: Locale; plans: Plan[]; rules: readonly Rule<any>[] }, report: (r: Report) => void, prepared: (plan: Plan) => unknown): RuleContext<Record<string, unknown>> {
  return { library, plans: base.plans, options, today: base.today, locale: base.locale, rules: base.rules, report, prepared: prepared as RuleContext<Record<string, unknown>>['prepared'] }
}

/**
 * Runs the file-scope rules and the preparePlan hooks of one plan: the part of linting that needs
 * nothing but the plan, the registry and the settings. Workers and the cache call this.
 */
export function runFileRules(plan: Plan, library: Library, options: { today: string; locale?: Locale; rules?: Rule<any>[]; only?: string[] }): { reports: Map<string, FileReport[]>; prepared: Map<string, unknown> } {
  const reports = new Map<string, FileReport[]>()
  const prepared = new Map<string, unknown>()
  const locale = options.locale ?? (library.settings.locale as Locale)
  for (const rule of options.rules ?? allRules) {
    const config = ruleConfig(rule, (library.settings.rules as Record<string, RuleSetting>)[rule.id])
    // A rule that is off is not worked out ahead (lint() runs it itself if --rule asks for it).
    if (config.severity === 'off' && !options.only?.includes(rule.id)) continue
    const ctx = context(rule, library, config.options, { today: options.today, locale, plans: [], rules: allRules }, () => {}, () => undefined)
    let t = now()
    if (rule.preparePlan && plan.valid) {
      prepared.set(rule.id, rule.preparePlan(plan, ctx))
      if (timingEnabled) addTime(`file: prepare ${rule.id}`, now() - t)
    }
    if (rule.scope !== 'file' || !rule.checkPlan || (!plan.valid && !rule.anyPlan)) continue
    const list: FileReport[] = []
    ctx.report = (r) => {
      const { file: _file, ...rest } = r
      list.push(rest)
    }
    t = now()
    rule.checkPlan(plan, ctx)
    if (timingEnabled) addTime(`file: check ${rule.id}`, now() - t)
    reports.set(rule.id, list)
  }
  return { reports, prepared }
}

// Frontmatter problems that leave nothing to trust: the YAML itself is broken.
const FATAL_ISSUES = new Set(['no-frontmatter', 'unclosed', 'yaml-error', 'alias', 'tag', 'not-a-map', 'duplicate-key'])
// Keys that identify a plan to the rest of the library: when one is broken the plan is left out as before.
const IDENTITY_KEYS = new Set(['id', 'type', 'jurisdiction', 'status'])
// What a rule reading a broken key sees instead, so that it does not throw (its findings are dropped anyway).
const STAND_IN: Record<string, unknown> = { dates: {}, units: [], parents: [], hazards: [], category: [], supersedes: [], contacts: [], related: [] }

/** A plan whose schema errors all lie in a few top-level keys, seen by rules as valid apart from those keys. */
interface PartialView {
  view: Plan
  /** Set when a rule read one of the broken keys: its findings on this plan are then not trusted. */
  touched: boolean
}

/**
 * As ESLint keeps linting a file with one bad rule option: a plan with a schema error in, say, `dates`
 * is still checked by every rule that does not read `dates`. Which rules read it is observed, not
 * declared: the view's frontmatter records any read of a broken key.
 */
function partialView(plan: Plan): PartialView | undefined {
  if (plan.valid || plan.kind !== 'plan' || typeof plan.data !== 'object' || plan.data === null) return undefined
  const broken = new Set<string>()
  for (const issue of plan.issues) {
    if (issue.rule !== 'schema' || FATAL_ISSUES.has(issue.messageId)) return undefined
    const field = String(issue.data.field ?? '')
    const top = field && field !== '(root)' ? field.split('.')[0] : String(issue.data.key ?? '')
    if (!top || IDENTITY_KEYS.has(top)) return undefined
    broken.add(top)
  }
  if (broken.size === 0) return undefined
  const state: PartialView = { view: plan, touched: false }
  const data = new Proxy(plan.data as object, {
    get(target, key, receiver) {
      if (typeof key === 'string' && broken.has(key)) {
        state.touched = true
        return STAND_IN[key]
      }
      return Reflect.get(target, key, receiver)
    },
    has(target, key) {
      if (typeof key === 'string' && broken.has(key)) {
        state.touched = true
        return key in STAND_IN
      }
      return Reflect.has(target, key)
    },
  }) as Plan['data']
  // Copied property by property, not spread: the plan's text, tree and positions stay read on first use.
  state.view = Object.assign(Object.defineProperties({}, Object.getOwnPropertyDescriptors(plan)), { data, valid: true }) as Plan
  return state
}

export function lint(library: Library, options: LintOptions = {}): LintResult {
  const locale = options.locale ?? (library.settings.locale as Locale)
  const today = options.today ?? todayIso()
  const rules = options.rules ?? allRules
  const partials = new Map<string, PartialView>()
  for (const p of library.plans) {
    const partial = partialView(p)
    if (partial) partials.set(p.path, partial)
  }
  const validPlans = library.plans.filter((p) => p.valid || partials.has(p.path)).map((p) => partials.get(p.path)?.view ?? p)
  const findings: Finding[] = []
  const internalErrors: LintResult['internalErrors'] = []
  const pre = options.precomputed

  for (const rule of rules) {
    const config = effectiveSeverity(rule, library, options.only)
    if (!config) continue
    const crossFile = rule.scope !== 'file'
    const kept = crossFile ? options.remembered?.get(rule.id) : undefined
    if (kept) {
      for (const f of kept) findings.push(f)
      continue
    }
    const started = now()
    const errorsBefore = internalErrors.length
    const report = (r: Report) => {
      if (options.files && !options.files.has(r.file.path)) return
      findings.push({
        ruleId: rule.id,
        severity: config.severity,
        message: formatMessage(rule, r.messageId, r.data ?? {}, locale),
        file: r.file.path,
        place: r.place,
        ...planIdOf(r.file),
        ...(r.cause ? { cause: r.cause } : {}),
        ...(r.fix ? { fix: r.fix } : {}),
      })
    }
    const preparedCache = new Map<Plan, unknown>()
    const prepared = (plan: Plan) => {
      if (preparedCache.has(plan)) return preparedCache.get(plan)
      const stored = pre?.prepared.get(plan.path)
      const value = stored?.has(rule.id) ? stored.get(rule.id) : rule.preparePlan?.(plan, ctx)
      preparedCache.set(plan, value)
      return value
    }
    const ctx = context(rule, library, config.options, { today, locale, plans: validPlans, rules: allRules }, report, prepared)
    const memo = options.memo?.(rule.id)
    if (memo) ctx.memo = memo
    const guard = (file: string | undefined, run: () => void) => {
      try {
        run()
      } catch (error) {
        internalErrors.push({ ruleId: rule.id, file, message: String((error as Error)?.stack ?? error) })
      }
    }
    const firstFinding = findings.length
    for (const partial of partials.values()) partial.touched = false
    if (rule.checkPlan) {
      for (const plan of rule.anyPlan ? library.plans : validPlans) {
        if (options.files && !options.files.has(plan.path)) continue
        const stored = rule.scope === 'file' ? pre?.reports.get(plan.path)?.get(rule.id) : undefined
        const partial = rule.anyPlan ? undefined : partials.get(plan.path)
        if (stored) for (const r of stored) report({ ...r, file: plan })
        else if (partial) {
          // A rule that stumbles over a broken key it read is simply not trusted on this plan.
          try {
            rule.checkPlan!(plan, ctx)
          } catch (error) {
            if (!partial.touched) internalErrors.push({ ruleId: rule.id, file: plan.path, message: String((error as Error)?.stack ?? error) })
          }
        } else guard(plan.path, () => rule.checkPlan!(plan, ctx))
      }
    }
    // A file-scope rule's library part (registry, drill records, checklists) is remembered like a cross-file
    // rule's findings; not with plans seen partially, whose retry below would mix the two parts.
    const libraryPart = !crossFile && rule.checkLibrary && partials.size === 0 ? `${rule.id}#library` : undefined
    const keptPart = libraryPart ? options.remembered?.get(libraryPart) : undefined
    if (keptPart) for (const f of keptPart) findings.push(f)
    else if (rule.checkLibrary && libraryPart) {
      const start = findings.length
      const errors = internalErrors.length
      guard(undefined, () => rule.checkLibrary!(ctx))
      if (internalErrors.length === errors) options.remembered?.set(libraryPart, findings.slice(start))
    } else if (rule.checkLibrary) {
      try {
        rule.checkLibrary(ctx)
      } catch (error) {
        const touched = [...partials.values()].some((p) => p.touched)
        if (!touched || partials.size === 0) internalErrors.push({ ruleId: rule.id, file: undefined, message: String((error as Error)?.stack ?? error) })
        else {
          // Run it again without the partial plans, as before they were seen at all.
          findings.length = firstFinding
          const strict = { ...ctx, plans: validPlans.filter((p) => !partials.has(p.path)) }
          guard(undefined, () => rule.checkLibrary!(strict))
        }
      }
    }
    // Findings of a rule that read a broken key are dropped on that plan's file.
    const untrusted = new Set([...partials.values()].filter((p) => p.touched).map((p) => p.view.path))
    if (untrusted.size && !rule.anyPlan) {
      const kept = findings.slice(firstFinding).filter((f) => !untrusted.has(f.file))
      findings.length = firstFinding
      findings.push(...kept)
    }
    if (crossFile && internalErrors.length === errorsBefore) options.remembered?.set(rule.id, findings.slice(firstFinding))
    if (timingEnabled) addTime(`main: ${rule.id}`, now() - started)
  }
  findings.sort(compareFindings)
  return { findings, internalErrors }
}
