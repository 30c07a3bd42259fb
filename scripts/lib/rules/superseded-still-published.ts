import { defineRule } from './define-rule.ts'
import { yamlPlace, yamlRange, type Plan, titleOf } from '../model/plan.ts'
import { isInForce, statusLabel } from '../model/vocabulary.ts'
import { isIsoDate } from '../dates.ts'


type D = { id: string; status: string; by: string; byTitle: string; should: 'superseded' | 'retired' }

export default defineRule({
  id: 'superseded-still-published',
  name: { zh: '已替代仍在发布', en: 'Superseded but published' },
  family: 'lifecycle',
  severity: 'error',
  options: {},
  docs: {
    summary: {
      zh: '已被新版本替代的预案仍为已发布或已审批状态',
      en: 'A plan replaced by a newer version is still marked published or approved',
    },
    why: {
      zh: '新版预案发布后旧版即废止；旧版仍标为发布，会让两版同时“有效”，下级预案可能衔接到旧版（stale-parent），应急时有人照旧版处置。预案修订后应及时更新预案体系（见 docs/regulations.md#revision-triggers）。',
      en: 'Once a new version is issued the old one is void; an old version still marked published leaves two versions "in force", lower plans may link to the old one (stale-parent) and responders may follow it (see docs/regulations.md#revision-triggers).',
    },
    notReported: {
      zh: '新版本本身还是草案时不报告旧版本（新版未生效，旧版仍应在用）；旧版本已标为 superseded 或 retired 的不报告。',
      en: 'The old version is not reported while the new one is still a draft (the old one is rightly in force), nor when it is already superseded or retired.',
    },
    fix: {
      zh: '把旧版的 status 改为 superseded（从未发布的改为 retired；yuanku lint --fix 可自动修改）；如果新版的 supersedes 写错了，改正新版。',
      en: 'Set the old version\'s status to superseded (retired if it was never published; yuanku lint --fix does it); if the new version\'s supersedes is wrong, correct that instead.',
    },
    bad: '# shi-fangxun.md\nid: shi-fangxun\nstatus: published\nsupersedes: [shi-fangxun-2021]\n\n# shi-fangxun-2021.md\nid: shi-fangxun-2021\nstatus: published',
    good: '# shi-fangxun.md\nid: shi-fangxun\nstatus: published\nsupersedes: [shi-fangxun-2021]\n\n# shi-fangxun-2021.md\nid: shi-fangxun-2021\nstatus: superseded',
  },
  messages: {
    default: {
      zh: (d: D) => `本预案已被“${d.byTitle}”（${d.by}）替代，状态（status）仍为“${statusLabel(d.status)}”（${d.status}），应改为“${statusLabel(d.should)}”（${d.should}）`,
      en: (d: D) => `Plan "${d.id}" was replaced by "${d.byTitle}" (${d.by}) but its status is still ${d.status}; it should be ${d.should}`,
    },
  },
  checkLibrary(ctx) {
    const byId = new Map<string, Plan>()
    for (const plan of ctx.plans) if (!byId.has(plan.data.id)) byId.set(plan.data.id, plan)
    const reported = new Set<Plan>()
    for (const newer of ctx.plans) {
      if (!isInForce(newer)) continue
      ;(newer.data.supersedes ?? []).forEach((id, index) => {
        const old = byId.get(id)
        if (!old || old === newer || reported.has(old) || !isInForce(old)) return
        reported.add(old)
        // superseded needs a publication date (the schema requires it); a version never published is retired.
        const should = isIsoDate(old.data.dates.published) ? 'superseded' : 'retired'
        const range = yamlRange(old, ['status'])
        const bare = range !== undefined && old.text.slice(range[0], range[1]) === old.data.status
        const fix = bare ? { fix: { start: range[0], end: range[1], text: should } } : {}
        ctx.report({
          file: old,
          place: yamlPlace(old, ['status']),
          data: { id, status: old.data.status, by: newer.data.id, byTitle: titleOf(newer), should },
          cause: { file: newer.path, place: yamlPlace(newer, ['supersedes', index]) },
          ...fix,
        })
      })
    }
  },
})
