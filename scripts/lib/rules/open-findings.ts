import { defineRule } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { isIsoDate, overdueSince } from '../dates.ts'
import { drillFindings, overdueText } from '../model/plan-history.ts'

type D = { text: string; unit: string; due: string; plan: string; overMonths: number; overDays: number }

export default defineRule({
  id: 'open-findings',
  name: { zh: '演练问题逾期未整改', en: 'Open drill findings' },
  family: 'lifecycle',
  severity: 'warn',
  options: {},
  docs: {
    summary: { zh: '演练发现的问题超过整改期限仍未完成', en: 'A drill finding is past its due date and still open' },
    why: {
      zh: '演练评估以纠正行动结束（AQ/T 9009-2015 评估总结；HSEEP 改进计划“跟踪至关闭”）。整改期限过了仍未完成，演练暴露的问题就还在，下次应急时会再出现（见 docs/regulations.md#drill-evaluation）。',
      en: 'A drill evaluation ends in corrective actions (AQ/T 9009-2015; the HSEEP improvement plan is "tracked to closure"). An action past its due date leaves the problem the drill exposed in place for the next real event (see docs/regulations.md#drill-evaluation).',
    },
    notReported: {
      zh: 'status 为 done 的问题不报告；整改期限（due）未到的不报告。',
      en: 'Findings with status done, or whose due date has not passed, are not reported.',
    },
    fix: {
      zh: '完成整改后把演练记录中该问题的 status 改为 done；确实需要延期的，改写 due 并在演练评估报告中说明原因。',
      en: 'When the action is done set the finding\'s status to done in the drill record; if it must be postponed, change due and explain why in the report.',
    },
    bad: 'findings:\n  - text: 县水利局未在30分钟内报告水情\n    severity: major\n    unit: xishan-shuili\n    action: 修订水情报告流程并培训值班人员\n    due: 2026-08-31\n    status: open\n    requires_revision: false',
    good: 'findings:\n  - text: 县水利局未在30分钟内报告水情\n    severity: major\n    unit: xishan-shuili\n    action: 修订水情报告流程并培训值班人员\n    due: 2026-08-31\n    status: done\n    requires_revision: false',
  },
  messages: {
    default: {
      zh: (d: D) => `预案 ${d.plan} 演练发现的问题“${d.text}”（责任单位：${d.unit}）整改期限 ${d.due} 已过 ${overdueText.zh(d.overMonths, d.overDays)}，仍未完成`,
      en: (d: D) => `Drill finding "${d.text}" of plan ${d.plan} (responsible: ${d.unit}) was due on ${d.due} and is still open, ${overdueText.en(d.overMonths, d.overDays)} late`,
    },
  },
  checkLibrary(ctx) {
    const { units } = ctx.library
    for (const record of ctx.library.drills) {
      const plan = typeof record.data?.plan === 'string' ? record.data.plan : '?'
      for (const { finding, index } of drillFindings(record)) {
        if (finding.status !== 'open' || !isIsoDate(finding.due) || finding.due >= ctx.today) continue
        const over = overdueSince(finding.due, ctx.today)
        const unit = typeof finding.unit === 'string' ? units.name(finding.unit) : '?'
        ctx.report({
          file: record,
          place: yamlPlace(record, ['findings', index, 'due']),
          data: { text: finding.text, unit, due: finding.due, plan, overMonths: over.months, overDays: over.days },
        })
      }
    }
  },
})
