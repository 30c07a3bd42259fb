// `yuanku new`: a draft plan with valid frontmatter and every required section, flagged only as unfilled.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TODAY, workspace, yuanku } from './helpers.ts'

const SPECIAL_SECTIONS = [
  ['总则', '编制目的、编制依据、适用范围和工作原则'],
  ['组织指挥体系', '指挥机构组成、办公室设置和各成员单位职责'],
  ['监测预警', '风险分析、监测手段、预警分级、发布与解除'],
  ['应急响应', '响应分级及启动条件、信息报告时限、处置措施和响应结束'],
  ['后期处置', '善后处置、调查评估和恢复重建'],
  ['应急保障', '应急队伍、物资装备、资金、通信和交通保障'],
  ['预案管理', '预案评估修订周期、演练要求、宣传培训和施行日期'],
]
const DRILL = ['预警与信息报告', '应急响应启动', '现场处置', '应急保障']

const XISHAN_FLOOD = [
  '---',
  'id: xishan-xian-flood',
  'title: 西山县洪涝灾害应急预案',
  'type: special',
  'jurisdiction: xishan-xian',
  'category: [natural]',
  'hazards: [flood]',
  'issuer: xishan-zhengfu',
  'lead_unit: xishan-yingji',
  'units:',
  '  - unit: xishan-yingji',
  '    role: lead',
  '    duties: [牵头组织本预案的应急处置工作]',
  'parents:',
  '  - plan: shili-zongti',
  'status: draft',
  'version: 2026版',
  'dates:',
  '  drafted: 2026-11-01',
  '---',
  '',
  '# 西山县洪涝灾害应急预案',
  '',
  ...SPECIAL_SECTIONS.flatMap(([title, what], i) => [`## ${i + 1} ${title}`, '', `【待填写：${what}】`, '']),
  '## 8 演练评估要点',
  '',
  ...DRILL.flatMap((phase) => [`### ${phase}`, '', `- [ ] 【待填写：${phase}的评估项，写明单位、动作和时限】 {分值=5}`, '']),
].join('\n')

