import { fileExists, folderNames, noteFileContent } from '../load/file-facts.ts'
import { basename, dirname, resolve } from 'node:path'
import type { Nodes } from 'mdast'
import { eachNode } from '../text/plan-text.ts'
import { headingSlugs, linkTarget } from '../text/links.ts'
import { defineRule } from './define-rule.ts'
import { nodePlace, type Plan } from '../model/plan.ts'
import type { Place } from '../model/finding.ts'
import type { Library } from '../model/library.ts'
import { readSourceFile } from '../load/file.ts'
import { parseMarkdown } from '../load/markdown.ts'
import { closest } from '../text/closest.ts'
import { closestId } from '../text/closest.ts'

type D = { url: string; target?: string; suggestion?: string }

/** What broken-link needs of a plan, computed where the plan is parsed (structured-clonable). */
export interface PreparedLinks {
  slugs: string[]
  links: { url: string; image: boolean; place: Place }[]
}

const plansByPath = new WeakMap<Library, Map<string, Plan>>()

function planByPath(library: Library, absPath: string): Plan | undefined {
  let map = plansByPath.get(library)
  if (!map) plansByPath.set(library, (map = new Map(library.plans.map((p) => [resolve(p.absPath), p]))))
  return map.get(absPath)
}

// Anchors of Markdown files that are not plans (annexes, notes), read once per lint run.
const fileSlugs = new WeakMap<Library, Map<string, string[] | undefined>>()

function slugsOfFile(library: Library, absPath: string): string[] | undefined {
  let cache = fileSlugs.get(library)
  if (!cache) fileSlugs.set(library, (cache = new Map()))
  noteFileContent(absPath)
  if (!cache.has(absPath)) {
    const read = readSourceFile(absPath, absPath)
    cache.set(absPath, read.ok ? headingSlugs(parseMarkdown(read.file.text)) : undefined)
  }
  return cache.get(absPath)
}

function hasAnchor(slugs: string[], fragment: string): boolean {
  const f = fragment.toLowerCase()
  return slugs.some((s) => s === fragment || s === f)
}

/** The closest existing Markdown file next to where the link points. */
function closestFile(absPath: string): string | undefined {
  const names = folderNames(dirname(absPath))
  return names && closest(basename(absPath), names.filter((n) => n.endsWith('.md')))
}

