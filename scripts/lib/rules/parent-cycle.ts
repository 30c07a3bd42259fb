import { defineRule, message } from './define-rule.ts'
import { yamlPlace, type Plan } from '../model/plan.ts'

type D = { cycle: string; id: string }
const m = message<D>

/** A parents entry that points at a plan in the library. */
interface Edge {
  from: string
  to: string
  /** Index in the source plan's parents. */
  index: number
}

/** The parents graph: plan id → its in-library parents, in the order written (first of a repeated id). */
function parentGraph(byId: Map<string, Plan>): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>()
  for (const [id, plan] of byId) {
    const parents = (plan.data as { parents?: unknown }).parents
    const edges: Edge[] = []
    if (Array.isArray(parents)) {
      parents.forEach((p, index) => {
        const to = (p as { plan?: unknown } | null)?.plan
        if (typeof to === 'string' && byId.has(to) && !edges.some((e) => e.to === to)) edges.push({ from: id, to, index })
      })
    }
    graph.set(id, edges)
  }
  return graph
}

/** Strongly connected components (Tarjan, iterative so a long chain of plans cannot overflow the stack). */
function components(graph: Map<string, Edge[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const out: string[][] = []
  let next = 0
  for (const root of graph.keys()) {
    if (index.has(root)) continue
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }]
    index.set(root, next)
    low.set(root, next++)
    stack.push(root)
    onStack.add(root)
    while (work.length) {
      const top = work[work.length - 1]
      const edges = graph.get(top.node)!
      if (top.edge < edges.length) {
        const to = edges[top.edge++].to
        if (!index.has(to)) {
          index.set(to, next)
          low.set(to, next++)
          stack.push(to)
          onStack.add(to)
          work.push({ node: to, edge: 0 })
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!))
        continue
      }
      work.pop()
      if (work.length) {
        const parent = work[work.length - 1].node
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!))
      }
      if (low.get(top.node) === index.get(top.node)) {
        const comp: string[] = []
        let n: string
        do {
          n = stack.pop()!
          onStack.delete(n)
          comp.push(n)
        } while (n !== top.node)
        out.push(comp)
      }
    }
  }
  return out
}

const comparePaths = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The shortest path of edges from `start` to `goal` inside `members` (breadth-first, parents order). */
function pathBack(graph: Map<string, Edge[]>, members: Set<string>, start: string, goal: string): Edge[] {
  const via = new Map<string, Edge | null>([[start, null]])
  const queue = [start]
  while (queue.length) {
    const n = queue.shift()!
    if (n === goal) break
    for (const e of graph.get(n)!) {
      if (!members.has(e.to) || via.has(e.to)) continue
      via.set(e.to, e)
      queue.push(e.to)
    }
  }
  const path: Edge[] = []
  for (let n = goal; n !== start; ) {
    const e = via.get(n)
    if (!e) break
    path.unshift(e)
    n = e.from
  }
  return path
}

export default defineRule({
  id: 'parent-cycle',
  name: { zh: '上位预案循环', en: 'Parent cycle' },
  family: 'linkage',
  severity: 'error',
  options: {},
  docs: {
    summary: { zh: '上位预案关系形成循环（a 的上位是 b，b 的上位又是 a）', en: 'Parent links form a cycle (a sits under b and b under a)' },
    why: {
      zh: '预案体系是自上而下的树（见 docs/regulations.md#plan-system）；循环意味着至少有一处衔接写反了，层级检查和站点的预案体系图都无从画起。每个处在循环中的 parents 条目都会报告一次，消息从该预案起写出整个循环，这样无论打开哪个文件都能看到问题；改掉其中任何一处即可打破循环。默认为错误：循环必然是写错了。',
      en: 'The plan system is a tree from the top down (see docs/regulations.md#plan-system); a cycle means at least one link is written the wrong way round, and neither the level checks nor the site\'s hierarchy can be drawn. Every parents entry on a cycle is reported once, with the whole cycle spelled out from that plan, so the problem shows in whichever file is open; changing any one of them breaks the cycle. An error by default: a cycle is always a mistake.',
    },
    notReported: {
      zh: 'external 条目和不存在的编号不参与循环判断；预案之间的 related（横向关联）不算上下级。',
      en: 'external entries and unknown ids take no part in cycles; related links (horizontal) are not parent links.',
    },
    fix: {
      zh: '确定哪一个才是上级预案，删掉写反的那条 parents（下级预案写在 parents 中的是上级，不是下级）。',
      en: 'Decide which plan is the higher one and remove the entry written the wrong way round (parents lists the plans above, never those below).',
    },
    bad: '# shili-flood.md\nid: shili-flood\nparents:\n  - plan: xishan-flood\n\n# xishan-flood.md\nid: xishan-flood\nparents:\n  - plan: shili-flood',
    good: '# shili-flood.md\nid: shili-flood\nparents:\n  - plan: shili-overall\n\n# xishan-flood.md\nid: xishan-flood\nparents:\n  - plan: shili-flood',
  },
  messages: {
    default: m((d) => `上位预案形成循环：${d.cycle}`, (d) => `Parent plans form a cycle: ${d.cycle}`),
    self: m((d) => `预案把自己（${d.id}）列为上位预案`, (d) => `The plan lists itself (${d.id}) as its parent`),
  },
  checkLibrary(ctx) {
    const byId = ctx.library.planById
    const graph = parentGraph(byId)
    const placeOf = (e: Edge) => {
      const plan = byId.get(e.from)!
      return { file: plan, place: yamlPlace(plan, ['parents', e.index, 'plan']) }
    }
    for (const comp of components(graph)) {
      const members = new Set(comp)
      const edges = comp
        .flatMap((id) => graph.get(id)!.filter((e) => members.has(e.to)))
        .sort((a, b) => comparePaths(byId.get(a.from)!.path, byId.get(b.from)!.path) || a.index - b.index)
      const reported = new Set<Edge>()
      for (const edge of edges) {
        if (reported.has(edge)) continue
        // A cycle through this edge: the edge, then the shortest way back.
        const cycle = edge.from === edge.to ? [edge] : [edge, ...pathBack(graph, members, edge.to, edge.from)]
        cycle.forEach((e, i) => {
          if (reported.has(e)) return
          reported.add(e)
          const ids = [...cycle.slice(i), ...cycle.slice(0, i)].map((c) => c.from)
          const next = cycle[(i + 1) % cycle.length]
          const at = placeOf(e)
          ctx.report({
            ...at,
            messageId: e.from === e.to ? 'self' : 'default',
            data: { cycle: [...ids, e.from].join(' → '), id: e.from },
            ...(next !== e ? { cause: { file: byId.get(next.from)!.path, place: placeOf(next).place } } : {}),
          })
        })
      }
    }
  },
})
