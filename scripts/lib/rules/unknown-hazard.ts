import { defineRule, message } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import type { Taxonomy } from '../model/taxonomy.ts'
import { closest } from '../text/closest.ts'

type D = { id: string; suggestion?: string; name?: string; nameEn?: string }
const m = message<D>

// Words people write for a hazard instead of its id: English terms and the pinyin of the common
// Chinese names, each mapped to the taxonomy id that covers it (台风 and 暴雨 are 气象灾害, 滑坡 is 地质灾害…).
const SYNONYMS: Record<string, string> = {
  typhoon: 'meteorological', hurricane: 'meteorological', storm: 'meteorological', rainstorm: 'meteorological',
  snowstorm: 'meteorological', blizzard: 'meteorological', heatwave: 'meteorological', 'heat-wave': 'meteorological',
  'cold-wave': 'meteorological', hail: 'meteorological', weather: 'meteorological', taifeng: 'meteorological', baoyu: 'meteorological',
  waterlogging: 'flood', inundation: 'flood', fangxun: 'flood', hongshui: 'flood', 'flood-control': 'flood',
  quake: 'earthquake', dizhen: 'earthquake',
  landslide: 'geological', mudslide: 'geological', 'debris-flow': 'geological', geology: 'geological', huapo: 'geological', nishiliu: 'geological',
  'storm-surge': 'marine', tsunami: 'marine',
  pest: 'biological',
  wildfire: 'forest-fire', 'wild-fire': 'forest-fire', 'grassland-fire': 'forest-fire', senlinhuozai: 'forest-fire',
  chemical: 'hazmat', chemicals: 'hazmat', 'hazardous-chemicals': 'hazmat', weihuapin: 'hazmat',
  'work-safety': 'production-safety', 'safety-production': 'production-safety', anquanshengchan: 'production-safety',
  traffic: 'road-traffic', 'traffic-accident': 'road-traffic',
  blackout: 'power-outage', power: 'power-outage', tingdian: 'power-outage',
  gas: 'gas-supply', 'gas-leak': 'gas-supply', ranqi: 'gas-supply',
  water: 'water-supply',
  elevator: 'special-equipment', boiler: 'special-equipment',
  radiation: 'nuclear-radiation', nuclear: 'nuclear-radiation',
  pollution: 'environmental', environment: 'environmental',
  pandemic: 'epidemic', outbreak: 'epidemic', 'infectious-disease': 'epidemic', 'public-health': 'epidemic', yiqing: 'epidemic',
  'food-poisoning': 'food-safety', food: 'food-safety',
  terror: 'terrorism', terrorist: 'terrorism',
  riot: 'mass-incident', protest: 'mass-incident',
  'network-security': 'cyber', 'cyber-security': 'cyber', cybersecurity: 'cyber', 'information-security': 'cyber',
}

/** The taxonomy id a wrong value most likely meant: a name, alias or synonym of a hazard, else the closest id. */
export function suggestHazard(value: string, taxonomy: Taxonomy): string | undefined {
  for (const h of taxonomy.hazards.values()) {
    if (value === h.name || h.aliases.includes(value) || value.toLowerCase() === h.name_en.toLowerCase()) return h.id
  }
  const synonym = SYNONYMS[value.toLowerCase()]
  if (synonym && taxonomy.get(synonym)) return synonym
  return closest(value, taxonomy.hazards.keys())
}

export default defineRule({
  id: 'unknown-hazard',
  name: { zh: '未知事件种类', en: 'Unknown hazard' },
  family: 'form',
  severity: 'error',
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: 'hazards 中有分类表里没有的事件种类', en: 'hazards holds an id that is not in the taxonomy' },
    why: {
      zh: '事件种类决定专项预案覆盖哪些风险；分类表依据《国家突发事件总体应急预案》（2025 年）的四大类及其种类（见 docs/regulations.md#categories）。不在分类表中的编号不会计入覆盖矩阵，这类风险看起来就像没有预案。',
      en: 'Hazards decide which risks a special plan covers; the taxonomy follows the four categories of the National Overall Emergency Plan (2025) and their event types (see docs/regulations.md#categories). An id outside it is left out of the coverage matrix, so the risk looks uncovered.',
    },
    notReported: {
      zh: '分类表中的编号和 library.yaml 的 taxonomy 中补充的编号不报告；总体预案可以不写 hazards。',
      en: 'Ids in the taxonomy or added under taxonomy in library.yaml are not reported; overall plans may omit hazards.',
    },
    fix: {
      zh: '改用分类表中的编号（消息会给出建议，例如台风、暴雨属于 meteorological 气象灾害）；本地特有的风险在 library.yaml 的 taxonomy 中补充。',
      en: 'Use an id from the taxonomy (the message suggests one: typhoons and rainstorms are meteorological); add a local hazard to library.yaml `taxonomy`.',
    },
    bad: 'hazards: [meteorological, typhoon]',
    good: 'hazards: [meteorological]   # 台风属于气象灾害\n\n# 或在 library.yaml 中补充：\ntaxonomy:\n  typhoon: { name: 台风灾害, category: natural }',
  },
  messages: {
    default: m((d) => `事件种类“${d.id}”不在分类表中，请改用分类表中的编号或在 library.yaml 的 taxonomy 中补充`, (d) => `Hazard "${d.id}" is not in the taxonomy; use a taxonomy id or add it to library.yaml \`taxonomy\``),
    suggest: m(
      (d) => `事件种类“${d.id}”不在分类表中，是否应为“${d.suggestion}”（${d.name}）？`,
      (d) => `Hazard "${d.id}" is not in the taxonomy — did you mean "${d.suggestion}" (${d.nameEn})?`,
    ),
  },
  checkPlan(plan, ctx) {
    const { taxonomy } = ctx.library
    plan.data.hazards?.forEach((id, i) => {
      if (taxonomy.get(id)) return
      const suggestion = suggestHazard(id, taxonomy)
      ctx.report({
        file: plan,
        place: yamlPlace(plan, ['hazards', i]),
        messageId: suggestion ? 'suggest' : 'default',
        // Both names: file-scope findings are cached without the locale.
        data: { id, suggestion, name: suggestion ? taxonomy.name(suggestion) : undefined, nameEn: suggestion ? taxonomy.name(suggestion, 'en') : undefined },
      })
    })
  },
})
