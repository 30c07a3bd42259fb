// The `yaml` package's error messages in Chinese, with a hint for the mistakes office authors make
// most: a colon inside an unquoted value (a title like “示例市：防汛预案” typed with an ASCII colon),
// tab indentation (pasted from a word processor), and an unclosed quote.

interface Translation {
  /** Matches the package's English message (its first line). */
  test: RegExp
  zh: (m: RegExpMatchArray) => string
  /** What to do, when there is a common cause. */
  hint?: { zh: string; en: string } | ((m: RegExpMatchArray) => { zh: string; en: string })
}

const QUOTE_HINT = {
  zh: '值里有英文冒号加空格（“: ”）时，请给整个值加引号，如 title: "示例市: 防汛预案"，或改用中文冒号“：”；不是这种情况时请检查缩进',
  en: 'when a value contains ": ", put the whole value in quotes, e.g. title: "Flood plan: 2025"',
}
const TAB_HINT = { zh: '请用空格缩进（每级两个空格），不要用 Tab 键', en: 'indent with spaces (two per level), not tabs' }
const CLOSE_QUOTE_HINT = { zh: '请在值的末尾补上配对的引号（同一行内）', en: 'close the quote at the end of the value, on the same line' }
const INDENT_HINT = { zh: '同一列表或映射中的各项应对齐到同一列', en: 'items of one list or mapping must start at the same column' }

const FLOW: Record<string, string> = { 'flow map': '花括号映射 {…}', 'flow sequence': '方括号列表 […]', 'flow collection': '方括号或花括号' }
const flowName = (s: string) => FLOW[s] ?? s

const TRANSLATIONS: Translation[] = [
  { test: /^Nested mappings are not allowed in compact mappings/, zh: () => '同一行里出现了第二个“键: 值”', hint: QUOTE_HINT },
  { test: /^A block sequence may not be used as an implicit map key/, zh: () => '列表项（- …）的缩进不对，被当成了键', hint: INDENT_HINT },
  { test: /^Implicit keys need to be on a single line/, zh: () => '键必须写在一行内，并以“: ”（冒号加空格）与值分开', hint: { zh: '检查上一行是否缺少“: ”，或冒号后是否漏了空格；值里有冒号时请加引号', en: 'check for a missing ": " (colon and space) on this or the previous line; quote values that contain a colon' } },
  { test: /^Implicit keys of flow sequence pairs need to be on a single line/, zh: () => '方括号列表中的键必须写在一行内' },
  { test: /^Implicit map keys need to be followed by map values/, zh: () => '键后面缺少“: 值”', hint: { zh: '在键后写上“: ”（冒号加空格）和值', en: 'write ": " and a value after the key' } },
  { test: /^Tabs are not allowed as indentation/, zh: () => '不能用 Tab 缩进', hint: TAB_HINT },
  { test: /^Missing closing "quote/, zh: () => '双引号没有闭合', hint: CLOSE_QUOTE_HINT },
  { test: /^Missing closing 'quote/, zh: () => '单引号没有闭合', hint: CLOSE_QUOTE_HINT },
  { test: /^Sequence item without - indicator/, zh: () => '列表项前缺少“- ”，或缩进与上一项不一致', hint: INDENT_HINT },
  { test: /^All sequence items must start at the same column/, zh: () => '列表的各项（- …）没有对齐到同一列', hint: INDENT_HINT },
  { test: /^All mapping items must start at the same column/, zh: () => '映射的各键没有对齐到同一列', hint: INDENT_HINT },
  { test: /must be sufficiently indented and end with a ([\]}])/, zh: (m) => `${m[1] === ']' ? '方括号列表 [ … ]' : '花括号映射 { … }'}没有闭合，或下一行缩进不够`, hint: (m) => ({ zh: `请在该项末尾补上“${m[1]}”`, en: `close it with ${m[1]}` }) },
  { test: /^Map keys must be unique/, zh: () => '键重复' },
  { test: /^Source contains multiple documents/, zh: () => '前言中出现了第二个 --- 分隔行', hint: { zh: '前言只能有一组 --- … ---；正文中的分隔线请改用 *** 或空行', en: 'the frontmatter has one --- … --- block; use *** for a rule in the text' } },
  { test: /^Invalid escape sequence (.*)/, zh: (m) => `双引号中的转义序列 ${m[1]} 无效`, hint: { zh: '反斜杠“\\”在双引号中有特殊含义：改用单引号，或写成“\\\\”', en: 'a backslash is special inside double quotes: use single quotes or write \\\\' } },
  { test: /^Plain value cannot start with (.*)/, zh: (m) => `不加引号的值不能以 ${m[1]} 开头`, hint: { zh: '请给这个值加引号', en: 'put the value in quotes' } },
  { test: /^Comments must be separated from other tokens by white space characters/, zh: () => '注释符号“#”前应有空格' },
  { test: /^Tags and anchors must be separated from the next token by white space/, zh: () => '标签或锚点后应有空格' },
  { test: /^Missing , between (.*) items/, zh: (m) => `${flowName(m[1])}的各项之间缺少英文逗号“,”` },
  { test: /^Missing , or : between (.*) items/, zh: (m) => `${flowName(m[1])}的各项之间缺少英文逗号“,”或冒号“:”` },
  { test: /^Missing space after : in (.*)/, zh: (m) => `${flowName(m[1])}中的冒号“:”后缺少空格` },
  { test: /^Unexpected , in (.*)/, zh: (m) => `${flowName(m[1])}中有多余的逗号` },
  { test: /^Unexpected empty item in (.*)/, zh: (m) => `${flowName(m[1])}中有空项（两个逗号之间没有内容）` },
  { test: /^Unexpected (\S+) at node end/, zh: (m) => `值的末尾有多余的“${m[1]}”` },
  { test: /^Unexpected (\S+) in (.*)/, zh: (m) => `${flowName(m[2])}中有多余的“${m[1]}”` },
  { test: /^Unexpected (.*) token/, zh: () => '此处有无法识别的内容', hint: QUOTE_HINT },
  { test: /^Expected a flow scalar value, but found: (.*)/, zh: () => '此处应为一个值' },
  { test: /^Block scalar header includes extra characters/, zh: () => '多行文本标记（| 或 >）后有多余的字符' },
  { test: /^Block scalar header not found/, zh: () => '多行文本标记（| 或 >）有误' },
  { test: /^Missing directives-end/, zh: () => '缺少 --- 分隔行' },
  { test: /^Block collection cannot start on same line with directives-end marker/, zh: () => '--- 行后不能直接写列表或映射' },
  { test: /^A node can have at most one anchor/, zh: () => '一个值最多只能有一个锚点' },
  { test: /^A node can have at most one tag/, zh: () => '一个值最多只能有一个标签' },
  { test: /^An alias node must not specify any properties/, zh: () => '别名不能带标签或锚点' },
  { test: /^(Alias|Anchor) cannot be an empty string/, zh: (m) => `${m[1] === 'Alias' ? '别名' : '锚点'}名称不能为空`, hint: { zh: '“*”或“&”开头的值请加引号', en: 'quote a value that starts with * or &' } },
  { test: /^(Alias|Anchor) ending in : is ambiguous/, zh: (m) => `${m[1] === 'Alias' ? '别名' : '锚点'}名称不能以冒号结尾` },
  { test: /^Anchors and tags must be after the (.*) indicator/, zh: () => '锚点和标签应写在“-”或“?”之后' },
  { test: /^Unresolved tag: (.*)/, zh: (m) => `无法识别的标签 ${m[1]}` },
  { test: /used for .* collection, but expects/, zh: () => '标签与值的类型不符' },
  { test: /^Excessive alias count/, zh: () => '别名展开过多' },
]

