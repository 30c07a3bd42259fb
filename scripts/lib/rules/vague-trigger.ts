import { defineRule, message } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'

type D = { level: string; roman: string; word: string }
const m = message<D>

const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' }

/** Words that leave the decision to someone's judgement. */
const VAGUE = /视情况|视情|根据需要|根据实际需要|根据工作需要|根据事态发展|视事态发展|必要时|需要时|酌情|认为需要|认为有必要/
/**
 * An objective criterion: a count or measure, a severity or warning level, a scope (跨县、两个以上乡镇、
 * 全市), or a named event class (one of the taxonomy's hazards, a dam or dike failure…).
 */
const NUMBER = /[0-9０-９]|[一二两三四五六七八九十百千万]+\s*(?:人|名|户|间|处|家|辆|艘|公顷|亩|公里|千米|米|毫米|小时|天|日|级|个|座|条|起)/
const LEVEL = /特别重大|重大|较大|一般|红色|橙色|黄色|蓝色|[ⅠⅡⅢⅣIV]+\s*级|[一二三四]级/
const SCOPE = /跨(?:省|市|县|区|乡|镇|流域|行政区)|两个(?:以上|及以上)|多个(?:县|区|乡|镇|部门)|全(?:省|市|县|区|镇)|本(?:省|市|县|区)行政区域|涉及|超出|超过/
const EVENT = /溃坝|决堤|溃堤|垮坝|泄漏|爆炸|坍塌|滑坡|泥石流|山洪|疫情|地震|台风|暴雨|火灾|中毒|停电|断水/

/** The vague word of a trigger that has no objective criterion, else undefined. */
export function vagueWord(trigger: string, hazardNames: string[]): string | undefined {
  const vague = VAGUE.exec(trigger)
  if (!vague) return undefined
  if (NUMBER.test(trigger) || LEVEL.test(trigger) || SCOPE.test(trigger) || EVENT.test(trigger)) return undefined
  if (hazardNames.some((n) => n.length >= 2 && trigger.includes(n))) return undefined
  return vague[0]
}

export default defineRule({
  id: 'vague-trigger',
  name: { zh: '启动条件不明确', en: 'Vague trigger' },
  family: 'operability',
  severity: 'warn',
  scope: 'file',
  options: {},
  docs: {
    summary: {
      zh: '响应级别的启动条件只有“视情况”“根据需要”“必要时”，没有客观标准',
      en: 'A response level is triggered only "as the situation requires", with no objective criterion',
    },
    why: {
      zh: '预案必须规定分级响应（突发事件应对法（2024 年修订）第二十八条），每一级的启动条件要能对照判断：伤亡人数、经济损失、受灾范围、事件等级或预警级别。只写“视情况启动”“根据需要启动”“必要时启动”，事发时无人能确定是否、由谁启动哪一级响应，演练中也无法评分。',
      en: 'A plan must define response levels (Emergency Response Law, 2024 revision, art. 28), and each level\'s trigger must be checkable: casualties, losses, affected area, event severity or warning level. "Start as the situation requires / if needed / when necessary" leaves nobody able to tell whether and which level to start, and a drill cannot score it.',
    },
    fix: {
      zh: '在 trigger 中写明客观标准，如“造成3人以上10人以下死亡”“发布橙色预警”“影响两个以上乡镇”“发生较大突发事件”；“必要时”可以保留，但要与客观标准同时出现。',
      en: 'Put an objective criterion in trigger, e.g. 造成3人以上10人以下死亡 (3 to 9 deaths), 发布橙色预警 (orange warning), 影响两个以上乡镇 (two or more townships), 发生较大突发事件 (a major event); 必要时 may stay beside such a criterion.',
    },
    notReported: {
      zh: '启动条件中同时有数字或数量（人、户、公顷、毫米、小时…）、事件等级（特别重大、重大、较大、一般，Ⅰ–Ⅳ级）、预警颜色、范围（跨县、两个以上乡镇、全市、超出本级处置能力）或具体事件（分类表中的事件种类名称、溃坝、泄漏、爆炸等）时不报告；没有“视情况/根据需要/必要时”等词的启动条件不报告（写得笼统但无此类词的，由人工评审）；只检查前言 response_levels 中的 trigger，正文不检查。',
      en: 'Not reported when the trigger also has a number or quantity (people, households, hectares, millimetres, hours…), a severity (特别重大, 重大, 较大, 一般, level Ⅰ–Ⅳ), a warning colour, a scope (cross-county, two or more townships, the whole city, beyond the local capacity) or a named event (a hazard name of the taxonomy, dam failure, leak, explosion…); triggers without a word like 视情况/根据需要/必要时 are not reported (other vague wording is left to review); only trigger in the frontmatter\'s response_levels is checked, not the body.',
    },
    bad: 'response_levels:\n  - level: IV\n    trigger: 视情况启动\n    commander: 县应急管理局局长',
    good: 'response_levels:\n  - level: IV\n    trigger: 发布蓝色预警，或造成1人以上3人以下死亡，必要时由县应急管理局局长决定提前启动\n    commander: 县应急管理局局长',
  },
  messages: {
    default: m(
      (d) => `${d.roman}级响应的启动条件只有“${d.word}”，没有客观标准：请写明伤亡人数、影响范围、事件等级或预警级别`,
      (d) => `Response level ${d.level} is triggered only "${d.word}" (as needed), with no objective criterion: state casualties, scope, event severity or warning level`,
    ),
  },
  checkPlan(plan, ctx) {
    const names: string[] = []
    for (const h of ctx.library.taxonomy.hazards.values()) names.push(h.name, ...(h.aliases ?? []))
    plan.data.response_levels?.forEach((entry, i) => {
      if (typeof entry.trigger !== 'string') return
      const word = vagueWord(entry.trigger, names)
      if (!word) return
      ctx.report({ file: plan, place: yamlPlace(plan, ['response_levels', i, 'trigger']), data: { level: entry.level, roman: ROMAN[entry.level] ?? entry.level, word } })
    })
  },
})
