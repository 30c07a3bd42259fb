// Labels of the site in both locales. Chinese is the default; a library with `locale: en` gets English.
import { RULE_FAMILIES } from '../../scripts/lib/rules/define-rule.ts'
import { PLAN_STATUSES, PLAN_TYPES, SEVERITIES } from '../../scripts/lib/model/vocabulary.ts'

import type { Locale } from '../../scripts/lib/model/vocabulary.ts'

export type { Locale }

type Terms = Record<string, { zh: string; en: string }>
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const words = (terms: Terms, locale: 'zh' | 'en'): Record<string, string> =>
  Object.fromEntries(Object.entries(terms).map(([id, t]) => [id, locale === 'zh' ? t.zh : capital(t.en)]))
const shortWords = (locale: 'zh' | 'en'): Record<string, string> => Object.fromEntries(Object.entries(PLAN_TYPES).map(([id, t]) => [id, t.short[locale]]))
const FINDING_SEVERITIES = { error: SEVERITIES.error, warn: SEVERITIES.warn }

const zh = {
  siteName: '应急预案库',
  nav: { home: '首页', plans: '预案目录', hierarchy: '预案体系', coverage: '覆盖矩阵', units: '单位职责', findings: '问题清单', drills: '演练记录', rules: '检查规则', help: '帮助', search: '搜索' },
  type: words(PLAN_TYPES, 'zh'),
  typeShort: shortWords('zh'),
  status: words(PLAN_STATUSES, 'zh'),
  category: { natural: '自然灾害', accident: '事故灾难', 'public-health': '公共卫生事件', 'social-security': '社会安全事件' } as Record<string, string>,
  classification: { public: '公开', internal: '内部', restricted: '限定范围' } as Record<string, string>,
  role: { lead: '牵头', member: '成员', support: '支持' } as Record<string, string>,
  relation: { neighbour: '相邻', 'mutual-aid': '互助', supporting: '支撑' } as Record<string, string>,
  severity: words(FINDING_SEVERITIES, 'zh'),
  level: { I: 'Ⅰ级', II: 'Ⅱ级', III: 'Ⅲ级', IV: 'Ⅳ级' } as Record<string, string>,
  jurisdictionLevel: { national: '国家', province: '省级', city: '市级', county: '县级', township: '乡镇级', village: '村级' } as Record<string, string>,
  drillKind: { tabletop: '桌面推演', functional: '功能演练', 'full-scale': '实战演练' } as Record<string, string>,
  findingSeverity: { minor: '一般', major: '较重', critical: '严重' } as Record<string, string>,
  findingStatus: { open: '未整改', done: '已整改' } as Record<string, string>,
  rating: { met: '达标', partial: '基本达标', unmet: '未达标', na: '不适用', P: 'P', S: 'S', M: 'M', U: 'U', points: '按分值' } as Record<string, string>,
  dates: { drafted: '起草', expert_review: '专家论证', approved: '审批', published: '发布', filed: '备案', last_reviewed: '最近评估' } as Record<string, string>,
  coverageState: { active: '已覆盖', draft: '仅有草案', missing: '缺失', 'not-required': '不要求' } as Record<string, string>,
  family: Object.fromEntries(Object.entries(RULE_FAMILIES).map(([id, f]) => [id, f.zh])) as Record<string, string>,
  ui: {
    skip: '跳到正文', publicBuild: '公开版', internalBuild: '内部版', builtOn: '生成于',
    plans: '预案', plan: '预案', total: '合计', byType: '按类型', byCategory: '按事件类别', byStatus: '按状态', bySeverity: '检查问题',
    overdueReviews: '逾期未评估修订', overdueDrills: '逾期未演练', latestDrills: '最近演练', none: '无', noneFound: '没有符合条件的记录',
    all: '全部', filter: '筛选', reset: '清除筛选', shown: '显示', of: '/', title: '名称', type: '类型', category: '事件类别', hazard: '事件种类',
    hazards: '事件种类', jurisdiction: '行政区域/单位', unit: '责任单位', status: '状态', version: '版本', issuer: '编制单位', leadUnit: '牵头单位',
    classification: '密级', dates: '日期', parents: '上位预案', children: '下级预案', related: '相关预案', supersedes: '替代',
    units: '责任单位及职责', duties: '职责', role: '角色', responseLevels: '分级响应', trigger: '启动条件', commander: '指挥',
    history: '修订记录', noHistory: '没有 Git 修订记录', findings: '检查问题', noFindings: '未发现问题', drills: '演练记录', noDrills: '尚无演练记录', openActions: '待整改问题',
    checklist: '演练评估表', openChecklist: '打开演练评估表', toc: '目录', text: '预案正文', meta: '基本信息', score: '得分', grade: '等级',
    date: '日期', kind: '形式', scenario: '情景', organizer: '组织单位', evaluators: '评估人员', items: '评估项目', findingsOfDrill: '发现的问题',
    action: '整改措施', due: '整改期限', requiresRevision: '需修订预案', id: '编号', file: '文件', line: '行', rule: '规则', message: '说明', severity: '级别',
    unreadable: '无法读取的文件', skipped: '跳过的文件', external: '外部预案', contacts: '联系方式', phone: '电话', leads: '牵头的预案',
    dutiesAcross: '职责任务清单', unitKind: '类别', parentUnit: '上级', dissolved: '已撤销', replacedBy: '承接单位', expand: '全部展开', collapse: '全部收起',
    legend: '图例', coverageNote: '行：行政区域；列：事件种类。单元格链接到相应预案，缺失项链接到规则说明。', topPlans: '顶层预案', orphans: '未衔接上位预案的预案',
    searchPlaceholder: '输入关键词，如 防汛、危险化学品', searchNoResults: '没有找到结果', searchCount: '找到 {n} 项结果', searchLoading: '正在加载搜索索引…', searchUnavailable: '搜索索引不可用',
    good: '优秀', scoreTrend: '得分趋势', lastDrill: '最近演练', lastReview: '最近评估', dueSince: '到期日', overdue: '逾期', rules: '检查规则',
    why: '为什么', fix: '如何修改', bad: '不符合', ok: '符合', options: '选项', notReported: '不报告的情形', ruleHelp: '完整说明', helpResult: '帮助', defaultSeverity: '默认级别', off: '默认关闭', print: '打印',
    unitsCount: '单位', dutiesCount: '职责', commits: '次修订', author: '作者', subject: '说明', planCount: '份预案', printNote: '打印版',
    ruleFamily: '规则类别', mostUrgent: '最需要处理', noErrors: '没有错误', fixable: '可用 --fix 自动修复', lineN: '第 {n} 行', editFile: '编辑',
    allErrors: '全部 {n} 个错误', unitResult: '单位职责', drillsTakenPart: '参加的演练', openActionsOfUnit: '承担的待整改问题', ruleId: '规则编号', commitId: '提交编号', provisional: '暂定', provisionalNote: '尚有 {n} 项未评定，得分和等级为暂定', rated: '已评定', openOfTotal: '待整改 / 发现问题', openOfTotalNote: '尚未整改的问题数 / 演练发现的问题总数', organizerUnit: '组织单位',
    lintSummary: '检查结果', errors: '错误', warnings: '警告', footer: '本站点由预案库自动生成，所有内容来自预案 Markdown 文件。',
  },
}

