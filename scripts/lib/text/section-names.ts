import { sectionName } from '../model/plan.ts'

/**
 * Chapter names that real plans use for the same required chapter. Each group is a set of equivalent
 * names; a required title is satisfied by a heading whose normalised name is in any group holding the
 * title. Built from the chapter names of the national overall plan (2006 and 2025), national special
 * plans (防汛抗旱, 地震, 自然灾害救助, 安全生产事故灾难), provincial and municipal model outlines, and the
 * GB/T 29639-2020 enterprise outline (综合应急预案, 专项应急预案, 现场处置方案).
 */
export const DEFAULT_SECTION_SYNONYMS: string[][] = [
  ['总则', '总纲', '总体要求'],
  [
    '组织指挥体系', '组织体系', '组织指挥体系及职责', '组织指挥机构及职责', '组织机构及职责', '组织机构',
    '应急组织体系', '应急组织指挥体系', '应急指挥体系', '指挥体系', '应急指挥机构及职责', '应急组织机构及职责',
    '应急组织机构', '组织领导', '应急组织与职责', '组织机构及其职责',
  ],
  [
    '监测预警', '预防与预警', '预防和预警机制', '预防预警', '监测与预警', '风险防控与监测预警', '风险防控',
    '预测与预警', '预警', '风险监测与预警', '监测预警与信息报告', '预防与应急准备', '风险防范与监测预警',
    '监测与报告', '预警与信息报告', '风险防控与预警',
  ],
  [
    '应急响应', '响应', '应急处置', '应急处置与救援', '处置与救援', '应急响应与处置', '应急处置与响应',
    '应急救援', '分级响应', '响应机制', 'Response',
  ],
  ['后期处置', '善后工作', '善后处置', '恢复与重建', '恢复重建', '后期处理', '后期工作', '善后与恢复重建', '灾后恢复重建', '事后恢复与重建'],
  ['应急保障', '保障措施', '应急保障措施', '综合保障', '保障', '应急准备与保障', '资源保障'],
  ['预案管理', '附则与预案管理', '监督管理', '预案管理与更新', '预案的管理', '管理与更新'],
  // GB/T 29639-2020 专项应急预案 and 现场处置方案.
  ['适用范围', '适用对象与范围'],
  ['响应启动', '应急响应启动', '启动响应', '响应程序', '响应分级与启动'],
  ['处置措施', '应急处置措施', '应急处置'],
  ['事故风险描述', '事故风险分析', '风险描述', '事故风险', '事故风险辨识与描述', '风险分析'],
  ['应急工作职责', '应急组织与职责', '应急组织及职责', '工作职责', '岗位职责'],
  ['注意事项', '注意事宜'],
]

/** Names that count as 预案管理 only when the chapter holds management, assessment and revision. */
export const CONDITIONAL_MANAGEMENT = ['附则', '附则与附件']

/**
 * A chapter name reduced to what distinguishes it: numbering stripped (一、 （一） 1. 1.1 第一章 Ⅰ.),
 * 与/和/及/以及/、 treated alike, and 机制/体系 optional (预防和预警机制 = 预防与预警).
 */
export function sectionKey(title: string): string {
  const bare = title.trim().replace(/^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]+[、.．\s\u3000]*/, '').replace(/^[一二三四五六七八九十]+[\s\u3000]+/, '')
  return sectionName(bare)
    .replace(/以及|[和及、&]/g, '与')
    .replace(/机制|体系/g, '')
    .replace(/与其/g, '与')
    .toLowerCase()
}

/** Required title → the keys of every name that stands for it (the title itself, its groups, extra aliases). */
export function synonymKeys(title: string, extraAliases: string[], groups: string[][]): Set<string> {
  const key = sectionKey(title)
  const keys = new Set([key, ...extraAliases.map(sectionKey)])
  for (const group of groups) {
    if (group.some((n) => sectionKey(n) === key)) for (const n of group) keys.add(sectionKey(n))
  }
  return keys
}

/**
 * The default groups with a library's additions (`section_synonyms`: title → more names) merged in:
 * additions join the group of their title, or start a new one.
 */
export function synonymGroups(additions: Record<string, string[]> | undefined): string[][] {
  const groups = DEFAULT_SECTION_SYNONYMS.map((g) => [...g])
  for (const [title, names] of Object.entries(additions ?? {})) {
    const key = sectionKey(title)
    const group = groups.find((g) => g.some((n) => sectionKey(n) === key))
    if (group) group.push(...names)
    else groups.push([title, ...names])
  }
  return groups
}
