import { defineRule, message } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { checkRecord } from '../drill/check.ts'
import { RATING_LABEL } from '../drill/record.ts'

type D = Record<string, string | number>
const m = message<D>
const show = (v: unknown) => (v === null || v === undefined ? '空' : String(v))
const showEn = (v: unknown) => (v === null || v === undefined ? 'empty' : String(v))

export default defineRule({
  id: 'drill-score-mismatch',
  name: { zh: '演练得分不符', en: 'Score mismatch' },
  family: 'lifecycle',
  severity: 'error',
  scope: 'library',
  options: {},
  docs: {
    summary: {
      zh: '演练记录中的得分、等级或单项得分与评估项的评定不符',
      en: "A drill record's score, grade or item points differ from what its ratings compute",
    },
    why: {
      zh: '演练记录中的得分必须能由各评估项重新算出：这是 Yuanku 的约定，因为记录是演练评估结论的凭据，而国家没有统一的评分办法（见 docs/regulations.md#drill-evaluation）。手工改分、漏改或不同版本的评分表会让评估结论失真，而演练评估要对预案的合理性与可操作性作出判断，决定是否修订预案（原国办发〔2013〕101号第二十三条）。评分规则与评估页面、yuanku drill score 使用同一模块。',
      en: 'The score in a drill record must be recomputable from its items: Yuanku\'s own rule, since the record is the evidence of the evaluation and there is no national scoring method (see docs/regulations.md#drill-evaluation). A hand-edited or stale score misstates the evaluation, which judges whether the plan is workable and so whether it is revised (formerly 国办发〔2013〕101号 art. 23). The rule scores with the same module as the checklist page and `yuanku drill score`.',
    },
    notReported: {
      zh: '未评定的评估项不算错：记录会说明有多少项未评定；得分、等级与评估项重新计算一致的不报告。',
      en: 'Unrated items are not a mismatch (the record says how many are unrated); a score and grade that recompute from the items are not reported.',
    },
    fix: {
      zh: '以评估项的评定为准，把 score、grade 和各项 awarded 改为重新计算的值：yuanku drill score 文件 显示计算结果，确认无误后 yuanku drill score 文件 --write 写入。演练记录是评估的凭证，yuanku lint --fix 从不改动它。若评定本身有误，先改评定。',
      en: 'Take the ratings as the truth and set score, grade and each awarded to the recomputed values: `yuanku drill score FILE` shows them, and once checked `yuanku drill score FILE --write` writes them. A drill record is evidence of the evaluation, so `yuanku lint --fix` never changes it. If a rating is wrong, correct the rating first.',
    },
    bad: 'checklist:\n  - { ref: plan-1a2b3c4d, text: 30分钟内报告水情, points: 5, critical: true, rating: partial, awarded: 2.5 }\n  - { ref: plan-5e6f7a8b, text: 转移群众, points: 5, critical: false, rating: met, awarded: 5 }\nscore: 90\ngrade: 优秀',
    good: 'checklist:\n  - { ref: plan-1a2b3c4d, text: 30分钟内报告水情, points: 5, critical: true, rating: partial, awarded: 2.5 }\n  - { ref: plan-5e6f7a8b, text: 转移群众, points: 5, critical: false, rating: met, awarded: 5 }\nscore: 75\ngrade: 合格',
  },
  messages: {
    score: m(
      (d) => `记录的得分 ${d.recorded} 与评估项重新计算的得分 ${d.computed} 不符${d.grade ? `（等级应为“${d.grade}”）` : ''}`,
      (d) => `The recorded score ${d.recordedEn} is not what the items compute: ${d.computedEn}${d.grade ? ` (grade should be "${d.grade}")` : ''}`,
    ),
    grade: m(
      (d) => `记录的等级“${d.recorded}”与得分 ${d.score} 对应的等级“${d.computed}”不符${d.critical ? '（有否决项未达标）' : ''}`,
      (d) => `The recorded grade "${d.recordedEn}" is not the grade of score ${d.score}: "${d.computed}"${d.critical ? ' (a critical item failed)' : ''}`,
    ),
    item: m(
      (d) => `评估项“${d.ref}”评定为“${d.label}”${d.over ? `，但用时 ${d.elapsed} 超过时限 ${d.within}` : ''}，得分应为 ${d.computed}，记录为 ${d.recorded}`,
      (d) => `Item "${d.ref}" is rated "${d.rating}"${d.over ? ` and took ${d.elapsed}, over its ${d.within} limit` : ''}: it earns ${d.computedEn}, recorded ${d.recordedEn}`,
    ),
    unrated: m(
      (d) => `记录的未评项数 ${d.recorded} 与实际未评定的评估项数 ${d.computed} 不符`,
      (d) => `The record says ${d.recorded} items are unrated; ${d.computed} are`,
    ),
  },
  checkLibrary(ctx) {
    const grading = ctx.library.settings.grading
    for (const drill of ctx.library.drills) {
      if (!drill.valid) continue
      const data = drill.data
      const check = checkRecord(data, grading)
      for (const item of check.items) {
        const written = data.checklist[item.index]
        ctx.report({
          file: drill,
          place: yamlPlace(drill, ['checklist', item.index, 'awarded']),
          messageId: 'item',
          data: {
            ref: item.ref,
            rating: showEn(written.rating),
            label: written.rating ? RATING_LABEL[written.rating] : '未评',
            computed: show(item.computed),
            computedEn: showEn(item.computed),
            recorded: show(item.recorded),
            recordedEn: showEn(item.recorded),
            over: item.over ? 1 : 0,
            elapsed: written.elapsed ?? '',
            within: written.within ?? '',
          },
        })
      }
      if (check.score) {
        const { recorded, computed } = check.score
        ctx.report({
          file: drill,
          place: yamlPlace(drill, ['score']),
          messageId: 'score',
          data: { recorded: show(recorded), recordedEn: showEn(recorded), computed: show(computed), computedEn: showEn(computed), grade: check.grade ? (check.grade.computed ?? '') : '' },
        })
      } else if (check.grade) {
        ctx.report({
          file: drill,
          place: yamlPlace(drill, ['grade']),
          messageId: 'grade',
          data: { recorded: show(check.grade.recorded), recordedEn: showEn(check.grade.recorded), computed: show(check.grade.computed), score: show(check.result.score), critical: check.result.criticalFailures.length },
        })
      }
      if (check.unrated) {
        ctx.report({ file: drill, place: yamlPlace(drill, ['unrated']), messageId: 'unrated', data: check.unrated })
      }
    }
  },
})
