import { defineRule, message } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'

type D = { level: string; roman: string; example: string; example_en: string }

/**
 * Who usually commands at the plan owner's level: a district's plan told to write "市长" reads as if the
 * tool did not know whose plan it is.
 */
const COMMANDER_BY_LEVEL: Record<string, { zh: string; en: string }> = {
  national: { zh: '“国务院分管负责同志”', en: 'the State Council lead' },
  province: { zh: '“省长”“分管副省长”', en: 'the governor' },
  city: { zh: '“市长”“分管副市长”', en: 'the mayor' },
  county: { zh: '“县（区）长”“分管副县（区）长”', en: 'the county or district head' },
  township: { zh: '“乡镇长（街道办事处主任）”', en: 'the township head' },
  village: { zh: '“村（居）委会主任”', en: 'the village committee head' },
}
const COMMANDER_DEFAULT = { zh: '“主要负责人”', en: 'the principal' }
const m = message<D>

const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' }

export default defineRule({
  id: 'level-without-commander',
  name: { zh: '响应级别无指挥', en: 'Level without commander' },
  family: 'responsibility',
  severity: 'warn',
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: '响应级别没有写明由谁指挥', en: 'A response level names no commander' },
    why: {
      zh: '预案必须规定分级响应（《突发事件应对法》（2024 年修订）第二十八条；见 docs/regulations.md#content）；每一级响应由谁指挥（如Ⅰ级由市长、Ⅳ级由牵头部门负责人）是启动响应时首先要明确的事。前言的 lead_unit 只说明哪个单位牵头，不能代替各级的指挥人：所以 response_levels 中每一项都要有 commander，不论预案有没有 lead_unit。',
      en: 'A plan must define response levels (Emergency Response Law, 2024 revision, art. 28; see docs/regulations.md#content), and who commands each level (the mayor at level I, the lead department\'s head at IV…) is the first thing to settle when a response starts. The frontmatter\'s lead_unit says which unit leads, not who commands each level, so every response_levels entry needs a commander whether or not the plan has a lead_unit.',
    },
    notReported: {
      zh: '只检查前言 response_levels 中的各项；填写了 commander 的级别不报告；没有 response_levels 的预案不由本规则报告。',
      en: 'Only entries of response_levels in the frontmatter are checked; a level with a commander is not reported; a plan without response_levels is not this rule\'s finding.',
    },
    fix: {
      zh: '在该级响应中填写 commander：担任指挥的职务或机构，如“市长”“分管副市长”“市防汛抗旱指挥部总指挥”“市水利局局长”。',
      en: 'Fill in commander for that level: the post or body that commands it, e.g. 市长, 分管副市长, 市防汛抗旱指挥部总指挥, 市水利局局长.',
    },
    bad: 'response_levels:\n  - level: I\n    trigger: 造成10人以上死亡\n    commander: 市长\n  - level: II\n    trigger: 造成3人以上10人以下死亡',
    good: 'response_levels:\n  - level: I\n    trigger: 造成10人以上死亡\n    commander: 市长\n  - level: II\n    trigger: 造成3人以上10人以下死亡\n    commander: 分管副市长',
  },
  messages: {
    default: m(
      (d) => `${d.roman}级响应没有写明由谁指挥：请填写指挥（commander），如${d.example}“指挥部总指挥”`,
      (d) => `Response level ${d.level} names no commander: fill in commander (e.g. ${d.example_en}, or the headquarters' commander-in-chief)`,
    ),
  },
  checkPlan(plan, ctx) {
    // A jurisdiction's own plans name its head; an enterprise or other unit names its principal.
    const owner = ctx.library.units.get(plan.data.jurisdiction)
    const level = owner?.kind === 'jurisdiction' ? owner.level : undefined
    const example = (level && COMMANDER_BY_LEVEL[level]) || COMMANDER_DEFAULT
    plan.data.response_levels?.forEach((entry, i) => {
      if (entry.commander?.trim()) return
      // The entry's first key: the whole entry, as other rules point at a list item.
      ctx.report({ file: plan, place: yamlPlace(plan, ['response_levels', i], 'key'), data: { level: entry.level, roman: ROMAN[entry.level] ?? entry.level, example: example.zh, example_en: example.en } })
    })
  },
})
