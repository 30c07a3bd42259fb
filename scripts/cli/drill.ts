// `yuanku drill score FILE` and `yuanku drill add FILE`: thin wrappers over scripts/lib/drill.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DRILLS_DIR, loadLibrary, loadLibraryMeta } from '../lib/load/library.ts'
import { checkRecord, type RecordCheck } from '../lib/drill/check.ts'
import { MAX_IMPORT_BYTES, parseImport } from '../lib/drill/import.ts'
import { rewriteScores } from '../lib/drill/rewrite.ts'
import { applyFixes } from '../lib/fix.ts'
import { writeFileAtomic } from '../lib/fs/atomic.ts'
import { loneCrAsLf } from '../lib/load/decode.ts'
import { recordToMarkdown } from '../lib/drill/record.ts'
import { gradeLabel, resolveGrading, type GradingInput } from '../lib/drill/score.ts'
import type { DrillRecordData } from '../lib/drill/types.ts'
import type { Locale } from '../lib/model/finding.ts'
import { EXIT, UsageError } from './errors.ts'
import { findLibraryRoot } from './library-path.ts'

export const drillHelp = `用法 / Usage:
  yuanku drill score 文件 FILE [--locale zh-CN|en] [--write]
      重新计算演练记录的得分、等级、完成度和否决项，并与记录的得分比对；--write 把不一致的得分、等级、
      未评项数和单项得分改为计算结果（只改这些值，原子写入）
      recompute a drill record's score, grade, completion and critical failures; compare with the recorded score;
      --write sets the mismatching score, grade, unrated count and item points to the computed values (only
      those values, written atomically)
  yuanku drill add 文件 FILE [--library plans] [--allow-incomplete]
      校验评估页面导出的演练记录（Markdown 或 JSON），收录到 plans/drills/<日期>-<预案>[-n].md
      validate an exported drill record (Markdown or JSON) and store it as plans/drills/<date>-<plan>[-n].md
      尚有未评定的项目时（得分为暂定）需加 --allow-incomplete
      a record with unrated items (a provisional score) needs --allow-incomplete

退出码 / Exit codes: 0 一致/已收录 consistent/added · 1 不一致或记录有误 mismatch or invalid record · 2 用法错误 usage`

type T = { zh: string; en: string }
const say = (locale: Locale, t: T) => (locale === 'en' ? t.en : t.zh)

export async function runDrill(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(drillHelp)
    return sub ? EXIT.ok : EXIT.failure
  }
  if (sub === 'score') return runScore(rest)
  if (sub === 'add') return runAdd(rest)
  throw new UsageError(`未知子命令“${sub}”，可用：score、add / unknown subcommand "${sub}" (score, add)`)
}

interface ReadRecord {
  record: DrillRecordData
  narrative?: string
  format: 'json' | 'markdown'
  text: string
  /** The file as read (BOM and line breaks as written). */
  raw: string
  abs: string
}

