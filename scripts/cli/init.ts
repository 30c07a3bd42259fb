// `yuanku init`: starts a library in an office's own repository. Checks everything first and writes
// nothing when the folder already holds a library; files that exist already (.gitignore, package.json)
// get only the lines and scripts they lack.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { EXIT, UsageError } from './errors.ts'
import { createFileAtomic, writeFileAtomic } from '../lib/fs/atomic.ts'
import { INIT_LEVELS, initDefaults, unitsTemplate, type InitLevel } from '../lib/init-template.ts'

const HELP = `用法 / Usage: yuanku init [目录 DIR] [--level city|county|township|enterprise] [--name 名称 NAME]

在目录（默认当前目录）中新建预案库：plans/（library.yaml、units.yaml、checklists/、drills/）、
.gitignore、package.json 中的 lint/build/preview 脚本，以及 GitLab CI 和 Gitea/GitHub Actions 示例。
Starts a library in DIR (default: the current folder): plans/ with library.yaml, units.yaml, checklists/ and
drills/, .gitignore, the lint/build/preview scripts in package.json, and CI examples for GitLab and
Gitea/GitHub Actions.

  --level   city 市级 · county 县级 · township 乡镇/街道 · enterprise 企业（默认 county）
            决定 units.yaml 中常见部门的骨架 / chooses the skeleton of typical units in units.yaml
  --name    行政区或企业的名称，如 西山县 / name of the jurisdiction or enterprise`

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TEMPLATES = join(PACKAGE_ROOT, 'templates/init')
const SCRIPTS = { lint: 'yuanku lint', build: 'yuanku build', preview: 'yuanku preview' }
const LIBRARY_MARKERS = ['library.yaml', 'units.yaml']

const templateText = (name: string) => readFileSync(join(TEMPLATES, name), 'utf8')
const show = (cwd: string, path: string) => relative(cwd, path) || '.'

