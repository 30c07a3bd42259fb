// The starting files of a new library (`yuanku init`): a units.yaml skeleton with the departments
// typical of a jurisdiction level, named as after the 2018–2019 institutional reform (应急管理局,
// 自然资源局, 卫生健康委/局, 生态环境局, 消防救援支队/大队 …).

export type InitLevel = 'city' | 'county' | 'township' | 'enterprise'
export const INIT_LEVELS: InitLevel[] = ['city', 'county', 'township', 'enterprise']

/** [id suffix, name (「」 = the jurisdiction's name), kind, short alias (「」 = 市/县/镇), note] */
type Entry = [string, string, string, string?, string?]

const DEFAULT_NAME: Record<InitLevel, string> = { city: '某某市', county: '某某县', township: '某某镇', enterprise: '某某有限公司' }
const PREFIX: Record<InitLevel, string> = { city: 'shi', county: 'xian', township: 'zhen', enterprise: 'qiye' }
const SHORT: Record<InitLevel, string> = { city: '市', county: '县', township: '镇', enterprise: '' }

const GOVERNMENT: Record<Exclude<InitLevel, 'enterprise'>, Entry[]> = {
  city: [
    ['zhengfu', '「」人民政府', 'government', '「」政府'],
    ['zhengfu-ban', '「」人民政府办公室', 'government', '「」政府办'],
    ['yingji', '「」应急管理局', 'department', '「」应急局', '承担应急管理综合职责；原安全生产监督管理局撤销后由其承接'],
    ['fagai', '「」发展和改革委员会', 'department', '「」发改委'],
    ['gongxin', '「」工业和信息化局', 'department', '「」工信局'],
    ['jiaoyu', '「」教育局', 'department'],
    ['gongan', '「」公安局', 'department'],
    ['minzheng', '「」民政局', 'department'],
    ['caizheng', '「」财政局', 'department'],
    ['ziran', '「」自然资源和规划局', 'department', '「」自然资源局', '地质灾害防治；森林防火职责（原林业局）'],
    ['shengtai', '「」生态环境局', 'department', undefined, '突发环境事件；原环境保护局'],
    ['zhujian', '「」住房和城乡建设局', 'department', '「」住建局'],
    ['jiaotong', '「」交通运输局', 'department'],
    ['shuili', '「」水利局', 'department', undefined, '防汛抗旱、水旱灾害防御'],
    ['nongye', '「」农业农村局', 'department'],
    ['shangwu', '「」商务局', 'department'],
    ['wenlv', '「」文化广电和旅游局', 'department', '「」文旅局'],
    ['weijian', '「」卫生健康委员会', 'department', '「」卫健委', '突发公共卫生事件、医疗救治；原卫生和计划生育委员会'],
    ['shichang', '「」市场监督管理局', 'department', '「」市场监管局', '食品药品安全、特种设备'],
    ['chengguan', '「」城市管理局', 'department', '「」城管局'],
    ['qixiang', '「」气象局', 'department'],
    ['dizhen', '「」地震局', 'department'],
    ['xuanchuan', '中共「」委宣传部', 'department', '「」委宣传部', '新闻发布和舆论引导'],
    ['xiaofang', '「」消防救援支队', 'team', undefined, '国家综合性消防救援队伍'],
    ['gongdian', '国网「」供电公司', 'enterprise', '「」供电公司'],
  ],
  county: [
    ['zhengfu', '「」人民政府', 'government', '「」政府'],
    ['zhengfu-ban', '「」人民政府办公室', 'government', '「」政府办'],
    ['yingji', '「」应急管理局', 'department', '「」应急局', '承担应急管理综合职责；原安全生产监督管理局撤销后由其承接'],
    ['fagai', '「」发展和改革局', 'department', '「」发改局'],
    ['jiaoyu', '「」教育局', 'department'],
    ['gongan', '「」公安局', 'department'],
    ['minzheng', '「」民政局', 'department'],
    ['caizheng', '「」财政局', 'department'],
    ['ziran', '「」自然资源局', 'department', undefined, '地质灾害防治；森林防火职责（原林业局）'],
    ['shengtai', '市生态环境局「」分局', 'department', '生态环境分局', '环保机构垂直管理改革后为市局派出机构，请按实际名称填写'],
    ['zhujian', '「」住房和城乡建设局', 'department', '「」住建局'],
    ['jiaotong', '「」交通运输局', 'department'],
    ['shuili', '「」水利局', 'department', undefined, '防汛抗旱、水旱灾害防御'],
    ['nongye', '「」农业农村局', 'department'],
    ['weijian', '「」卫生健康局', 'department', '「」卫健局', '县级多为卫生健康局'],
    ['shichang', '「」市场监督管理局', 'department', '「」市场监管局'],
    ['qixiang', '「」气象局', 'department'],
    ['wuzhuang', '「」人民武装部', 'other', '「」人武部', '民兵应急分队'],
    ['xiaofang', '「」消防救援大队', 'team', undefined, '国家综合性消防救援队伍'],
    ['gongdian', '国网「」供电公司', 'enterprise', '「」供电公司'],
  ],
  township: [
    ['zhengfu', '「」人民政府', 'government', '「」政府', '街道为街道办事处'],
    ['dangzheng-ban', '「」党政综合办公室', 'township', '「」党政办'],
    ['yingji-ban', '「」应急管理办公室', 'township', '「」应急办', '各地名称不一：应急管理办公室、应急管理站、安全生产和应急管理办公室'],
    ['zonghe-zhifa', '「」综合行政执法队', 'township', '「」综合执法队'],
    ['nongye-fuwu', '「」农业农村综合服务中心', 'township', '「」农服中心'],
    ['weishengyuan', '「」卫生院', 'other', undefined, '街道为社区卫生服务中心'],
    ['paichusuo', '「」派出所', 'other', undefined, '县公安局派出机构'],
    ['zhongxin-xuexiao', '「」中心学校', 'other'],
    ['jiuyuan', '「」综合应急救援队', 'team', '「」应急救援队', '乡镇（街道）综合性应急救援队伍或专职消防队'],
  ],
}

