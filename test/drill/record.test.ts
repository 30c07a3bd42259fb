import { describe, expect, it } from 'vitest'
import { buildRecord, recordToCsv, recordToJson, recordToMarkdown, defaultRecordId, type DrillHeader } from '../../scripts/lib/drill/record.ts'
import { parseImport } from '../../scripts/lib/drill/import.ts'
import { scoreRecord } from '../../scripts/lib/drill/score.ts'
import { validate } from '../../scripts/lib/load/schemas.ts'
import { readFrontmatter } from '../../scripts/lib/load/frontmatter.ts'
import type { ChecklistItem, RecordFinding } from '../../scripts/lib/drill/types.ts'

const items: ChecklistItem[] = [
  { ref: 'plan-00000001', phase: '预警与信息报告', text: '市水利局30分钟内报告水情', points: 5, critical: true, within: 30, source: 'plan' },
  { ref: 'plan-00000002', phase: '预警与信息报告', text: '按规定发布预警', points: 3, critical: false, source: 'plan' },
  { ref: 'duty-shi-shuili-00000003', phase: '责任单位履职', text: '示例市水利局：组织调度', points: 1, critical: false, source: 'duty', unit: 'shi-shuili' },
  { ref: 'tpl-00000004', phase: '演练组织', text: '=HYPERLINK("http://x")', points: 1, critical: false, source: 'template' },
]
const header: DrillHeader = { plan: 'shi-fangxun', date: '2026-05-12', kind: 'tabletop', scenario: '强降雨致城区内涝', location: '市应急指挥中心', organizer: 'shi-yingji', evaluators: ['王敏', '李强'] }
const findings: RecordFinding[] = [
  { ref: 'plan-00000002', text: '预警发布晚了 <b>20 分钟</b>', severity: 'major', unit: 'shi-qixiang', action: '修订预警发布流程', due: '2026-08-31', status: 'open', requires_revision: true },
]
const record = buildRecord(header, items, {
  'plan-00000001': { rating: 'met', elapsed: 22 },
  'plan-00000002': { rating: 'partial', note: '预警发布晚了\n约 20 分钟' },
  'duty-shi-shuili-00000003': { rating: 'na' },
}, findings)

describe('buildRecord', () => {
  it('writes every item as scored, with the recomputed score', () => {
    expect(record).toEqual({
      id: 'shi-fangxun-2026-05-12',
      plan: 'shi-fangxun',
      date: '2026-05-12',
      kind: 'tabletop',
      scenario: '强降雨致城区内涝',
      location: '市应急指挥中心',
      organizer: 'shi-yingji',
      evaluators: ['王敏', '李强'],
      scale: 'met-partial',
      checklist: [
        { ref: 'plan-00000001', phase: '预警与信息报告', text: '市水利局30分钟内报告水情', points: 5, critical: true, within: '30分钟', rating: 'met', awarded: 5, elapsed: '22分钟' },
        { ref: 'plan-00000002', phase: '预警与信息报告', text: '按规定发布预警', points: 3, critical: false, rating: 'partial', awarded: 1.5, note: '预警发布晚了\n约 20 分钟' },
        { ref: 'duty-shi-shuili-00000003', phase: '责任单位履职', text: '示例市水利局：组织调度', points: 1, critical: false, rating: 'na', awarded: 0 },
        { ref: 'tpl-00000004', phase: '演练组织', text: '=HYPERLINK("http://x")', points: 1, critical: false, rating: null, awarded: null },
      ],
      score: 72.2,
      grade: '合格',
      unrated: 1,
      provisional: true,
      findings,
    })
    expect(validate('drill', record)).toEqual([])
    expect(scoreRecord(record).score).toBe(record.score)
  })
  it('default id is plan-date, cleaned', () => {
    expect(defaultRecordId('Shi_Fangxun', '2026-05-12')).toBe('shi-fangxun-2026-05-12')
  })
})

