// Realistic Word documents for the import tests, built with the `docx` package the way offices' files
// look: with heading styles; without styles but with hand-typed or Word auto-numbered Chinese labels;
// with tables; wrapped in a 印发通知.
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'

const p = (text: string, options: Record<string, unknown> = {}) => new Paragraph({ children: [new TextRun({ text, font: { eastAsia: '仿宋_GB2312' } })], ...options })
const cell = (text: string) => new TableCell({ children: [p(text)], width: { size: 3000, type: WidthType.DXA } })
const table = (rows: string[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) })

const BODY_SECTIONS: [string, string, string[]][] = [
  ['一、', '总则', []],
  ['（一）', '编制目的', ['为及时有效应对西山县境内洪涝灾害，最大程度减少人员伤亡和财产损失，制定本预案。']],
  ['（二）', '编制依据', ['依据《中华人民共和国防洪法》《示例市防汛抗旱应急预案》《西山县突发事件总体应急预案》等，制定本预案。']],
  ['（三）', '适用范围', ['本预案适用于西山县行政区域内洪涝灾害的预防和应急处置。']],
  ['二、', '组织指挥体系', []],
  ['（一）', '成员单位职责', ['县水利局：负责组织防汛会商和洪水调度；负责水利工程险情抢护技术指导。', '县应急管理局：统筹调度抢险救援力量和物资；组织受灾群众转移安置。', '县卫生局：负责灾区医疗救治和卫生防疫。']],
  ['三、', '监测预警', ['县水利局、县气象局加强雨情水情监测。']],
  ['四、', '应急响应', []],
  ['（一）', 'Ⅰ级响应', ['县城区段洪水超过保证水位时，启动Ⅰ级响应，由县长统一指挥。']],
  ['（二）', 'Ⅳ级响应', ['主要河道超过警戒水位时，启动Ⅳ级响应，由县水利局局长组织指挥。']],
  ['五、', '后期处置', ['做好善后处置和恢复重建工作。']],
  ['六、', '应急保障', []],
  ['七、', '预案管理', ['本预案由县应急管理局负责解释，自印发之日起施行。']],
]

/** Chapter headings in Word heading styles (标题 1/2), hand-typed labels, a table of teams. */
export async function styledDocx(): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: '西山县防汛抗旱应急预案', heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER })]
  for (const [label, title, paragraphs] of BODY_SECTIONS) {
    children.push(new Paragraph({ text: `${label}${title}`, heading: label.startsWith('（') ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1 }))
    for (const text of paragraphs) children.push(p(text))
    if (title === '应急保障') {
      children.push(p('应急队伍和物资如下表。'))
      children.push(table([['队伍', '人数', '驻地'], ['县消防救援大队', '45', '城关镇'], ['县防汛抢险队', '60', '青石镇']]))
    }
  }
  children.push(p('附件：1. 西山县防汛抗旱指挥部成员名单'))
  return Packer.toBuffer(new Document({ sections: [{ children }] }))
}

/** No styles at all: chapters numbered by Word's own automatic numbering (一、 / （一）) in plain paragraphs. */
export async function autoNumberedDocx(): Promise<Buffer> {
  const children: Paragraph[] = [p('西山县防汛抗旱应急预案', { alignment: AlignmentType.CENTER }), p('目  录'), p('一、总则……………………1'), p('二、组织指挥体系……………3')]
  for (const [label, title, paragraphs] of BODY_SECTIONS) {
    const level = label.startsWith('（') ? 1 : 0
    children.push(new Paragraph({ children: [new TextRun(title)], numbering: { reference: 'chapters', level } }))
    for (const text of paragraphs) children.push(p(text))
  }
  return Packer.toBuffer(
    new Document({
      numbering: {
        config: [
          {
            reference: 'chapters',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [{ children }],
    }),
  )
}

/** A 印发通知 in front of the plan, then the plan with hand-typed labels and no styles. */
export async function wrappedDocx(): Promise<Buffer> {
  const children: Paragraph[] = [
    p('西山县人民政府办公室文件'),
    p('西政办发〔2021〕12号'),
    p('西山县人民政府办公室关于印发西山县防汛抗旱应急预案的通知'),
    p('各乡镇人民政府，县政府各部门：'),
    p('《西山县防汛抗旱应急预案》已经县政府同意，现印发给你们，请认真贯彻执行。'),
    p('西山县人民政府办公室'),
    p('2021年4月12日'),
    p('（此件公开发布）'),
    p('西山县防汛抗旱应急预案', { alignment: AlignmentType.CENTER }),
  ]
  for (const [label, title, paragraphs] of BODY_SECTIONS) {
    children.push(p(`${label}${title}`))
    for (const text of paragraphs) children.push(p(text))
  }
  children.push(p('— 3 —'))
  return Packer.toBuffer(new Document({ sections: [{ children }] }))
}

/** The body as HTML, for the PDF printed in Chromium. */
export function planHtml(): string {
  const rows = BODY_SECTIONS.map(([label, title, paragraphs]) => `<p class="h">${label}${title}</p>${paragraphs.map((t) => `<p>${t}</p>`).join('')}`).join('')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 1.6 }
    h1 { font-size: 22pt; text-align: center; font-weight: normal }
    p { margin: 0 0 0.4em; text-indent: 2em } p.h { text-indent: 0 }
  </style></head><body><h1>西山县防汛抗旱应急预案</h1>${rows}</body></html>`
}

export const PLAN_LINES = BODY_SECTIONS.flatMap(([label, title, paragraphs]) => [`${label}${title}`, ...paragraphs])
