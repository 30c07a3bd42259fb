import type { Html, Nodes } from 'mdast'
import { eachNode } from '../text/plan-text.ts'
import { defineRule } from './define-rule.ts'

type D = { tag: string }

const COMMENT = /<!--[\s\S]*?-->/g
const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/

/** The first tag of an HTML node once comments are removed; '' when what is left is not a tag. */
function firstTag(value: string): { closing: boolean; name: string; selfClosing: boolean } | undefined {
  const rest = value.replace(COMMENT, '').trim()
  if (rest === '') return undefined
  const m = TAG.exec(rest)
  if (!m) return { closing: false, name: '', selfClosing: true }
  const tagEnd = rest.indexOf('>')
  return { closing: m[1] === '/', name: m[2].toLowerCase(), selfClosing: tagEnd > 0 && rest[tagEnd - 1] === '/' }
}

export default defineRule({
  id: 'raw-html',
  name: { zh: '原始 HTML', en: 'Raw HTML' },
  family: 'form',
  severity: 'error',
  scope: 'file',
  anyPlan: true,
  options: { allow: [] as string[] },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allow: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  docs: {
    summary: { zh: '正文中有原始 HTML（HTML 注释除外）', en: 'Raw HTML in the text (HTML comments are fine)' },
    why: {
      zh: '预案以 Markdown 审阅、比对和发布（Yuanku 的约定，见 docs/regulations.md#yuanku-rules）：HTML 标签在评审的差异中难以看清，在站点上又会被安全过滤掉，审阅者看到的和公众看到的就不一样了。',
      en: 'Plans are reviewed, compared and published as Markdown (Yuanku\'s own rule, see docs/regulations.md#yuanku-rules): HTML is hard to read in a review diff and is stripped by the site\'s sanitiser anyway, so reviewers and readers would see different texts.',
    },
    notReported: {
      zh: 'HTML 注释 <!-- … --> 不报告；options.allow 中列出的标签不报告；代码块和行内代码中的 HTML 不报告。',
      en: 'HTML comments are not reported, nor tags listed in options.allow, nor HTML inside code blocks or inline code.',
    },
    fix: {
      zh: '改用 Markdown：强调用 **粗体**，换行用空行分段，表格用 GFM 表格，颜色等样式不要写进预案正文。需要给编辑者留话时用 HTML 注释 <!-- … -->。',
      en: 'Use Markdown: **bold** for emphasis, blank lines for breaks, GFM tables; leave colours and styling out of the plan. Notes for editors go into an HTML comment <!-- … -->.',
    },
    options: {
      zh: 'allow（默认 []）：允许的标签名，例如 ["br"]。',
      en: 'allow (default []): tag names that are allowed, e.g. ["br"].',
    },
    bad: '各学校须<font color="red">立即</font>停课。',
    good: '各学校须**立即**停课。<!-- 停课权限见 4.3 -->',
  },
  messages: {
    default: {
      zh: (d: D) => (d.tag ? `正文中不允许使用 HTML 标签 ${d.tag}，请改用 Markdown` : '正文中不允许使用原始 HTML，请改用 Markdown'),
      en: (d: D) => (d.tag ? `HTML tag ${d.tag} is not allowed in plan text; use Markdown` : 'Raw HTML is not allowed in plan text; use Markdown'),
    },
  },
  checkPlan(plan, ctx) {
    if (plan.issues.some((i) => i.messageId === 'unclosed')) return
    const allow = new Set(ctx.options.allow.map((t) => t.toLowerCase()))
    eachNode(plan.tree as Nodes, (parent) => {
      if (!('children' in parent)) return
      const kids = parent.children as Nodes[]
      // An inline element is two html nodes, <font …> and </font>: one finding spanning the element.
      const closed = new Set<number>()
      kids.forEach((node, i) => {
        if (node.type !== 'html' || closed.has(i)) return
        const start = node.position?.start.offset ?? 0
        if (start < plan.bodyStart) return
        const tag = firstTag(node.value)
        if (!tag || (tag.name && allow.has(tag.name))) return
        let end = node.position?.end.offset ?? start
        if (tag.name && !tag.closing && !tag.selfClosing) {
          const j = kids.findIndex((k, idx) => idx > i && k.type === 'html' && new RegExp(`^</${tag.name}\\s*>$`, 'i').test((k as Html).value.trim()))
          if (j !== -1) {
            closed.add(j)
            end = kids[j].position?.end.offset ?? end
          }
        }
        ctx.report({ file: plan, place: plan.lines.place(start, end), data: { tag: tag.name ? `<${tag.closing ? '/' : ''}${tag.name}>` : '' } })
      })
    })
  },
})