describe('recordToMarkdown', () => {
  const md = recordToMarkdown(record, undefined, { planTitle: '示例市防汛抗旱应急预案' })
  it('has frontmatter valid against the drill schema and equal to the record', () => {
    const fm = readFrontmatter(md)
    expect(fm.issues).toEqual([])
    expect(validate('drill', fm.data)).toEqual([])
    expect(fm.data).toEqual(record)
  })
  it('writes the default after-action report with evaluator text escaped', () => {
    const body = md.slice(md.indexOf('\n---\n') + 5)
    expect(body).toBe(`
# 示例市防汛抗旱应急预案演练评估报告

## 一、演练概况

2026-05-12，shi-yingji在市应急指挥中心组织开展桌面推演。演练情景：强降雨致城区内涝。评估人员：王敏、李强。

## 二、评估结果

共 4 项评估项，已评定 3 项（其中不适用 1 项），得分 72.2，等级 合格。尚有 1 项未评定，得分为暂定。

## 三、主要做法和亮点

- （待补充）

## 四、存在的问题

- 按规定发布预警（基本达标）：预警发布晚了 约 20 分钟

## 五、纠正措施

| 问题 | 严重程度 | 责任单位 | 纠正措施 | 期限 | 状态 | 需修订预案 |
| --- | --- | --- | --- | --- | --- | --- |
| 预警发布晚了 \\<b\\>20 分钟\\</b\\> | 较重 | shi-qixiang | 修订预警发布流程 | 2026-08-31 | 未完成 | 是 |
`)
  })
  it('keeps a given narrative', () => {
    expect(recordToMarkdown(record, '# 报告\n\n正文').endsWith('---\n\n# 报告\n\n正文\n')).toBe(true)
  })
  it('round-trips through parseImport', () => {
    const back = parseImport(recordToMarkdown(record, '# 报告\n\n正文'))
    expect(back).toEqual({ ok: true, format: 'markdown', record, narrative: '# 报告\n\n正文' })
  })
})

describe('recordToJson and recordToCsv', () => {
  it('JSON is the bare record', () => {
    const json = recordToJson(record)
    expect(JSON.parse(json)).toEqual(record)
    expect(Object.keys(JSON.parse(json))[0]).toBe('id')
    expect(parseImport(json)).toEqual({ ok: true, format: 'json', record })
  })
  it('CSV has Chinese headers and values by default (N/A score blank, unrated 未评)', () => {
    expect(recordToCsv(record)).toBe(
      '\uFEFF编号,环节,评估项目,分值,否决项,时限,评定,得分,用时,说明\r\n' +
        'plan-00000001,预警与信息报告,市水利局30分钟内报告水情,5,是,30分钟,达标,5,22分钟,\r\n' +
        'plan-00000002,预警与信息报告,按规定发布预警,3,否,,基本达标,1.5,,"预警发布晚了\n约 20 分钟"\r\n' +
        'duty-shi-shuili-00000003,责任单位履职,示例市水利局：组织调度,1,否,,不适用,,,\r\n' +
        'tpl-00000004,演练组织,"\'=HYPERLINK(""http://x"")",1,否,,未评,,,\r\n',
    )
  })
  it('CSV in English has a BOM, CRLF, quoting and no formulas', () => {
    expect(recordToCsv(record, 'en')).toBe(
      '\uFEFFref,phase,text,points,critical,within,rating,awarded,elapsed,note\r\n' +
        'plan-00000001,预警与信息报告,市水利局30分钟内报告水情,5,true,30分钟,met,5,22分钟,\r\n' +
        'plan-00000002,预警与信息报告,按规定发布预警,3,false,,partial,1.5,,"预警发布晚了\n约 20 分钟"\r\n' +
        'duty-shi-shuili-00000003,责任单位履职,示例市水利局：组织调度,1,false,,na,0,,\r\n' +
        'tpl-00000004,演练组织,"\'=HYPERLINK(""http://x"")",1,false,,,,,\r\n',
    )
  })
})