/** Reads and strictly validates a record file; prints the problems and returns undefined when it is not one. */
function readRecord(file: string): ReadRecord | undefined {
  const abs = resolve(file)
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`找不到文件“${file}” / "${file}" does not exist`)
  if (statSync(abs).size > MAX_IMPORT_BYTES) {
    console.error(`${file}: 文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB / file larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
    return undefined
  }
  const raw = readFileSync(abs, 'utf8')
  const text = loneCrAsLf(raw.replace(/^\uFEFF/, ''))
  const parsed = parseImport(text)
  if (!parsed.ok) {
    console.error(`${file}: 不是有效的演练记录 / not a valid drill record`)
    for (const e of parsed.errors) console.error(`  ${e}`)
    return undefined
  }
  return { record: parsed.record, narrative: parsed.narrative, format: parsed.format, text, raw, abs }
}

function checkLocale(value: string | undefined): Locale | undefined {
  if (value !== undefined && value !== 'zh-CN' && value !== 'en') throw new UsageError('--locale 只能是 zh-CN 或 en / --locale must be zh-CN or en')
  return value as Locale | undefined
}

async function runScore(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { locale: { type: 'string' }, write: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help) {
    console.log(drillHelp)
    return EXIT.ok
  }
  if (positionals.length !== 1) throw new UsageError('需要且只需要一个演练记录文件 / give exactly one drill record file')
  const file = positionals[0]
  let locale = checkLocale(values.locale)
  const root = findLibraryRoot(file)
  let grading: GradingInput | undefined
  if (root) {
    const meta = loadLibraryMeta(root, { settingsOnly: true })
    grading = meta.settings.grading
    locale ??= meta.settings.locale as Locale
  }
  locale ??= 'zh-CN'
  const read = readRecord(file)
  if (!read) return EXIT.failure
  const check = checkRecord(read.record, grading)
  const shown = relative(process.cwd(), resolve(file)) || file
  process.stdout.write(scoreReport(shown, read.record, check, resolveGrading(grading), locale))
  if (!values.write || !check.mismatch) return check.mismatch ? EXIT.findings : EXIT.ok
  return writeScores(shown, read, check, locale)
}

/** `--write`: the recomputed values into the record file, value spans only; exit 0 once written. */
function writeScores(shown: string, read: ReadRecord, check: RecordCheck, locale: Locale): number {
  if (read.format === 'json') {
    console.error(say(locale, { zh: `${shown}：--write 只修改 Markdown 演练记录；JSON 导出文件请先用 yuanku drill add 收录`, en: `${shown}: --write edits Markdown drill records only; add a JSON export with yuanku drill add first` }))
    return EXIT.findings
  }
  const rewrite = rewriteScores(read.text, check)
  if (!rewrite.ok) {
    console.error(say(locale, { zh: `${shown}：“${rewrite.field}”的写法无法确定地替换，未写入；请手工修改`, en: `${shown}: "${rewrite.field}" is written in a form that cannot be replaced with certainty; nothing written, edit it by hand` }))
    return EXIT.findings
  }
  // Same offsets in the file as written: loneCrAsLf replaces one character by one, and the BOM is outside.
  const bom = read.raw.startsWith('\uFEFF')
  const body = applyFixes(bom ? read.raw.slice(1) : read.raw, rewrite.fixes).text
  writeFileAtomic(read.abs, bom ? `\uFEFF${body}` : body)
  const lines = rewrite.edits.map((e) => `  ${e.field}: ${e.before} → ${e.after}`)
  process.stdout.write(`${say(locale, { zh: `已写入 ${shown}：`, en: `Written to ${shown}:` })}\n${lines.join('\n')}\n`)
  return EXIT.ok
}

const num = (n: number | null, locale: Locale) => (n === null ? (locale === 'en' ? 'none' : '无') : String(n))

export function scoreReport(path: string, record: DrillRecordData, check: RecordCheck, grading: ReturnType<typeof resolveGrading>, locale: Locale): string {
  const r = check.result
  const byRef = new Map(record.checklist.map((i) => [i.ref, i]))
  const na = record.checklist.filter((i) => i.rating === 'na').length
  const lines: string[] = []
  lines.push(say(locale, { zh: `演练记录：${path}（${record.plan}，${record.date}）`, en: `Drill record: ${path} (${record.plan}, ${record.date})` }))
  const provisional = r.provisional ? say(locale, { zh: `（暂定：尚有 ${r.unrated} 项未评定）`, en: ` (provisional: ${r.unrated} unrated)` }) : ''
  lines.push(say(locale, { zh: `得分：${num(r.score, locale)}${provisional}`, en: `Score: ${num(r.score, locale)}${provisional}` }))
  lines.push(say(locale, { zh: `等级：${gradeLabel(r.grade, grading, locale)}`, en: `Grade: ${gradeLabel(r.grade, grading, locale)}` }))
  lines.push(say(locale, { zh: `完成：${r.rated}/${r.total} 项已评定，其中不适用 ${na} 项`, en: `Completion: ${r.rated}/${r.total} items rated, ${na} not applicable` }))
  lines.push(say(locale, { zh: `否决项未达标：${r.criticalFailures.length ? `${r.criticalFailures.length} 项` : '无'}`, en: `Critical failures: ${r.criticalFailures.length || 'none'}` }))
  for (const ref of r.criticalFailures) lines.push(`  - ${ref} ${byRef.get(ref)?.text ?? ''}`)
  if (r.timedOver.length) {
    lines.push(say(locale, { zh: `超过时限：${r.timedOver.length} 项`, en: `Over time: ${r.timedOver.length}` }))
    for (const ref of r.timedOver) {
      const i = byRef.get(ref)
      lines.push(say(locale, { zh: `  - ${ref} ${i?.text ?? ''}（用时 ${i?.elapsed}，时限 ${i?.within}）`, en: `  - ${ref} ${i?.text ?? ''} (took ${i?.elapsed}, limit ${i?.within})` }))
    }
  }
  if (!check.mismatch) {
    lines.push(say(locale, { zh: `与记录比对：一致（记录得分 ${num(record.score, locale)}）`, en: `Recorded: matches (recorded score ${num(record.score, locale)})` }))
  } else {
    lines.push(say(locale, { zh: '与记录比对：不一致', en: 'Recorded: MISMATCH' }))
    if (check.score) lines.push(say(locale, { zh: `  - 记录得分 ${num(check.score.recorded, locale)}，计算得分 ${num(check.score.computed, locale)}`, en: `  - recorded score ${num(check.score.recorded, locale)}, computed ${num(check.score.computed, locale)}` }))
    if (check.grade) lines.push(say(locale, { zh: `  - 记录等级 ${check.grade.recorded ?? '无'}，计算等级 ${check.grade.computed ?? '无'}`, en: `  - recorded grade ${check.grade.recorded ?? 'none'}, computed ${gradeLabel(check.grade.computed, grading, locale)}` }))
    if (check.unrated) lines.push(say(locale, { zh: `  - 记录未评项 ${check.unrated.recorded}，实际 ${check.unrated.computed}`, en: `  - recorded unrated ${check.unrated.recorded}, actual ${check.unrated.computed}` }))
    for (const m of check.items) {
      lines.push(say(locale, { zh: `  - 评估项 ${m.ref} 记录得分 ${num(m.recorded, locale)}，应为 ${num(m.computed, locale)}`, en: `  - item ${m.ref} recorded ${num(m.recorded, locale)}, should be ${num(m.computed, locale)}` }))
    }
  }
  return `${lines.join('\n')}\n`
}

function libraryRoot(option: string | undefined): string {
  const cwd = process.cwd()
  const dir = resolve(cwd, option ?? (existsSync(join(cwd, 'plans')) ? 'plans' : '.'))
  if (!existsSync(join(dir, 'library.yaml')) && !existsSync(join(dir, 'units.yaml'))) {
    throw new UsageError(`“${option ?? (relative(cwd, dir) || ".")}”不是预案库（没有 library.yaml 或 units.yaml）/ not a plan library (no library.yaml or units.yaml)`)
  }
  return dir
}

async function runAdd(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { library: { type: 'string' }, 'allow-incomplete': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    console.log(drillHelp)
    return EXIT.ok
  }
  if (positionals.length !== 1) throw new UsageError('需要且只需要一个演练记录文件 / give exactly one drill record file')
  const root = libraryRoot(values.library)
  const read = readRecord(positionals[0])
  if (!read) return EXIT.findings
  const { record } = read
  const library = loadLibrary(root)
  const plan = library.planById.get(record.plan)
  const problems: string[] = []
  if (!plan) problems.push(`预案“${record.plan}”不在预案库中 / plan "${record.plan}" is not in the library`)
  const same = library.drills.find((d) => d.data?.id === record.id)
  if (same) problems.push(`演练记录编号“${record.id}”已被 ${same.path} 使用；多名评估人员的记录请先在评估页面合并 / record id "${record.id}" is already used by ${same.path}; merge several evaluators' records in the checklist page first`)
  const check = checkRecord(record, library.settings.grading)
  if (check.mismatch) problems.push(`记录的得分与评估项不符，请用 yuanku drill score 查看 / the recorded score does not match its items; see yuanku drill score`)
  // A half-rated record scores low and grades 不合格 for want of ratings: storing it by mistake puts a
  // failing grade on the plan's history. It goes in only when the user says it is meant to.
  // A record the evaluator finalised (定稿) with unrated items is final by their decision: no flag needed.
  const unrated = check.result.unrated
  if (unrated > 0 && !problems.length && record.finalized !== true) {
    const total = check.result.total
    if (!values['allow-incomplete']) {
      problems.push(
        `尚有 ${unrated} 项未评定（已评 ${total - unrated}/${total}），得分和等级为暂定；请在评估页面评完后重新导出，或加 --allow-incomplete 收录暂定记录 / ${unrated} of ${total} items are unrated and the grade is provisional; finish rating and export again, or add --allow-incomplete to store it as provisional`,
      )
    } else {
      console.error(`警告 / warning: 尚有 ${unrated} 项未评定，收录为暂定记录 / ${unrated} items unrated; stored as a provisional record`)
    }
  }
  if (problems.length) {
    console.error(`${positionals[0]}: 未收录 / not added`)
    for (const p of problems) console.error(`  ${p}`)
    return EXIT.findings
  }
  const text = read.format === 'markdown' ? read.text : recordToMarkdown(record, undefined, { planTitle: plan!.data.title, grading: library.settings.grading })
  const { createFileAtomic } = await import('../lib/fs/atomic.ts')
  const dir = join(root, DRILLS_DIR)
  mkdirSync(dir, { recursive: true })
  const stem = `${record.date}-${record.plan}`.replace(/[^A-Za-z0-9-]+/g, '-')
  for (let n = 1; n < 1000; n++) {
    const target = join(dir, `${stem}${n === 1 ? '' : `-${n}`}.md`)
    if (existsSync(target)) continue
    try {
      createFileAtomic(target, text)
    } catch (error) {
      // Another writer took the name between the check and the link: try the next one, never replace.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue
      throw error
    }
    console.log(`已收录 / added: ${relative(process.cwd(), target)}`)
    return EXIT.ok
  }
  throw new UsageError(`plans/drills/ 中已有太多“${stem}”记录 / too many records named ${stem}`)
}
