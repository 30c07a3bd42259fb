import { existsSync, mkdirSync, statSync } from 'node:fs'
import { planTypeFromName } from '../lib/load/enum-names.ts'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadLibrary } from '../lib/load/library.ts'
import { createFileAtomic, writeFileAtomic } from '../lib/fs/atomic.ts'
import { todayIso } from '../lib/dates.ts'
import type { Library } from '../lib/model/library.ts'
import type { PlanType } from '../lib/model/plan.ts'
import type { Unit } from '../lib/model/units.ts'
import { closest } from '../lib/text/closest.ts'
import { defaultId, defaultTitle, guessIssuer, guessLead, guessParent, isEnterpriseType, PLAN_TYPES, scaffoldPlan } from '../lib/scaffold.ts'
import { EXIT, UsageError, todayOption } from './errors.ts'
import { findLibraryRoot } from './library-path.ts'
import { displayPathFrom, isInside } from './display-path.ts'

export const newHelp = `用法 / Usage: yuanku new --type TYPE --jurisdiction ID [--hazard ID …] [选项]

  --type TYPE            预案类型 / plan type: ${PLAN_TYPES.join(' | ')}
  --jurisdiction ID      所属行政区或单位（units.yaml 编号或名称）/ owning jurisdiction or organisation (id or name)
  --hazard ID            事件种类，可重复；总体预案以外必填 / hazard id, repeatable; required except for overall plans
  --title TEXT           预案名称（默认按行政区和事件种类生成）/ title (default derived)
  --lead UNIT            牵头单位（默认本级应急管理局）/ lead unit (default: the emergency management bureau)
  --issuer UNIT          编制/印发单位（默认本级人民政府）/ issuer (default: the people's government)
  --parent PLAN          上位预案编号（默认本行政区的总体预案）/ parent plan id (default: the jurisdiction's overall plan)
  --id ID                预案编号（默认 <行政区>-<事件种类>）/ plan id (default <jurisdiction>-<hazards>)
  --dir DIR              写入的文件夹（默认与同一行政区的预案放在一起）/ folder to write to
  --library DIR          预案库文件夹（默认 plans）/ the library folder (default plans)
  --force                覆盖已有文件 / overwrite an existing file
  --today YYYY-MM-DD     起草日期（默认今天）/ drafted date (default today)

退出码 / Exit codes: 0 已创建 created · 2 用法错误或文件已存在 usage error or the file exists`

const suggest = (what: string, value: string, candidates: Iterable<string>, list?: string) => {
  const guess = closest(value, candidates)
  return new UsageError(
    guess
      ? `未知${what.split(' / ')[0]}“${value}”，是否要找“${guess}”？ / unknown ${what.split(' / ')[1]} "${value}"; did you mean "${guess}"?`
      : `未知${what.split(' / ')[0]}“${value}” / unknown ${what.split(' / ')[1]} "${value}"${list ? `; use one of: ${list}` : ''}`,
  )
}

/** A unit by id, or by its exact name or alias (people type 西山县 as often as xishan-xian). */
function findUnit(library: Library, input: string, what: string, accept: (u: Unit) => boolean): Unit {
  const { units } = library
  const unit = units.get(input) ?? units.units.find((u) => u.name === input || u.aliases?.includes(input))
  if (!unit || !accept(unit)) {
    const pool = units.units.filter((u) => accept(u) && u.status !== 'dissolved')
    throw suggest(what, input, [...pool.map((u) => u.id), ...pool.map((u) => u.name)])
  }
  if (unit.status === 'dissolved') {
    const by = units.successor(unit.id)
    throw new UsageError(`单位“${unit.name}”（${unit.id}）已撤销${by ? `，请改用“${by.name}”（${by.id}）` : ''} / unit "${unit.id}" was dissolved${by ? `; use "${by.id}"` : ''}`)
  }
  return unit
}

function findHazard(library: Library, input: string): string {
  const { taxonomy } = library
  if (taxonomy.get(input)) return input
  for (const h of taxonomy.hazards.values()) if (h.name === input || h.aliases.includes(input)) return h.id
  throw suggest('事件种类 / hazard', input, taxonomy.hazards.keys())
}