type Strings = typeof zh

const en: Strings = {
  siteName: 'Contingency plan library',
  nav: { home: 'Home', plans: 'Plans', hierarchy: 'Hierarchy', coverage: 'Coverage', units: 'Units', findings: 'Findings', drills: 'Drills', rules: 'Rules', help: 'Help', search: 'Search' },
  type: words(PLAN_TYPES, 'en'),
  typeShort: shortWords('en'),
  status: words(PLAN_STATUSES, 'en'),
  category: { natural: 'Natural disasters', accident: 'Accidents', 'public-health': 'Public health', 'social-security': 'Social security' },
  classification: { public: 'Public', internal: 'Internal', restricted: 'Restricted' },
  role: { lead: 'Lead', member: 'Member', support: 'Support' },
  relation: { neighbour: 'Neighbour', 'mutual-aid': 'Mutual aid', supporting: 'Supporting' },
  severity: words(FINDING_SEVERITIES, 'en'),
  level: { I: 'Level I', II: 'Level II', III: 'Level III', IV: 'Level IV' },
  jurisdictionLevel: { national: 'National', province: 'Province', city: 'City', county: 'County', township: 'Township', village: 'Village' },
  drillKind: { tabletop: 'Tabletop', functional: 'Functional', 'full-scale': 'Full-scale' },
  findingSeverity: { minor: 'Minor', major: 'Major', critical: 'Critical' },
  findingStatus: { open: 'Open', done: 'Done' },
  rating: { met: 'Met', partial: 'Partly met', unmet: 'Not met', na: 'N/A', P: 'P', S: 'S', M: 'M', U: 'U', points: 'Points' },
  dates: { drafted: 'Drafted', expert_review: 'Expert review', approved: 'Approved', published: 'Published', filed: 'Filed', last_reviewed: 'Last reviewed' },
  coverageState: { active: 'Covered', draft: 'Draft only', missing: 'Missing', 'not-required': 'Not required' },
  family: Object.fromEntries(Object.entries(RULE_FAMILIES).map(([id, f]) => [id, f.en])) as Record<string, string>,
  ui: {
    skip: 'Skip to content', publicBuild: 'Public edition', internalBuild: 'Internal edition', builtOn: 'Built on',
    plans: 'Plans', plan: 'Plan', total: 'Total', byType: 'By type', byCategory: 'By category', byStatus: 'By status', bySeverity: 'Findings',
    overdueReviews: 'Reviews overdue', overdueDrills: 'Drills overdue', latestDrills: 'Latest drills', none: 'None', noneFound: 'Nothing matches',
    all: 'All', filter: 'Filter', reset: 'Clear filters', shown: 'Showing', of: '/', title: 'Title', type: 'Type', category: 'Category', hazard: 'Hazard',
    hazards: 'Hazards', jurisdiction: 'Jurisdiction / owner', unit: 'Unit', status: 'Status', version: 'Version', issuer: 'Issuer', leadUnit: 'Lead unit',
    classification: 'Classification', dates: 'Dates', parents: 'Parent plans', children: 'Child plans', related: 'Related plans', supersedes: 'Supersedes',
    units: 'Responsible units and duties', duties: 'Duties', role: 'Role', responseLevels: 'Response levels', trigger: 'Trigger', commander: 'Command',
    history: 'Revision history', noHistory: 'No Git history', findings: 'Findings', noFindings: 'No findings', drills: 'Drills', noDrills: 'No drills recorded', openActions: 'Open corrective actions',
    checklist: 'Drill checklist', openChecklist: 'Open the drill checklist', toc: 'Contents', text: 'Plan text', meta: 'Overview', score: 'Score', grade: 'Grade',
    date: 'Date', kind: 'Kind', scenario: 'Scenario', organizer: 'Organiser', evaluators: 'Evaluators', items: 'Items', findingsOfDrill: 'Findings',
    action: 'Action', due: 'Due', requiresRevision: 'Plan revision needed', id: 'Id', file: 'File', line: 'Line', rule: 'Rule', message: 'Message', severity: 'Severity',
    unreadable: 'Unreadable files', skipped: 'Skipped files', external: 'External plan', contacts: 'Contacts', phone: 'Phone', leads: 'Plans it leads',
    dutiesAcross: 'Duties across the library', unitKind: 'Kind', parentUnit: 'Parent', dissolved: 'Dissolved', replacedBy: 'Replaced by', expand: 'Expand all', collapse: 'Collapse all',
    legend: 'Legend', coverageNote: 'Rows: jurisdictions; columns: hazards. Cells link to the plan; gaps link to the rule.', topPlans: 'Top plans', orphans: 'Plans without a parent in the library',
    searchPlaceholder: 'Search, e.g. flood, hazardous chemicals', searchNoResults: 'No results', searchCount: '{n} results', searchLoading: 'Loading the search index…', searchUnavailable: 'Search index unavailable',
    good: 'Excellent', scoreTrend: 'Score trend', lastDrill: 'Last drill', lastReview: 'Last review', dueSince: 'Due', overdue: 'Overdue', rules: 'Rules',
    why: 'Why', fix: 'How to fix', bad: 'Bad', ok: 'Good', options: 'Options', notReported: 'Not reported', ruleHelp: 'Full documentation', helpResult: 'Help', defaultSeverity: 'Default severity', off: 'off by default', print: 'Print',
    unitsCount: 'Units', dutiesCount: 'Duties', commits: 'revisions', author: 'Author', subject: 'Message', planCount: 'plans', printNote: 'Printed copy',
    ruleFamily: 'Rule family', mostUrgent: 'Most urgent', noErrors: 'No errors', fixable: 'fixable with --fix', lineN: 'line {n}', editFile: 'Edit',
    allErrors: 'All {n} errors', unitResult: 'Unit', drillsTakenPart: 'Drills it took part in', openActionsOfUnit: 'Open corrective actions assigned to it', ruleId: 'Rule id', commitId: 'Commit', provisional: 'provisional', provisionalNote: '{n} items not rated yet: score and grade are provisional', rated: 'Rated', openOfTotal: 'Open / found', openOfTotalNote: 'Corrective actions still open / findings of the drill', organizerUnit: 'Organiser',
    lintSummary: 'Lint result', errors: 'errors', warnings: 'warnings', footer: 'Generated by Yuanku from the Markdown plan files.',
  },
}

export function strings(locale: Locale): Strings {
  return locale === 'en' ? en : zh
}

export type { Strings }