export default defineRule({
  id: 'broken-link',
  name: { zh: '链接失效', en: 'Broken link' },
  family: 'form',
  severity: 'error',
  anyPlan: true,
  options: {},
  docs: {
    summary: { zh: '正文链接指向不存在的文件、预案或章节锚点', en: 'A link in the text points at a file, plan or heading anchor that does not exist' },
    why: {
      zh: '预案之间靠链接衔接上位预案、附件（联系表、物资清单、工作手册）和相关章节：预案要与上级预案衔接，企业预案的附件包括物资装备清单和有关单位、人员的联系方式（GB/T 29639-2020）。断开的链接让应急时最需要的附件找不到。详见 docs/regulations.md#content。',
      en: 'Plans link to their higher-level plans, annexes (contact lists, stock lists, work manuals) and sections: a plan ties in with the plan above, and an enterprise plan\'s annexes include its equipment list and contacts (GB/T 29639-2020). A broken link hides the annex needed most in an emergency. See docs/regulations.md#content.',
    },
    notReported: {
      zh: '网址（http、https、mailto）不检查；指向存在的文件、预案（plan:编号）和存在的章节锚点不报告。',
      en: 'URLs (http, https, mailto) are not checked; links to an existing file, plan (plan:id) or heading anchor are not reported.',
    },
    fix: {
      zh: '改正路径或锚点（消息会给出最接近的文件或章节），或补上缺少的附件。锚点按 GitHub 规则由标题生成：小写、去掉标点、空格变为“-”，中文保留，例如“## 1.2 编制依据”的锚点是 #12-编制依据。也可写 plan:预案编号 链接库内预案。网址（http、https、mailto）不检查。',
      en: 'Correct the path or anchor (the message suggests the closest file or heading), or add the missing annex. Anchors follow GitHub: lower case, punctuation removed, spaces → "-", CJK kept, so "## 1.2 编制依据" is #12-编制依据. plan:<id> links to a plan of the library. Web links (http, https, mailto) are not checked.',
    },
    bad: '详见[附件2](./attachments/联系表.md)和[响应程序](#不存在的章节)。',
    good: '详见[附件2](./attachments/应急联系表.md)和[分级响应](#41-分级响应)。',
  },
  messages: {
    file: {
      zh: (d: D) => `链接的文件“${d.target}”不存在${d.suggestion ? `，是否应为“${d.suggestion}”？` : ''}`,
      en: (d: D) => `Linked file "${d.target}" does not exist${d.suggestion ? ` — did you mean "${d.suggestion}"?` : ''}`,
    },
    anchor: {
      zh: (d: D) => `锚点“#${d.url}”在${d.target ? `“${d.target}”` : '本文件'}中不存在${d.suggestion ? `，是否应为“#${d.suggestion}”？` : ''}`,
      en: (d: D) => `Anchor "#${d.url}" does not exist in ${d.target ? `"${d.target}"` : 'this file'}${d.suggestion ? ` — did you mean "#${d.suggestion}"?` : ''}`,
    },
    plan: {
      zh: (d: D) => `链接的预案“${d.target}”不在库中${d.suggestion ? `，是否应为“${d.suggestion}”？` : ''}`,
      en: (d: D) => `Linked plan "${d.target}" is not in the library${d.suggestion ? ` — did you mean "${d.suggestion}"?` : ''}`,
    },
  },
  // Parsing every plan's Markdown on each run would undo the cache (remark costs ≈4 ms a plan): the
  // links and anchors of a plan are extracted where the plan is parsed, and cached with it.
  preparePlan(plan): PreparedLinks {
    if (plan.issues.some((i) => i.messageId === 'unclosed')) return { slugs: [], links: [] }
    const links: PreparedLinks['links'] = []
    eachNode(plan.tree as Nodes, (node) => {
      if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return
      if ((node.position?.start.offset ?? 0) < plan.bodyStart) return
      links.push({ url: node.url, image: node.type === 'image', place: nodePlace(plan, node) })
    })
    return { slugs: headingSlugs(plan.tree), links }
  },
  checkPlan(plan, ctx) {
    const { library } = ctx
    const own = ctx.prepared<PreparedLinks>(plan)
    for (const link of own.links) {
      const report = (messageId: 'file' | 'anchor' | 'plan', data: D) => ctx.report({ file: plan, place: link.place, messageId, data })
      const anchor = (slugs: string[] | undefined, fragment: string, target?: string) => {
        if (!fragment || !slugs || hasAnchor(slugs, fragment)) return
        report('anchor', { url: fragment, target, suggestion: closest(fragment, slugs) })
      }
      const target = linkTarget(link.url)
      if (target.kind === 'self') anchor(own.slugs, target.fragment)
      else if (target.kind === 'plan') {
        const linked = library.planById.get(target.id)
        if (!linked) report('plan', { url: link.url, target: target.id, suggestion: closestId(target.id, library.planById.keys()) })
        else anchor(ctx.prepared<PreparedLinks>(linked).slugs, target.fragment, `plan:${target.id}`)
      } else if (target.kind === 'file') {
        const absPath = resolve(dirname(plan.absPath), target.path)
        if (!fileExists(absPath)) {
          const near = target.path.endsWith('/') ? undefined : closestFile(absPath)
          // Shown the way the link is written: the same folder part, the existing file's name.
          const suggestion = near && target.path.slice(0, target.path.length - basename(target.path).length) + near
          report('file', { url: link.url, target: target.path, suggestion })
        } else if (/\.md$/i.test(absPath) && !link.image) {
          const linked = planByPath(library, absPath)
          anchor(linked ? ctx.prepared<PreparedLinks>(linked).slugs : slugsOfFile(library, absPath), target.fragment, target.path)
        }
      }
    }
  },
})