/** The folder where most plans of this owner (and type) already are, else the library root. */
function guessDir(library: Library, type: PlanType, jurisdiction: string): string {
  const mostCommon = (paths: string[]) => {
    const counts = new Map<string, number>()
    for (const p of paths) counts.set(dirname(p), (counts.get(dirname(p)) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0]
  }
  const own = library.plans.filter((p) => p.data?.jurisdiction === jurisdiction)
  const dir = mostCommon(own.filter((p) => p.data.type === type).map((p) => p.path)) ?? mostCommon(own.map((p) => p.path))
  return dir ? join(library.root, dir) : library.root
}

export async function runNew(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      type: { type: 'string' },
      jurisdiction: { type: 'string' },
      hazard: { type: 'string', multiple: true },
      title: { type: 'string' },
      lead: { type: 'string' },
      issuer: { type: 'string' },
      parent: { type: 'string' },
      id: { type: 'string' },
      dir: { type: 'string' },
      library: { type: 'string' },
      force: { type: 'boolean' },
      today: { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  void positionals
  if (values.help) {
    console.log(newHelp)
    return EXIT.ok
  }
  if (!values.type) throw new UsageError(`缺少 --type（${PLAN_TYPES.join(' | ')}） / --type is required`)
  if (!values.jurisdiction) throw new UsageError('缺少 --jurisdiction（units.yaml 中的行政区或单位编号） / --jurisdiction is required')
  todayOption(values.today)
  if (values.locale && values.locale !== 'zh-CN' && values.locale !== 'en') throw new UsageError('--locale 只能是 zh-CN 或 en / --locale must be zh-CN or en')
  // An office says 专项, not special: the Chinese name is taken for the id.
  const type = (planTypeFromName(values.type) ?? values.type) as PlanType
  if (!PLAN_TYPES.includes(type)) throw suggest('预案类型 / plan type', values.type, PLAN_TYPES, PLAN_TYPES.join(', '))

  const cwd = process.cwd()
  const libraryArg = values.library ?? (existsSync(join(cwd, 'plans')) ? 'plans' : '.')
  const root = findLibraryRoot(resolve(cwd, libraryArg))
  if (!root) throw new UsageError(`“${libraryArg}”不是预案库（找不到 library.yaml 或 units.yaml） / "${libraryArg}" is not a library (no library.yaml or units.yaml)`)
  const library = loadLibrary(root)

  const enterprise = isEnterpriseType(type)
  const owner = findUnit(library, values.jurisdiction, enterprise ? '单位 / organisation' : '行政区 / jurisdiction', (u) => (enterprise ? u.kind === 'enterprise' || u.kind === 'jurisdiction' : u.kind === 'jurisdiction'))
  const hazards = [...new Set((values.hazard ?? []).map((h) => findHazard(library, h)))]
  if (type !== 'overall' && hazards.length === 0) throw new UsageError('除总体预案外须写明事件种类：--hazard ID（可重复） / --hazard is required for every type but overall')
  const anyUnit = () => true
  const lead = values.lead ? findUnit(library, values.lead, '单位 / unit', anyUnit).id : undefined
  const issuer = values.issuer ? findUnit(library, values.issuer, '单位 / unit', anyUnit).id : type === 'department' && lead ? lead : guessIssuer(library, type, owner.id)
  const leadUnit = lead ?? guessLead(library, type, owner.id, issuer)

  let parentId = values.parent
  if (parentId !== undefined && !library.planById.has(parentId)) throw suggest('上位预案 / parent plan', parentId, library.planById.keys())
  parentId ??= guessParent(library, type, owner.id)?.data.id

  const id = values.id ?? defaultId({ type, jurisdiction: owner.id, hazards, lead: leadUnit })
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`预案编号“${id}”只能含小写字母、数字和连字符 / plan id "${id}" may hold only a-z, 0-9 and hyphens`)
  const title = values.title ?? defaultTitle(library, { type, jurisdiction: owner.id, hazards, lead: leadUnit })
  const dir = values.dir ? resolve(cwd, values.dir) : guessDir(library, type, owner.id)
  const target = join(dir, `${id}.md`)
  if (!isInside(root, target)) throw new UsageError(`“${target}”不在预案库“${root}”中 / the file would be outside the library`)
  const show = displayPathFrom(cwd)
  const taken = library.planById.get(id)
  if (taken && taken.absPath !== target) throw new UsageError(`预案编号“${id}”已被 ${show(taken.absPath)} 使用，请用 --id 另取 / plan id "${id}" is already used by ${show(taken.absPath)}; choose another with --id`)
  if (existsSync(target) && !values.force) throw new UsageError(`${show(target)} 已存在；用 --force 覆盖 / ${show(target)} exists; use --force to overwrite it`)
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`“${show(dir)}”不是文件夹 / "${show(dir)}" is not a folder`)

  const text = scaffoldPlan(library, { id, title, type, jurisdiction: owner.id, hazards, issuer, lead: leadUnit, parent: parentId, today: values.today ?? todayIso() })
  mkdirSync(dir, { recursive: true })
  if (values.force && existsSync(target)) writeFileAtomic(target, text)
  else {
    try {
      createFileAtomic(target, text)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${show(target)} 已存在；用 --force 覆盖 / ${show(target)} exists; use --force to overwrite it`)
      throw error
    }
  }

  const en = (values.locale ?? library.settings.locale) === 'en'
  const parentPlan = parentId ? library.planById.get(parentId) : undefined
  const lines = en
    ? [
        `Created ${show(target)} (${title}, draft)`,
        parentPlan ? `  parent: ${parentId} (${parentPlan.data.title})` : '  parent: none found; add one under parents',
        `  Fill in every 【待填写：…】 placeholder, then run: yuanku lint ${show(target)}`,
      ]
    : [
        `已创建 ${show(target)}（${title}，草案）`,
        parentPlan ? `  上位预案：${parentId}（${parentPlan.data.title}）` : '  未找到上位预案，请在 parents 中补充',
        `  请填写所有“【待填写：…】”处，然后运行：yuanku lint ${show(target)}`,
      ]
  console.log(lines.join('\n'))
  return EXIT.ok
}
