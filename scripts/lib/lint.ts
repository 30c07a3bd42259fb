import { compareFindings, type Finding, type Locale, type Severity } from './model/finding.ts'
import type { Library } from './model/library.ts'
import type { Plan } from './model/plan.ts'
import type { RuleSetting } from './model/settings.ts'
import type { MessageData, Report, Rule, RuleContext } from './rules/define-rule.ts'
import { rules as allRules } from './rules/index.ts'

export interface LintOptions {
  locale?: Locale
  /** YYYY-MM-DD; defaults to the real date. */
  today?: string
  /** Run only these rules (at their configured severity, or their default when configured off). */
  only?: string[]
  /** Report only findings in these library-relative files (cross-file rules still see everything). */
  files?: Set<string>
  rules?: Rule<any>[]
}

export interface LintResult {
  findings: Finding[]
  /** Rules that threw: a bug in Yuanku, not in the library. */
  internalErrors: { ruleId: string; file?: string; message: string }[]
}

export function todayIso(date = new Date()): string {
  const y = date.getFullYear()
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** Severity and options of a rule after library.yaml's `rules`. */
export function ruleConfig(rule: Rule<any>, setting: RuleSetting | undefined): { severity: Severity | 'off'; options: Record<string, unknown> } {
  if (setting === undefined) return { severity: rule.severity, options: { ...rule.options } }
  if (typeof setting === 'string') return { severity: setting, options: { ...rule.options } }
  return { severity: setting[0], options: { ...rule.options, ...(setting[1] ?? {}) } }
}

export function formatMessage(rule: Rule<any>, messageId: string | undefined, data: MessageData, locale: Locale): string {
  const message = rule.messages[messageId ?? 'default'] ?? rule.messages.default
  if (!message) return `${rule.id}: ${messageId}`
  return locale === 'en' ? message.en(data) : message.zh(data)
}

export function lint(library: Library, options: LintOptions = {}): LintResult {
  const locale = options.locale ?? (library.settings.locale as Locale)
  const today = options.today ?? todayIso()
  const rules = options.rules ?? allRules
  const validPlans = library.plans.filter((p) => p.valid)
  const findings: Finding[] = []
  const internalErrors: LintResult['internalErrors'] = []

  for (const rule of rules) {
    if (options.only && !options.only.includes(rule.id)) continue
    const config = ruleConfig(rule, (library.settings.rules as Record<string, RuleSetting>)[rule.id])
    let severity = config.severity
    if (severity === 'off') {
      if (!options.only) continue
      severity = rule.severity === 'off' ? 'warn' : rule.severity
    }
    const sev: Severity = severity
    const ctx: RuleContext<Record<string, unknown>> = {
      library,
      plans: validPlans,
      options: config.options,
      today,
      locale,
      report(r: Report) {
        if (options.files && !options.files.has(r.file.path)) return
        findings.push({
          ruleId: rule.id,
          severity: sev,
          message: formatMessage(rule, r.messageId, r.data ?? {}, locale),
          file: r.file.path,
          place: r.place,
          ...(r.file.kind === 'plan' && typeof (r.file as Plan).data?.id === 'string' ? { planId: (r.file as Plan).data.id } : {}),
          ...(r.cause ? { cause: r.cause } : {}),
          ...(r.fix ? { fix: r.fix } : {}),
        })
      },
    }
    const guard = (file: string | undefined, run: () => void) => {
      try {
        run()
      } catch (error) {
        internalErrors.push({ ruleId: rule.id, file, message: String((error as Error)?.stack ?? error) })
      }
    }
    if (rule.checkPlan) {
      for (const plan of rule.anyPlan ? library.plans : validPlans) {
        if (options.files && !options.files.has(plan.path)) continue
        guard(plan.path, () => rule.checkPlan!(plan, ctx))
      }
    }
    if (rule.checkLibrary) guard(undefined, () => rule.checkLibrary!(ctx))
  }
  findings.sort(compareFindings)
  return { findings, internalErrors }
}
