// Ground truth for the 北原市 corpus (test/corpora/beiyuan/, README there numbers every entry).
// Labelled by reading each plan as a reviewer would, not by running the linter: what a correct linter
// MUST report (kind 'gap') and what it must NOT report although the text looks suspicious (kind 'trap').
//
// `awaits` marks where today's linter differs from the truth:
//   - on a gap: "missed: …", the linter does not report it yet (for a rule that does not exist yet the
//     rule id is a descriptive placeholder and the place is the defect's text);
//   - on a trap: "false-positive: …", the linter reports it today although it must not.
// Once the linter is fixed, delete the `awaits` property on that one line: a gap line then requires the
// finding, a trap line then forbids it. The test fails while a tag is stale (the difference is gone).
// `text` (optional) picks one of several findings at the same place by a part of its Chinese message.

export type Expected = {
  /** Gap or trap id, as in test/corpora/beiyuan/README.md. */
  id: string
  kind: 'gap' | 'trap'
  /** Library-relative file:line:column. */
  at: string
  rule: string
  text?: string
  awaits?: string
}

export const BEIYUAN: Expected[] = [
  // ── Real gaps the linter finds today ───────────────────────────────────────────────────────────
  { id: 'G1', kind: 'gap', at: 'units.yaml:8:11', rule: 'coverage-gap', text: '地震灾害' },
  { id: 'G2', kind: 'gap', at: 'shi/bumen/bys-gongan-daolu.md:57:56', rule: 'unit-not-declared' },
  { id: 'G3', kind: 'gap', at: 'shi/zhuanxiang/bys-weihua.md:93:63', rule: 'no-time-limit' },
  { id: 'G4', kind: 'gap', at: 'nanhe/nanhe-fangxun.md:76:39', rule: 'copied-from-parent' },
  { id: 'G5', kind: 'gap', at: 'beihu/beihu-zongti.md:58:16', rule: 'placeholder-text' },
  { id: 'G5', kind: 'gap', at: 'beihu/beihu-zongti.md:82:16', rule: 'placeholder-text' },
  { id: 'G6', kind: 'gap', at: 'beihu/beihu-fangxun.md:38:18', rule: 'review-overdue' },
  { id: 'G6', kind: 'gap', at: 'beihu/beihu-fangxun.md:2:1', rule: 'drill-overdue' },
  { id: 'G6', kind: 'gap', at: 'beihu/beihu-fangxun.md:28:11', rule: 'stale-parent' },
  { id: 'G6', kind: 'gap', at: 'beihu/beihu-fangxun.md:29:11', rule: 'stale-parent' },
  { id: 'G7', kind: 'gap', at: 'xiangzhen/liulin-zongti.md:13:1', rule: 'missing-parent' },
  { id: 'G8', kind: 'gap', at: 'qiye/hengda/hengda-onsite-zhuangxie.md:39:39', rule: 'dissolved-unit' },

  // ── Real gaps the linter misses today (issue 10, "Defects missed") ─────────────────────────────
  { id: 'G9', kind: 'gap', at: 'shi/bys-zongti-2026.md:2:5', rule: 'duplicate-plan' },
  { id: 'G10', kind: 'gap', at: 'shi/zhuanxiang/bys-jiuzhu.md:67:5', rule: 'moved-function' },
  { id: 'G11', kind: 'gap', at: 'shi/zhuanxiang/bys-senlin.md:77:42', rule: 'moved-function', awaits: 'missed: item 9 moved-function (森林防灭火指挥部办公室 at 林业和草原局)' },
  { id: 'G12', kind: 'gap', at: 'beihu/beihu-fangxun.md:59:31', rule: 'moved-function' },
  { id: 'G13', kind: 'gap', at: 'nanhe/nanhe-weihua.md:57:11', rule: 'dissolved-unit' },
  { id: 'G14', kind: 'gap', at: 'shi/zhuanxiang/bys-jiuzhu.md:59:51', rule: 'repealed-basis' },
  { id: 'G15', kind: 'gap', at: 'qiye/hengda/hengda-xielou.md:51:73', rule: 'repealed-basis' },
  { id: 'G16', kind: 'gap', at: 'nanhe/nanhe-weihua.md:51:14', rule: 'vague-trigger' },
  { id: 'G17', kind: 'gap', at: 'nanhe/nanhe-fangxun.md:91:4', rule: 'unregistered-unit-name' },

  // ── Traps: correct text that today's linter reports (issue 10, "False findings seen") ──────────
  { id: 'T1', kind: 'trap', at: 'shi/zhuanxiang/bys-fangxun.md:83:34', rule: 'unit-not-declared' },
  { id: 'T2', kind: 'trap', at: 'shi/zhuanxiang/bys-weihua.md:75:7', rule: 'unit-not-declared' },
  { id: 'T3', kind: 'trap', at: 'shi/zhuanxiang/bys-fangxun.md:144:7', rule: 'unit-not-declared' },
  { id: 'T4', kind: 'trap', at: 'shi/zhuanxiang/bys-weihua.md:83:7', rule: 'unit-not-declared' },
  { id: 'T5', kind: 'trap', at: 'shi/zhuanxiang/bys-yiqing.md:57:1', rule: 'required-section', text: '组织指挥体系' },
  { id: 'T5', kind: 'trap', at: 'shi/zhuanxiang/bys-yiqing.md:57:1', rule: 'required-section', text: '监测预警' },
  { id: 'T5', kind: 'trap', at: 'shi/zhuanxiang/bys-yiqing.md:57:1', rule: 'required-section', text: '应急响应' },
  { id: 'T5', kind: 'trap', at: 'shi/zhuanxiang/bys-yiqing.md:57:1', rule: 'required-section', text: '后期处置' },
  { id: 'T5', kind: 'trap', at: 'shi/zhuanxiang/bys-yiqing.md:57:1', rule: 'required-section', text: '预案管理' },
  { id: 'T6', kind: 'trap', at: 'qiye/hengda/hengda-zonghe.md:91:19', rule: 'no-time-limit' },
  { id: 'T7', kind: 'trap', at: 'shi/zhuanxiang/bys-senlin.md:123:14', rule: 'dissolved-unit' },
  { id: 'T7', kind: 'trap', at: 'shi/zhuanxiang/bys-senlin.md:123:51', rule: 'dissolved-unit' },
  { id: 'T8', kind: 'trap', at: 'shi/zhuanxiang/bys-anquan.md:101:14', rule: 'dissolved-unit' },
  { id: 'T8', kind: 'trap', at: 'shi/zhuanxiang/bys-anquan.md:101:45', rule: 'dissolved-unit' },
  { id: 'T13', kind: 'trap', at: 'nanhe/nanhe-weihua.md:115:19', rule: 'dissolved-unit' },
  { id: 'T9', kind: 'trap', at: 'qiye/hengda/hengda-zonghe.md:64:67', rule: 'repealed-basis' },
  { id: 'T10', kind: 'trap', at: 'units.yaml:8:11', rule: 'coverage-gap', text: '道路交通事故' },

  // ── Traps outside issue 10's list, found while writing the corpus ─────────────────────────────
  { id: 'T11', kind: 'trap', at: 'qiye/hengda/hengda-zonghe.md:109:19', rule: 'unit-not-declared', awaits: 'false-positive: not in issue 10 (an enterprise 请求…支援 asks the county, it gives it no work)' },
  { id: 'T11', kind: 'trap', at: 'qiye/hengda/hengda-zonghe.md:109:28', rule: 'unit-not-declared', awaits: 'false-positive: not in issue 10 (an enterprise 请求…支援 asks the county, it gives it no work)' },
  { id: 'T12', kind: 'trap', at: 'qiye/hengda/hengda-onsite-guanqu.md:41:31', rule: 'unit-not-declared' },
]

/** Plans that must produce no finding at all (README: “clean plans”). */
export const BEIYUAN_CLEAN: string[] = [
  'shi/bys-zongti.md',
  'shi/bumen/bys-gongxin-dadian.md',
  'shi/zhuanxiang/bys-dizhen.md',
  'nanhe/nanhe-zongti.md',
  'xiangzhen/hubin-zongti.md',
  'qiye/hengda/hengda-onsite-guanqu.md',
]
