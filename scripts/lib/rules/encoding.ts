import { defineRule, message } from './define-rule.ts'

type D = Record<string, string | number>
const m = message<D>

export default defineRule({
  id: 'encoding',
  name: { zh: '文件编码错误', en: 'File encoding' },
  family: 'form',
  severity: 'error',
  options: {},
  docs: {
    summary: { zh: '文件不是 UTF-8 文本（GBK/GB18030、UTF-16、二进制、过大或无法读取）', en: 'File is not UTF-8 text (GBK/GB18030, UTF-16, binary, too large or unreadable)' },
    why: {
      zh: 'Windows 编辑器常把文件存成 GBK/GB18030 或 UTF-16；按 UTF-8 读取会变成乱码。Yuanku 不猜测编码，只报告问题。',
      en: 'Windows editors often save GBK/GB18030 or UTF-16; read as UTF-8 they turn into garbage. Yuanku refuses to guess.',
    },
    notReported: {
      zh: '带 BOM 的 UTF-8 文件不报告。',
      en: 'UTF-8 files with a BOM are not reported.',
    },
    fix: {
      zh: '在编辑器中“另存为 UTF-8”，或运行 iconv -f GB18030 -t UTF-8 原文件 > 新文件。',
      en: 'Save as UTF-8 in the editor, or run iconv -f GB18030 -t UTF-8 old > new.',
    },
    bad: '（以 GBK 编码保存的预案文件）',
    good: '（以 UTF-8 编码保存的同一文件）',
  },
  messages: {
    'not-utf8': m(
      (d) => `文件不是 UTF-8 编码${d.guess ? `（看起来是 ${d.guess}）` : ''}，请另存为 UTF-8`,
      (d) => `File is not UTF-8${d.guess ? ` (looks like ${d.guess})` : ''}; save it as UTF-8`,
    ),
    utf16: m(() => '文件是 UTF-16 编码，请另存为 UTF-8', () => 'File is UTF-16; save it as UTF-8'),
    binary: m(() => '文件含有 NUL 字节，不是文本文件', () => 'File contains a NUL byte: it is not a text file'),
    'too-large': m((d) => `文件过大（${d.size} MB，上限 ${d.limit} MB），未检查`, (d) => `File too large (${d.size} MB, limit ${d.limit} MB); not checked`),
    unreadable: m((d) => `无法读取文件（${d.code}）`, (d) => `Cannot read the file (${d.code})`),
    symlink: m(() => '符号链接未被读取：预案库只读取普通文件', () => 'Symbolic link not followed: the library reads regular files only'),
    'not-a-file': m(() => '不是普通文件，未读取', () => 'Not a regular file; not read'),
    'unreadable-folder': m((d) => `无法读取文件夹（${d.code}），其中的预案未检查`, (d) => `Cannot read the folder (${d.code}); the plans in it were not checked`),
  },
  checkLibrary(ctx) {
    for (const u of ctx.library.unreadable) {
      const file = { path: u.path, absPath: u.absPath, kind: u.role } as never
      // The loader's id (load/file.ts); one this rule lacks throws when worded.
      ctx.report({ file, place: u.issue.place, messageId: u.issue.messageId as never, data: u.issue.data })
    }
    for (const s of ctx.library.skipped) {
      const file = { path: s.path, absPath: s.path } as never
      ctx.report({ file, place: { line: 1, column: 1, endLine: 1, endColumn: 1 }, messageId: s.reason, data: { code: s.code ?? '' } })
    }
  },
})