/** Fallbacks by error code, for messages the table does not know (a newer `yaml`). */
const BY_CODE: Record<string, string> = {
  BAD_INDENT: '缩进不正确',
  MISSING_CHAR: '缺少必要的字符',
  UNEXPECTED_TOKEN: '此处有无法识别的内容',
  BLOCK_AS_IMPLICIT_KEY: '缩进或冒号使用有误',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行内',
  TAB_AS_INDENT: '不能用 Tab 缩进',
  BAD_SCALAR_START: '不加引号的值以保留字符开头',
  BAD_DQ_ESCAPE: '双引号中的转义序列无效',
  BAD_DIRECTIVE: '无效的 YAML 指令（% 开头的行）',
  BLOCK_IN_FLOW: '方括号或花括号中不能写多行列表或映射',
  NON_STRING_KEY: '键应为文字',
  MULTIPLE_DOCS: '前言中出现了第二个 --- 分隔行',
  DUPLICATE_KEY: '键重复',
}

export interface YamlErrorText {
  zh: string
  en: string
}

/** The Chinese wording of a `yaml` error and, for common causes, what to do (zh and en). */
export function describeYamlError(code: string, message: string): YamlErrorText {
  for (const t of TRANSLATIONS) {
    const m = message.match(t.test)
    if (!m) continue
    const hint = typeof t.hint === 'function' ? t.hint(m) : t.hint
    return { zh: hint ? `${t.zh(m)}。${hint.zh}` : t.zh(m), en: hint ? `${message}; ${hint.en}` : message }
  }
  const zh = BY_CODE[code]
  return { zh: zh ? `${zh}（${message}）` : message, en: message }
}
