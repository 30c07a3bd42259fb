// The plan system (预案体系, after chapter 2 of 《突发事件应急预案管理办法》国办发〔2024〕5号): plan types, which may sit above which, administrative levels,
// and when a plan is in force. Shared by the linkage and coverage rules and `yuanku coverage`.
import type { Plan } from './model/plan.ts'
import { DRAFT_STATUSES, isInForce, type Locale, type PlanType } from './model/vocabulary.ts'

export const LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'national' },
  province: { zh: '省级', en: 'province' },
  city: { zh: '市级', en: 'city' },
  county: { zh: '县级', en: 'county' },
  township: { zh: '乡镇级', en: 'township' },
  village: { zh: '村级', en: 'village' },
}

export function levelName(level: string, locale: Locale | 'zh' = 'zh'): string {
  const names = LEVEL_NAMES[level]
  if (!names) return level
  return locale === 'en' ? names.en : names.zh
}

/** Government plans (总体/专项/部门/基层/重大活动/联合) versus the plans of enterprises and other units. */
export const ENTERPRISE_TYPES: ReadonlySet<string> = new Set(['enterprise-comprehensive', 'enterprise-special', 'onsite'])

/**
 * Plan types that may be a parent of each type: Yuanku's reading of the plan types defined by 国办发〔2024〕5号
 * and, for enterprises, 应急管理部令第2号 (docs/regulations.md#plan-system). Government plans hang from the overall
 * plan and its specials; a government plan never hangs from an enterprise plan. An enterprise's
 * comprehensive plan ties in with the government plans of its place (or its group's comprehensive plan);
 * its special plans and on-site procedures hang from its own plans. A small unit may have only on-site
 * procedures (GB/T 29639-2020), which then tie in with the government's special or department plan.
 */
export const PARENT_TYPES: Record<PlanType, readonly PlanType[]> = {
  overall: ['overall'],
  special: ['overall', 'special'],
  department: ['overall', 'special'],
  grassroots: ['overall', 'special', 'department', 'grassroots'],
  event: ['overall', 'special', 'department'],
  joint: ['overall', 'special'],
  'enterprise-comprehensive': ['overall', 'special', 'department', 'enterprise-comprehensive'],
  'enterprise-special': ['enterprise-comprehensive', 'overall', 'special', 'department'],
  onsite: ['enterprise-comprehensive', 'enterprise-special', 'special', 'department'],
}


/** The date a plan takes effect: its issue date, else its approval date. */
export function effectiveDate(plan: Plan): string | undefined {
  const dates = (plan.data as Partial<Plan['data']>).dates
  if (!dates || typeof dates !== 'object') return undefined
  const d = dates.published ?? dates.approved
  return typeof d === 'string' ? d : undefined
}

/**
 * 'active': approved or published (and, given `today`, issued on or before it); 'draft': drafting, in
 * review, or approved/published with an issue date after `today`; undefined: superseded, retired or unknown.
 */
export function planStanding(plan: Plan, today?: string): 'active' | 'draft' | undefined {
  const status = (plan.data as Partial<Plan['data']>)?.status
  if (typeof status !== 'string') return undefined
  if (DRAFT_STATUSES.has(status)) return 'draft'
  if (!isInForce(status)) return undefined
  const date = effectiveDate(plan)
  return today && date && date > today ? 'draft' : 'active'
}
