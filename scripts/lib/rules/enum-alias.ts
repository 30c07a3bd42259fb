import { defineRule, message } from './define-rule.ts'

type D = { written: string; canonical: string; field: string; key: string }
const m = message<D>

export default defineRule({
  id: 'enum-alias',
  name: { zh: '取值写作中文', en: 'Chinese enum name' },
  family: 'form',
  severity: 'warn',
  // The loader already read the Chinese name as its id; this only offers to write the id.
  anyPlan: true,
  scope: 'file',
  options: {},
  docs: {
    summary: {
      zh: '前言中的预案类型、状态、事件类别、密级、角色或关系写作中文名称（如“专项”“已发布”），已按规范值处理',
      en: 'A type, status, category, classification, role or relation in the frontmatter is written as its Chinese name (专项, 已发布); it is read as the canonical id',
    },
    why: {
      zh: '编写人员习惯写“专项”“已发布”“自然灾害”，预案库接受这些写法并按规范值（special、published、natural）处理，检查、站点和覆盖矩阵都不受影响。但其他程序（检索脚本、数据交换、上级单位的汇总）只认规范值，统一写法也便于比对修订。默认为警告。',
      en: 'Authors write what the office calls things; the library accepts the Chinese names and reads them as the canonical ids, so checks, the site and the coverage matrix are unaffected. Other programs (scripts, data exchange, the level above collecting plans) know only the ids, and one spelling keeps diffs comparable. A warning by default.',
    },
    fix: {
      zh: '运行 yuanku lint --fix 把中文名称改写为规范值（只改该值本身，注释和格式不变）；不希望提示时可在 library.yaml 的 rules 中把 enum-alias 设为 off。',
      en: 'Run yuanku lint --fix to write the canonical id (only the value changes); set enum-alias to off under rules in library.yaml to silence it.',
    },
    notReported: {
      zh: '已经是规范编号的取值；不是任何取值中文名称的文字（由 schema 报告并给出最接近的取值）；title、duties 等自由文字字段。',
      en: "Values already written as the canonical id; text that is no value's Chinese name (schema reports it with the closest value); free-text fields such as title and duties.",
    },
    bad: 'type: 专项\nstatus: 已发布\ncategory: [自然灾害]',
    good: 'type: special\nstatus: published\ncategory: [natural]',
  },
  messages: {
    default: m(
      (d) => `${d.field}（${d.key}）写作“${d.written}”，已按 ${d.canonical} 处理；可用 --fix 改写为规范值 ${d.canonical}`,
      (d) => `${d.key} is written "${d.written}"; read as ${d.canonical}; --fix writes the canonical ${d.canonical}`,
    ),
  },
  checkPlan(plan, ctx) {
    for (const issue of plan.issues) {
      if (issue.rule !== 'enum-alias') continue
      ctx.report({ file: plan, place: issue.place, data: issue.data, ...(issue.fix ? { fix: issue.fix } : {}) })
    }
  },
})
