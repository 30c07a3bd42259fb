// The words Yuanku uses for plan types, statuses and finding severities, in both locales, and what "in
// force" means: defined once here and read by the rules, the CLI, the site, the checklist page and the
// docs generators. Browser-safe (the checklist page bundles it): plain data and pure functions only.
import type { PlanFrontmatter } from './schema-types.ts'

export type Locale = 'zh-CN' | 'en'
export type PlanType = PlanFrontmatter['type']
export type PlanStatus = PlanFrontmatter['status']

interface Term {
  zh: string
  en: string
  /** Chinese names an author may write in the frontmatter instead of the id (enum-alias reads them). */
  written: readonly string[]
}

interface PlanTypeTerm extends Term {
  /** The short name of tables and filters (总体, 专项…). */
  short: { zh: string; en: string }
}

/**
 * Plan types. Government plans follow the classification of the 突发事件应急预案管理办法 (国办发〔2024〕5号,
 * art. 6): 总体, 专项, 部门 plans of governments and their departments, and 单位和基层组织应急预案;
 * enterprises' 综合, 专项 and 现场处置方案 follow 生产安全事故应急预案管理办法 (应急管理部令第2号) and GB/T 29639-2020.
 */
export const PLAN_TYPES: Record<PlanType, PlanTypeTerm> = {
  overall: { zh: '总体应急预案', en: 'overall plan', short: { zh: '总体', en: 'Overall' }, written: ['总体', '总体预案', '总体应急预案', '突发事件总体应急预案'] },
  special: { zh: '专项应急预案', en: 'special plan', short: { zh: '专项', en: 'Special' }, written: ['专项', '专项预案', '专项应急预案'] },
  department: { zh: '部门应急预案', en: 'department plan', short: { zh: '部门', en: 'Department' }, written: ['部门', '部门预案', '部门应急预案'] },
  grassroots: {
    zh: '单位和基层组织应急预案',
    en: 'grassroots plan',
    short: { zh: '基层', en: 'Grassroots' },
    written: ['基层', '基层预案', '基层应急预案', '单位和基层组织应急预案', '基层组织和单位应急预案'],
  },
  'enterprise-comprehensive': {
    zh: '企业综合应急预案',
    en: 'enterprise comprehensive plan',
    short: { zh: '企业综合', en: 'Enterprise' },
    written: ['综合', '综合预案', '综合应急预案', '企业综合', '企业综合应急预案'],
  },
  'enterprise-special': { zh: '企业专项应急预案', en: 'enterprise special plan', short: { zh: '企业专项', en: 'Enterprise special' }, written: ['企业专项', '企业专项预案', '企业专项应急预案'] },
  onsite: { zh: '现场处置方案', en: 'on-site procedure', short: { zh: '现场处置', en: 'On-site' }, written: ['现场处置', '现场处置方案'] },
  event: { zh: '重大活动应急预案', en: 'major-event plan', short: { zh: '重大活动', en: 'Event' }, written: ['重大活动', '重大活动预案', '重大活动应急预案'] },
  joint: { zh: '联合应急预案', en: 'joint plan', short: { zh: '联合', en: 'Joint' }, written: ['联合', '联合预案', '联合应急预案'] },
}

/** A plan type's name in the locale ('overall plan' in English), or the value itself when unknown. */
export function planTypeName(type: string, locale: Locale | 'zh' = 'zh'): string {
  const term = PLAN_TYPES[type as PlanType]
  if (!term) return type
  return locale === 'en' ? term.en : term.zh
}

/** Plan statuses along the lifecycle of the 2024 办法 (编制、审批、发布 … 修订). */
export const PLAN_STATUSES: Record<PlanStatus, Term> = {
  draft: { zh: '起草', en: 'draft', written: ['起草', '草案', '草稿', '编制中'] },
  review: { zh: '征求意见/论证', en: 'in review', written: ['征求意见', '专家论证', '征求意见/专家论证', '论证', '评审'] },
  approved: { zh: '已审批', en: 'approved', written: ['已审批', '审批', '已批准'] },
  published: { zh: '已发布', en: 'published', written: ['已发布', '发布', '已印发', '印发'] },
  superseded: { zh: '已被替代', en: 'superseded', written: ['已被替代', '已替代', '被替代'] },
  retired: { zh: '已废止', en: 'retired', written: ['已废止', '废止'] },
}

/** A status's name in the locale (已发布 / published), or the value itself when unknown. */
export function statusLabel(status: string, locale: Locale | 'zh' = 'zh'): string {
  const term = PLAN_STATUSES[status as PlanStatus]
  if (!term) return status
  return locale === 'en' ? term.en : term.zh
}

/** A status as shown in messages: its Chinese name with the YAML value in zh (已发布 published), the YAML value in en. */
export function statusName(status: string, locale: Locale | 'zh' = 'zh'): string {
  const term = PLAN_STATUSES[status as PlanStatus]
  if (locale === 'en' || !term) return status
  return `${term.zh} ${status}`
}

/** Statuses of a plan in force: approved (审批) or published (发布). */
export const IN_FORCE_STATUSES: ReadonlySet<string> = new Set<PlanStatus>(['approved', 'published'])
/** Statuses of a plan not yet in force: drafting and review. Superseded and retired plans are no longer in force. */
export const DRAFT_STATUSES: ReadonlySet<string> = new Set<PlanStatus>(['draft', 'review'])

/** True for a plan (or a status) in force: approved or published, whatever its dates say. */
export function isInForce(planOrStatus: { data: { status?: unknown } } | string | undefined): boolean {
  const status = typeof planOrStatus === 'string' || planOrStatus === undefined ? planOrStatus : planOrStatus.data?.status
  return typeof status === 'string' && IN_FORCE_STATUSES.has(status)
}

/** Severities of findings and of rule settings (off: the rule does not run). */
export const SEVERITIES: Record<'error' | 'warn' | 'off', { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warn: { zh: '警告', en: 'warning' },
  off: { zh: '关闭', en: 'off' },
}

export function severityName(severity: 'error' | 'warn' | 'off', locale: Locale | 'zh' = 'zh'): string {
  return locale === 'en' ? SEVERITIES[severity].en : SEVERITIES[severity].zh
}
