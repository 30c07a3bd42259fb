import { defineRule } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import type { Library } from '../model/library.ts'
import { addWorkingDays, isIsoDate, workingCalendar, workingDaysBetween, type WorkingCalendar } from '../dates.ts'

type D = { published: string; filed?: string; days: number; limit: number; deadline: string }

const calendars = new WeakMap<Library, WorkingCalendar>()

function calendarOf(library: Library): WorkingCalendar {
  let calendar = calendars.get(library)
  if (!calendar) calendars.set(library, (calendar = workingCalendar(library.settings.filing)))
  return calendar
}

export default defineRule({
  id: 'not-filed',
  name: { zh: '未备案', en: 'Not filed' },
  family: 'lifecycle',
  severity: 'warn',
  // Reads only the plan, the settings and today, all of which key the cache.
  scope: 'file',
  options: {},
  docs: {
    summary: {
      zh: '预案发布后超过备案期限（默认 20 个工作日）未备案，或备案晚于期限',
      en: 'A published plan was not filed within the filing period (default 20 working days), or was filed late',
    },
    why: {
      zh: '《突发事件应急预案管理办法》（国办发〔2024〕5号）第二十六条规定预案印发后 20 个工作日内报送备案（连同编制说明）；生产经营单位同样在 20 个工作日内备案（《生产安全事故应急预案管理办法》，应急管理部令第2号修正）。未备案的预案上级不掌握，无法衔接。各类预案报谁备案见 docs/regulations.md#filing。',
      en: 'The 2024 measures (国办发〔2024〕5号, art. 26) require a plan to be filed within 20 working days of issue, with its drafting notes; enterprises likewise within 20 working days (MEM Order No. 2). A plan the level above does not hold cannot be linked to. Where each kind of plan is filed: docs/regulations.md#filing.',
    },
    notReported: {
      zh: '只检查已发布（published）的预案；备案期限未到的不报告；节假日和调休按 library.yaml 的 filing.holidays、filing.workdays 计算。',
      en: 'Only published plans are checked; a plan still within the filing period is not reported; holidays and make-up workdays come from filing.holidays and filing.workdays.',
    },
    fix: {
      zh: '报送备案，并在前言 dates.filed 写明备案日期。工作日按周一至周五计，扣除 library.yaml filing.holidays 中的法定节假日，加上 filing.workdays 中的调休上班日；发布当日不计，备案当日计入。期限在 filing.working_days 中设置。已经逾期备案的，此提示说明逾期天数，可在评估时说明原因；没有记录备案日期的，提示的是日期缺失，而不是推算“逾期多少天”（未记录不等于未备案）。',
      en: 'File the plan and record the date in dates.filed. Working days are Monday to Friday, minus the public holidays in library.yaml filing.holidays, plus the make-up working days in filing.workdays; the day of issue does not count, the day of filing does. The period is filing.working_days. For a plan already filed late the finding states by how much, for the next evaluation to explain; when no filing date is recorded the finding says the date is missing rather than counting days (unrecorded is not the same as unfiled).',
    },
    bad: 'status: published\ndates:\n  approved: 2026-07-28\n  published: 2026-08-03   # 20 个工作日后（2026-08-31）仍未备案',
    good: 'status: published\ndates:\n  approved: 2026-07-28\n  published: 2026-08-03\n  filed: 2026-08-20',
  },
  messages: {
    default: {
      zh: (d: D) => `预案于 ${d.published} 发布，前言没有记录备案日期（dates.filed），而备案期限已过（${d.limit} 个工作日，最迟 ${d.deadline}）：已经备案的请补记备案日期，尚未备案的请报送备案`,
      en: (d: D) => `Published on ${d.published}, and no filing date is recorded (dates.filed) although the filing period is over (${d.limit} working days, at the latest ${d.deadline}): record the date if the plan was filed, file it if not`,
    },
    late: {
      zh: (d: D) => `预案于 ${d.published} 发布，${d.filed} 才备案，用了 ${d.days} 个工作日，超过 ${d.limit} 个工作日的期限（最迟 ${d.deadline}）`,
      en: (d: D) => `Published on ${d.published} but filed on ${d.filed}, ${d.days} working days later; the limit is ${d.limit} working days (at the latest ${d.deadline})`,
    },
  },
  checkPlan(plan, ctx) {
    if (plan.data.status !== 'published') return
    const { published, filed } = plan.data.dates
    if (!isIsoDate(published)) return
    const calendar = calendarOf(ctx.library)
    const limit = ctx.library.settings.filing.working_days
    // "More than N working days": a weekend or holiday after the last allowed day is not yet late.
    const days = workingDaysBetween(published, isIsoDate(filed) ? filed : ctx.today, calendar)
    if (days <= limit) return
    const deadline = addWorkingDays(published, limit, calendar)
    if (isIsoDate(filed)) {
      ctx.report({ file: plan, place: yamlPlace(plan, ['dates', 'filed']), messageId: 'late', data: { published, filed, days, limit, deadline } })
    } else {
      ctx.report({ file: plan, place: yamlPlace(plan, ['dates', 'published']), data: { published, days, limit, deadline } })
    }
  },
})
