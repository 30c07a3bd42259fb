// `npm run bench:import`: imports a folder of generated Word documents (default 100 documents of about
// 30 A4 pages each: Chinese numbering, duty lists, tables of teams, a 印发通知) with `yuanku import`, as a
// whole process, and prints wall time and peak memory. Options: --docs N --pages N --runs N --keep
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { measure, median, type Sample } from './measure.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const { values } = parseArgs({ options: { docs: { type: 'string', default: '100' }, pages: { type: 'string', default: '30' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } } })
const docs = Number(values.docs)
const pages = Number(values.pages)
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const SENTENCES = [
  '县应急管理局负责统筹协调全县防汛抗旱应急处置工作，组织指导乡镇开展群众转移避险。',
  '事发地乡镇人民政府应当在30分钟内向县人民政府电话报告，1小时内书面报告。',
  '县水利局负责组织防汛会商和洪水调度，提供水利工程险情抢护技术支撑。',
  '县气象局负责灾害性天气监测预报预警，及时发布暴雨、雷电等预警信息。',
  '县消防救援大队负责人员搜救和抢险救援，协助转移安置受威胁群众。',
  '县卫生健康局负责组织医疗救治、卫生防疫和心理援助工作。',
]
const p = (text: string) => new Paragraph({ children: [new TextRun(text)] })

function document(n: number): Document {
  // 3号 text in the 22 × 28 grid: about 600 characters a page.
  const target = pages * 600
  const children: (Paragraph | Table)[] = [p('西山县人民政府办公室关于印发西山县防汛抗旱应急预案的通知'), p(`西政办发〔2021〕${n}号`), p('2021年4月12日'), p('西山县防汛抗旱应急预案')]
  let chars = 0
  for (let chapter = 0; chars < target; chapter++) {
    children.push(p(`${CN[chapter % 10]}、第${chapter + 1}章`))
    for (let section = 0; section < 4 && chars < target; section++) {
      children.push(p(`（${CN[section]}）第${section + 1}节`))
      for (let k = 0; k < 6; k++) {
        const text = SENTENCES[(n + chapter + section + k) % SENTENCES.length].repeat(2)
        children.push(p(text))
        chars += text.length
      }
      children.push(new Table({ rows: [['队伍', '人数', '驻地'], ['县防汛抢险队', String(40 + section), '青石镇']].map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [p(c)] })) })) }))
    }
  }
  return new Document({ sections: [{ children }] })
}

const dir = mkdtempSync(join(tmpdir(), 'yuanku-bench-import-'))
const input = join(dir, 'in')
mkdirSync(input)
for (let n = 0; n < docs; n++) writeFileSync(join(input, `plan-${String(n).padStart(3, '0')}.docx`), await Packer.toBuffer(document(n)))
const samples: Sample[] = []
for (let r = 0; r < Number(values.runs); r++) {
  rmSync(join(dir, 'lib'), { recursive: true, force: true })
  cpSync(join(ROOT, 'plans'), join(dir, 'lib'), { recursive: true })
  samples.push(await measure(process.execPath, [join(ROOT, 'scripts/yuanku.ts'), 'import', 'in', '--library', 'lib', '--no-lint', '--today', '2026-12-04'], { cwd: dir }))
}
const ok = samples.every((s) => s.code === 0)
console.log(`yuanku import: ${docs} Word documents of ~${pages} pages, ${cpus().length} cores, Node ${process.version}`)
console.log(`  wall ${median(samples.map((s) => s.seconds)).toFixed(1)} s (median of ${samples.length}; ${samples.map((s) => s.seconds.toFixed(1)).join(', ')}), peak RSS ${median(samples.map((s) => s.peakMb)).toFixed(0)} MB${ok ? '' : ' — SOME RUNS FAILED'}`)
if (!values.keep) rmSync(dir, { recursive: true, force: true })
else console.log(`  kept ${dir}`)