export async function runInit(argv: string[], cwd = process.cwd()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      level: { type: 'string', default: 'county' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    return EXIT.ok
  }
  if (positionals.length > 1) throw new UsageError('只能指定一个目录 / give one folder at most')
  const level = values.level as InitLevel
  if (!INIT_LEVELS.includes(level)) throw new UsageError(`--level 应为 ${INIT_LEVELS.join('、')} 之一，而不是“${values.level}” / --level must be one of ${INIT_LEVELS.join(', ')}`)
  const name = values.name?.trim() || initDefaults.name[level]
  if (/[\n{}[\]#:]/.test(name)) throw new UsageError(`名称“${name}”含有不能用的字符 / the name contains characters that cannot be used`)

  const dir = resolve(cwd, positionals[0] ?? '.')
  const plans = join(dir, 'plans')
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`“${show(cwd, dir)}”不是文件夹 / "${show(cwd, dir)}" is not a folder`)
  // Refuse before writing anything: a library here already, or a plans/ folder with content of its own.
  for (const place of [dir, plans]) {
    for (const marker of LIBRARY_MARKERS) {
      if (existsSync(join(place, marker))) {
        throw new UsageError(`“${show(cwd, place)}”中已有预案库（${marker}），未写入任何文件 / "${show(cwd, place)}" already holds a library (${marker}); nothing was written`)
      }
    }
  }
  if (existsSync(plans) && (!statSync(plans).isDirectory() || readdirSync(plans).length > 0)) {
    throw new UsageError(`“${show(cwd, plans)}”已存在且不是空文件夹，未写入任何文件 / "${show(cwd, plans)}" exists and is not empty; nothing was written`)
  }
  const packageFile = join(dir, 'package.json')
  let pkg: Record<string, unknown> | undefined
  if (existsSync(packageFile)) {
    try {
      pkg = JSON.parse(readFileSync(packageFile, 'utf8'))
    } catch (error) {
      throw new UsageError(`${show(cwd, packageFile)} 不是有效的 JSON，未写入任何文件 / is not valid JSON (${(error as Error).message}); nothing was written`)
    }
    if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) throw new UsageError(`${show(cwd, packageFile)} 不是 JSON 对象，未写入任何文件 / is not a JSON object; nothing was written`)
  }

  // A copy of Yuanku's own repository (the template way) has no installed `yuanku` command.
  const template = pkg?.name === 'yuanku' && existsSync(join(dir, 'bin/yuanku.js'))
  const command = (text: string) => (template ? text.replaceAll('npx yuanku ', 'node bin/yuanku.js ') : text)

  const written: string[] = []
  const kept: string[] = []
  const create = (path: string, text: string) => {
    if (existsSync(path)) {
      kept.push(show(cwd, path))
      return
    }
    mkdirSync(join(path, '..'), { recursive: true })
    createFileAtomic(path, text)
    written.push(show(cwd, path))
  }

  mkdirSync(plans, { recursive: true })
  create(join(plans, 'library.yaml'), templateText('library.yaml').replaceAll('{{name}}', name))
  create(join(plans, 'units.yaml'), unitsTemplate(level, name))
  mkdirSync(join(plans, 'drills'), { recursive: true })
  create(join(plans, 'drills/.gitkeep'), '')
  const checklists = join(PACKAGE_ROOT, 'templates/init/checklists')
  mkdirSync(join(plans, 'checklists'), { recursive: true })
  for (const file of readdirSync(checklists)) create(join(plans, 'checklists', file), readFileSync(join(checklists, file), 'utf8'))
  create(join(dir, '.gitlab-ci.yml'), command(templateText('gitlab-ci.yml')))
  create(join(dir, '.github/workflows/yuanku.yml'), command(templateText('github-workflow.yml')))

  // .gitignore: add the lines it lacks, keep the rest as the office wrote it.
  const ignoreFile = join(dir, '.gitignore')
  const wanted = templateText('gitignore').split('\n').filter(Boolean)
  if (existsSync(ignoreFile)) {
    const text = readFileSync(ignoreFile, 'utf8')
    const have = new Set(text.split(/\r?\n/).map((l) => l.trim()))
    const missing = wanted.filter((l) => !have.has(l) && !have.has(l.replace(/\/$/, '')) && !have.has(`/${l}`))
    if (missing.length) {
      writeFileAtomic(ignoreFile, `${text}${text.endsWith('\n') || !text ? '' : '\n'}${missing.join('\n')}\n`)
      written.push(`${show(cwd, ignoreFile)}（补充 / added ${missing.join(' ')}）`)
    }
  } else create(ignoreFile, `${wanted.join('\n')}\n`)

  // package.json: the three scripts, where the office has none of that name.
  const next = pkg ?? { name: 'yuanku-library', private: true }
  const scripts = { ...((next.scripts as Record<string, string> | undefined) ?? {}) }
  const wantedScripts = Object.fromEntries(Object.entries(SCRIPTS).map(([k, v]) => [k, template ? v.replace(/^yuanku /, 'node bin/yuanku.js ') : v]))
  const added = Object.entries(wantedScripts).filter(([key]) => !(key in scripts))
  for (const [key, value] of added) scripts[key] = value
  if (added.length || !pkg) {
    writeFileAtomic(packageFile, `${JSON.stringify({ ...next, scripts }, null, 2)}\n`)
    written.push(`${show(cwd, packageFile)}（脚本 / scripts: ${added.map(([k]) => k).join(', ')}）`)
  }
  const skipped = Object.keys(wantedScripts).filter((k) => !added.some(([a]) => a === k))
  if (pkg && skipped.length) kept.push(`package.json 中已有的脚本 / existing scripts: ${skipped.join(', ')}`)

  console.log(`已建立预案库 / library started: ${show(cwd, plans)}（${level}${values.name ? `，${name}` : ''}）`)
  for (const w of written) console.log(`  写入 / wrote   ${w}`)
  for (const k of kept) console.log(`  保留 / kept    ${k}（已存在，未改动 / exists, left as it was）`)
  console.log(`
下一步 / next steps:
  1. 按本地实际修改 plans/units.yaml 中的单位名称和编号 / edit the units in plans/units.yaml
  2. npx yuanku new --type overall …  新建第一份预案 / write the first plan (yuanku new --help)
  3. npm run lint    检查 / check        npm run build   生成站点 / build the site        npm run preview   预览 / preview`)
  return EXIT.ok
}