describe('yuanku new', { timeout: 120_000 }, () => {
  it('scaffolds a special plan with guessed issuer, lead and parent, and says what to do next', async () => {
    const dir = workspace()
    const r = await yuanku(['new', '--type', 'special', '--jurisdiction', 'xishan-xian', '--hazard', 'flood', '--today', TODAY], dir)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(
      [
        '已创建 plans/xishan-xian-flood.md（西山县洪涝灾害应急预案，草案）',
        '  上位预案：shili-zongti（示例市突发事件总体应急预案）',
        '  请填写所有“【待填写：…】”处，然后运行：yuanku lint plans/xishan-xian-flood.md',
        '',
      ].join('\n'),
    )
    expect(r.code).toBe(0)
    expect(readFileSync(join(dir, 'plans/xishan-xian-flood.md'), 'utf8')).toBe(XISHAN_FLOOD)
  })

  it('the new plan lints with only its placeholders, as warnings', async () => {
    const dir = workspace()
    await yuanku(['new', '--type', 'special', '--jurisdiction', 'xishan-xian', '--hazard', 'flood', '--today', TODAY], dir)
    const r = await yuanku(['lint', 'plans/xishan-xian-flood.md', '--format', 'json', '--today', TODAY, '--no-cache'], dir)
    const findings = JSON.parse(r.stdout).findings as { line: number; column: number; ruleId: string; severity: string; message: string }[]
    expect(findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`)).toEqual([
      ...SPECIAL_SECTIONS.map(([, what], i) => `${26 + 4 * i}:1 warn placeholder-text 正文中留有未填写的占位符“【待填写：${what}】”`),
      ...DRILL.map((phase, i) => `${56 + 4 * i}:7 warn placeholder-text 正文中留有未填写的占位符“【待填写：${phase}的评估项，写明单位、动作和时限】”`),
    ])
    expect(r.code).toBe(0)
    // The rest of the library is unchanged by it.
    const all = await yuanku(['lint', '--format', 'json', '--today', TODAY, '--no-cache'], dir)
    expect(JSON.parse(all.stdout).findings.filter((f: { file: string }) => f.file !== 'plans/xishan-xian-flood.md')).toHaveLength(4)
  })

  it('takes names and aliases, puts the file beside the owner’s plans of the same type, speaks English', async () => {
    const dir = workspace()
    const r = await yuanku(['new', '--type', 'special', '--jurisdiction', '示例市', '--hazard', '地震', '--lead', '市应急局', '--today', TODAY, '--locale', 'en'], dir)
    expect(r.stdout).toBe(
      [
        'Created plans/city/shili-shi-earthquake.md (示例市地震灾害应急预案, draft)',
        '  parent: shili-zongti (示例市突发事件总体应急预案)',
        '  Fill in every 【待填写：…】 placeholder, then run: yuanku lint plans/city/shili-shi-earthquake.md',
        '',
      ].join('\n'),
    )
    const text = readFileSync(join(dir, 'plans/city/shili-shi-earthquake.md'), 'utf8')
    expect(text).toContain('\nhazards: [earthquake]\nissuer: shi-zhengfu\nlead_unit: shi-yingji\n')
  })

  it('an overall plan covers all four categories and links to the jurisdiction above', async () => {
    const dir = workspace()
    await yuanku(['new', '--type', 'overall', '--jurisdiction', 'xishan-xian', '--today', TODAY, '--dir', 'plans/xishan'], dir)
    const text = readFileSync(join(dir, 'plans/xishan/xishan-xian-overall.md'), 'utf8')
    expect(text.split('\n').slice(0, 17).join('\n')).toBe(
      [
        '---',
        'id: xishan-xian-overall',
        'title: 西山县突发事件总体应急预案',
        'type: overall',
        'jurisdiction: xishan-xian',
        'category: [natural, accident, public-health, social-security]',
        'issuer: xishan-zhengfu',
        'units:',
        '  - unit: xishan-zhengfu',
        '    role: lead',
        '    duties: [统一领导、组织和协调本预案的应急处置工作]',
        'parents:',
        '  - plan: shili-zongti',
        'status: draft',
        'version: 2026版',
        'dates:',
        '  drafted: 2026-11-01',
      ].join('\n'),
    )
  })

  it('refuses to overwrite an existing file unless --force', async () => {
    const dir = workspace()
    const args = ['new', '--type', 'special', '--jurisdiction', 'xishan-xian', '--hazard', 'flood', '--today', TODAY]
    await yuanku(args, dir)
    const file = join(dir, 'plans/xishan-xian-flood.md')
    writeFileSync(file, 'edited by hand\n')
    const again = await yuanku(args, dir)
    expect([again.code, again.stdout, again.stderr]).toEqual([2, '', 'yuanku new: plans/xishan-xian-flood.md 已存在；用 --force 覆盖 / plans/xishan-xian-flood.md exists; use --force to overwrite it\n'])
    expect(readFileSync(file, 'utf8')).toBe('edited by hand\n')
    const forced = await yuanku([...args, '--force'], dir)
    expect(forced.code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(XISHAN_FLOOD)
  })

  it('unknown type, jurisdiction, hazard, unit or parent: a suggestion, exit 2, nothing written', async () => {
    const dir = workspace()
    const before = readdirSync(join(dir, 'plans'))
    const cases: [string[], string][] = [
      [['--type', 'specal', '--jurisdiction', 'xishan-xian', '--hazard', 'flood'], '未知预案类型“specal”，是否要找“special”？ / unknown plan type "specal"; did you mean "special"?'],
      [['--type', 'special', '--jurisdiction', 'xishan-xia', '--hazard', 'flood'], '未知行政区“xishan-xia”，是否要找“xishan-xian”？ / unknown jurisdiction "xishan-xia"; did you mean "xishan-xian"?'],
      [['--type', 'special', '--jurisdiction', 'xishan-xian', '--hazard', 'flod'], '未知事件种类“flod”，是否要找“flood”？ / unknown hazard "flod"; did you mean "flood"?'],
      [['--type', 'special', '--jurisdiction', 'xishan-xian', '--hazard', 'flood', '--parent', 'shili-zongt'], '未知上位预案“shili-zongt”，是否要找“shili-zongti”？ / unknown parent plan "shili-zongt"; did you mean "shili-zongti"?'],
      [['--type', 'special', '--jurisdiction', 'shili-shi', '--hazard', 'flood', '--lead', 'shi-linye'], '单位“示例市林业局”（shi-linye）已撤销，请改用“示例市自然资源和规划局”（shi-ziran） / unit "shi-linye" was dissolved; use "shi-ziran"'],
      [['--type', 'special', '--jurisdiction', 'xishan-xian'], '除总体预案外须写明事件种类：--hazard ID（可重复） / --hazard is required for every type but overall'],
      [['--type', 'special', '--jurisdiction', 'shili-shi', '--hazard', 'flood', '--id', 'shili-senlin'], '预案编号“shili-senlin”已被 plans/city/forest.md 使用，请用 --id 另取 / plan id "shili-senlin" is already used by plans/city/forest.md; choose another with --id'],
    ]
    for (const [args, message] of cases) {
      const r = await yuanku(['new', ...args, '--today', TODAY], dir)
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `yuanku new: ${message}\n`])
    }
    expect(readdirSync(join(dir, 'plans'))).toEqual(before)
    expect(existsSync(join(dir, 'plans/shili-shi-flood.md'))).toBe(false)
  })
})
