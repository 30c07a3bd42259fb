/** The four event categories of the 国家突发事件总体应急预案 (2025; the 2006 national plan had the same four). */
export const CATEGORIES = {
  natural: { name: '自然灾害', name_en: 'Natural disasters' },
  accident: { name: '事故灾难', name_en: 'Accidents and disasters' },
  'public-health': { name: '公共卫生事件', name_en: 'Public health events' },
  'social-security': { name: '社会安全事件', name_en: 'Social security events' },
} as const

export type Category = keyof typeof CATEGORIES

export interface Hazard {
  id: string
  name: string
  name_en: string
  category: Category
  aliases: string[]
}

type HazardRow = [id: string, name: string, name_en: string, aliases?: string[]]

// Event types of the national overall plan and those local plans commonly add; a library adds its own in
// library.yaml `taxonomy`.
const BUILT_IN: Record<Category, HazardRow[]> = {
  natural: [
    ['flood', '洪涝灾害', 'Flood', ['防汛', '洪水', '内涝', '水灾']],
    ['drought', '干旱灾害', 'Drought', ['抗旱']],
    ['meteorological', '气象灾害', 'Severe weather', ['暴雨', '台风', '寒潮', '暴雪', '高温']],
    ['earthquake', '地震灾害', 'Earthquake', ['地震']],
    ['geological', '地质灾害', 'Geological hazard', ['滑坡', '泥石流', '崩塌']],
    ['marine', '海洋灾害', 'Marine hazard', ['风暴潮']],
    ['biological', '生物灾害', 'Biological hazard', ['病虫害']],
    ['forest-fire', '森林草原火灾', 'Forest and grassland fire', ['森林火灾', '森林防火']],
  ],
  accident: [
    ['production-safety', '生产安全事故', 'Production safety accident', ['安全生产', '工矿商贸']],
    ['hazmat', '危险化学品事故', 'Hazardous chemicals accident', ['危险化学品', '危化品']],
    ['mine', '矿山事故', 'Mine accident', ['矿山']],
    ['fire', '火灾事故', 'Fire', ['火灾']],
    ['road-traffic', '道路交通事故', 'Road traffic accident', ['交通事故']],
    ['power-outage', '大面积停电事件', 'Large-scale power outage', ['停电']],
    ['gas-supply', '燃气事故', 'Gas accident', ['燃气']],
    ['water-supply', '供水突发事件', 'Water supply incident', ['供水']],
    ['special-equipment', '特种设备事故', 'Special equipment accident', ['特种设备']],
    ['construction', '建设工程事故', 'Construction accident', ['建设工程']],
    ['nuclear-radiation', '核与辐射事故', 'Nuclear and radiation accident', ['辐射']],
    ['environmental', '突发环境事件', 'Environmental incident', ['环境污染']],
    ['oil-spill', '溢油事故', 'Oil spill', ['溢油']],
  ],
  'public-health': [
    ['epidemic', '传染病疫情', 'Infectious disease outbreak', ['疫情', '突发公共卫生事件']],
    ['unexplained-disease', '群体性不明原因疾病', 'Cluster of unexplained disease'],
    ['food-safety', '食品安全事故', 'Food safety incident', ['食品安全']],
    ['occupational-hazard', '职业危害事件', 'Occupational hazard'],
    ['animal-epidemic', '动物疫情', 'Animal epidemic'],
    ['drug-safety', '药品安全事件', 'Drug safety incident', ['药品安全']],
  ],
  'social-security': [
    ['terrorism', '恐怖袭击事件', 'Terrorist attack', ['反恐']],
    ['mass-incident', '群体性事件', 'Mass incident'],
    ['cyber', '网络与信息安全事件', 'Cyber and information security incident', ['网络安全']],
    ['financial', '金融突发事件', 'Financial incident', ['金融']],
    ['foreign-related', '涉外突发事件', 'Foreign-related incident', ['涉外']],
    ['ethnic-religious', '民族宗教事件', 'Ethnic or religious incident'],
    ['major-crime', '重大刑事案件', 'Major criminal case'],
    ['economic-security', '经济安全事件', 'Economic security incident', ['市场供应']],
  ],
}

export function builtInHazards(): Hazard[] {
  return Object.entries(BUILT_IN).flatMap(([category, rows]) =>
    rows.map(([id, name, name_en, aliases = []]) => ({ id, name, name_en, category: category as Category, aliases })),
  )
}

export class Taxonomy {
  readonly hazards: Map<string, Hazard>

  constructor(additions: Record<string, { name: string; name_en?: string; category: Category; aliases?: string[] }> = {}) {
    this.hazards = new Map(builtInHazards().map((h) => [h.id, h]))
    for (const [id, h] of Object.entries(additions)) {
      this.hazards.set(id, { id, name: h.name, name_en: h.name_en ?? h.name, category: h.category, aliases: h.aliases ?? [] })
    }
  }

  get(id: string): Hazard | undefined {
    return this.hazards.get(id)
  }

  name(id: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
    const h = this.hazards.get(id)
    return h ? (locale === 'en' ? h.name_en : h.name) : id
  }
}