const ENTERPRISE: Entry[] = [
  ['anhuan', '安全环保部', 'other', undefined, '安全生产管理机构，应急预案的日常管理'],
  ['shengchan', '生产运行部', 'other'],
  ['shebei', '设备管理部', 'other'],
  ['zonghe', '综合办公室', 'other'],
  ['jiuyuan', '专职消防队', 'team', undefined, '或兼职应急救援队伍'],
  ['yiliao', '医务室', 'other'],
]

function yamlString(text: string): string {
  // Quote only what YAML would misread; plain Chinese names stay unquoted as people write them.
  return /^[\p{L}\p{N}（）()·、\-]+$/u.test(text) ? text : JSON.stringify(text)
}

/** The text of units.yaml for a new library. */
export function unitsTemplate(level: InitLevel, name = DEFAULT_NAME[level]): string {
  const prefix = PREFIX[level]
  const fill = (s: string) => s.replaceAll('「」', name)
  const short = (s: string) => s.replaceAll('「」', SHORT[level])
  const lines: string[] = [
    `# ${name} 单位名录 · Unit registry.`,
    '# 预案用编号（id）引用单位，正文用名称或简称（aliases）。下面是本层级常见的部门骨架：请改成本地实际的名称，',
    '# 删去没有的，补上缺少的；编号一经使用不要再改。机构改革撤销的单位保留并写明 status: dissolved、replaced_by。',
    '# Plans refer to units by id and name them in the text by name or alias. Below is a skeleton of the units',
    '# typical of this level: rename to the real names, delete what does not exist, add what is missing. Keep ids stable.',
    'units:',
  ]
  if (level === 'enterprise') {
    lines.push(
      '  # ── 企业 The enterprise ─────────────────────────────────────',
      '  # parent：企业所在的行政区划编号；需要时在上面加一条 kind: jurisdiction 的行政区。',
      '  # parent: the jurisdiction the enterprise is in; add it above as kind: jurisdiction when needed.',
      `  - { id: ${prefix}, name: ${yamlString(name)}, kind: enterprise }`,
      '',
      '  # ── 内设部门和队伍 Departments and teams ─────────────────────',
    )
    for (const [id, unitName, kind, alias, note] of ENTERPRISE) {
      lines.push(`  - { id: ${prefix}-${id}, name: ${yamlString(`${name}${unitName}`)}, kind: ${kind}, parent: ${prefix}, aliases: [${yamlString(alias ?? unitName)}] }${note ? `  # ${note}` : ''}`)
    }
    return `${lines.join('\n')}\n`
  }
  const levelKey = level
  lines.push(
    '  # ── 行政区划 Jurisdiction ───────────────────────────────────',
    `  # 上级行政区可加在这里，并把 parent 指向它 / add the higher jurisdiction here and point parent at it:`,
    `  # - { id: sheng, name: 某某省, kind: jurisdiction, level: province }`,
    `  - { id: ${prefix}, name: ${yamlString(name)}, kind: jurisdiction, level: ${levelKey} }`,
    '',
    `  # ── ${name} 人民政府及部门 Government and departments ──────────`,
  )
  for (const [id, unitName, kind, alias, note] of GOVERNMENT[level]) {
    const aliases = alias ? `, aliases: [${yamlString(short(alias))}]` : kind === 'department' ? `, aliases: [${yamlString(`${SHORT[level]}${unitName.replace('「」', '')}`)}]` : ''
    lines.push(`  - { id: ${prefix}-${id}, name: ${yamlString(fill(unitName))}, kind: ${kind}, parent: ${prefix}${aliases} }${note ? `  # ${note}` : ''}`)
  }
  if (level === 'township') {
    lines.push(
      '',
      '  # ── 村（社区）Villages and communities ───────────────────────',
      `  # - { id: ${prefix}-cun-1, name: 某某村, kind: jurisdiction, level: village, parent: ${prefix} }`,
    )
  } else {
    lines.push(
      '',
      '  # ── 下级行政区 Lower jurisdictions ───────────────────────────',
      `  # - { id: ${prefix}-${level === 'city' ? 'xian-1' : 'zhen-1'}, name: ${level === 'city' ? '某某县' : '某某镇'}, kind: jurisdiction, level: ${level === 'city' ? 'county' : 'township'}, parent: ${prefix} }`,
      '',
      '  # ── 机构改革撤销的单位（旧预案仍引用时保留）Dissolved units still cited by old plans ──',
      `  # - { id: ${prefix}-anjian, name: ${name}安全生产监督管理局, kind: department, parent: ${prefix}, status: dissolved, dissolved_on: 2019-01-15, replaced_by: ${prefix}-yingji }`,
    )
  }
  return `${lines.join('\n')}\n`
}

export const initDefaults = { name: DEFAULT_NAME, prefix: PREFIX }
