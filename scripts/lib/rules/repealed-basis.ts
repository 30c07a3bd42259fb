import { defineRule } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { textRuns } from '../text/plan-text.ts'

type D = { cite: string; text: string; since: string; by?: string }

const OPEN = '〔[（(【［'
const CLOSE = '〕]）)】］'
const DASH = '-‐‑‒–—―－'

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/**
 * A citation as it is really typed: 国办发〔2013〕101号 also as 国办发[2013]101号 or 国办发（2013）101号,
 * GB/T 29639-2013 also as GB/T29639—2013 or GB／T 29639－2013.
 */
export function citePattern(cite: string): RegExp {
  let source = ''
  for (const ch of cite.trim()) {
    if (/\s/.test(ch)) source += '\\s*'
    else if (OPEN.includes(ch)) source += `\\s*[${escape(OPEN)}]\\s*`
    else if (CLOSE.includes(ch)) source += `\\s*[${escape(CLOSE)}]\\s*`
    else if (DASH.includes(ch)) source += `\\s*[${escape(DASH)}]\\s*`
    else if (ch === '/' || ch === '／') source += '[/／]'
    else source += escape(ch)
  }
  // GB/T 29639-2013 must not match inside GB/T 29639-20130, nor 101号 inside 1101号.
  const before = /^\d/.test(cite.trim()) ? '(?<!\\d)' : ''
  const after = /\d$/.test(cite.trim()) ? '(?!\\d)' : ''
  return new RegExp(before + source + after, 'gu')
}

export default defineRule({
  id: 'repealed-basis',
  name: { zh: '依据已废止', en: 'Repealed basis' },
  family: 'form',
  severity: 'warn',
  scope: 'file',
  anyPlan: true,
  options: {},
  docs: {
    summary: { zh: '正文引用了已废止或被替代的文件', en: 'The text cites a repealed or superseded document' },
    why: {
      zh: '法律、法规、标准或上位预案变化是修订预案的法定情形（2013 年《办法》第二十五条，2024 年《办法》保留，DOMAIN.md §4）。例如国办发〔2013〕101号已于 2024-01-31 被国办发〔2024〕5号替代，GB/T 29639-2013 已于 2021-04-01 被 2020 版替代。',
      en: 'A change of laws, standards or the higher-level plan is a statutory revision trigger (2013 Measures art. 25, kept in 2024, DOMAIN.md §4). E.g. 国办发〔2013〕101号 was replaced by 国办发〔2024〕5号 on 2024-01-31, GB/T 29639-2013 by the 2020 edition on 2021-04-01.',
    },
    fix: {
      zh: '改引现行文件（消息中给出），并按新文件核对相关条款。废止文件表在 library.yaml 的 repealed 中（cite 引用文字、since 废止日期、replaced_by 现行文件），默认值见 DOMAIN.md §4；写法不同的括号、连字符和空格也能识别。',
      en: 'Cite the current document (named in the message) and check the clauses against it. The table is library.yaml `repealed` (cite, since, replaced_by), defaults from DOMAIN.md §4; variant brackets, dashes and spaces are recognised.',
    },
    options: {
      zh: '无规则选项；废止文件表在 library.yaml 的 repealed 中设置，写入该键即替换全部默认条目。',
      en: 'No rule options; the table is library.yaml `repealed`, which replaces all default entries when set.',
    },
    bad: '### 1.2 编制依据\n\n依据《突发事件应急预案管理办法》（国办发〔2013〕101号）……',
    good: '### 1.2 编制依据\n\n依据《突发事件应急预案管理办法》（国办发〔2024〕5号）……',
  },
  messages: {
    default: {
      zh: (d: D) => `引用了已废止的“${d.text}”（${d.since} 起废止）${d.by ? `，应改为“${d.by}”` : '，请改引现行文件'}`,
      en: (d: D) => `Cites "${d.text}", repealed since ${d.since}${d.by ? `; cite "${d.by}" instead` : '; cite the current document'}`,
    },
  },
  checkPlan(plan, ctx) {
    if (plan.issues.some((i) => i.messageId === 'unclosed')) return
    const { settings, settingsFile } = ctx.library
    const repealed = settings.repealed.filter((r) => typeof r.cite === 'string' && r.cite.trim().length >= 2 && r.since <= ctx.today)
    if (repealed.length === 0) return
    // The library.yaml entry is the cause when the table is the library's own, not the defaults.
    const own = settingsFile?.frontmatter?.doc.has('repealed') ? settingsFile : undefined
    const runs = textRuns(plan.tree, plan.text, plan.bodyStart)
    for (const entry of repealed) {
      const index = settings.repealed.indexOf(entry)
      const cause = own ? { cause: { file: own.path, place: yamlPlace(own, ['repealed', index, 'cite']) } } : {}
      const data = { cite: entry.cite, since: entry.since, by: entry.replaced_by }
      const pattern = citePattern(entry.cite)
      for (const run of runs) {
        pattern.lastIndex = 0
        for (let m = pattern.exec(run.value); m; m = pattern.exec(run.value)) {
          // The optional spaces around brackets are not part of the citation.
          const text = m[0].trim()
          const start = run.start + m.index + (m[0].length - m[0].trimStart().length)
          ctx.report({ file: plan, place: plan.lines.place(start, start + text.length), data: { ...data, text }, ...cause })
        }
      }
      // A higher-level plan outside the library named by a repealed title is the same citation.
      if (!plan.valid) continue
      plan.data.parents.forEach((p, i) => {
        if (!('external' in p) || typeof p.external !== 'string') return
        const m = citePattern(entry.cite).exec(p.external)
        if (m) ctx.report({ file: plan, place: yamlPlace(plan, ['parents', i, 'external']), data: { ...data, text: m[0].trim() }, ...cause })
      })
    }
  },
})
