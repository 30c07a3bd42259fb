import { defineRule } from './define-rule.ts'
import { SCHEMA_MESSAGES, type SchemaMessageId } from '../load/schema-issues.ts'
import type { SourceFile } from '../model/plan.ts'
import { ruleSettingIssues } from '../rule-options.ts'

/** Every file whose frontmatter or YAML the loader read: plans, drills, checklists, units.yaml, library.yaml. */
export function loadedFiles(library: import('../model/library.ts').Library): SourceFile[] {
  return [
    ...(library.settingsFile ? [library.settingsFile] : []),
    ...(library.unitsFile ? [library.unitsFile] : []),
    ...library.plans,
    ...library.drills,
    ...library.checklists,
  ]
}

export default defineRule({
  id: 'schema',
  name: { zh: '格式不符', en: 'Schema violation' },
  family: 'form',
  severity: 'error',
  anyPlan: true,
  options: {},
  docs: {
    summary: { zh: '前言或 YAML 文件不符合 schema/ 中的 JSON Schema', en: 'Frontmatter or YAML file does not match the JSON Schema in schema/' },
    why: {
      zh: '元数据是检查衔接、覆盖、职责和动态管理的基础；键名拼错或取值越界会让其他规则失明。',
      en: 'Every other rule reads the metadata; a misspelt key or an invalid value blinds them.',
    },
    notReported: {
      zh: 'library.yaml 中没写的键不报告（取文档中的默认值）；正文内容不由本规则检查；YAML 注释不检查。',
      en: 'Keys left out of library.yaml are not reported (their documented defaults apply); the body is not checked by this rule; YAML comments are not checked.',
    },
    fix: { zh: '按消息修改所指的键或值；未知键会给出最接近的已知键。', en: 'Change the key or value the message points at; unknown keys come with the closest known key.' },
    bad: '---\nid: shili-flood\nparnets:\n  - plan: shili-overall\nstatus: publish\n---',
    good: '---\nid: shili-flood\nparents:\n  - plan: shili-overall\nstatus: published\n---',
  },
  messages: SCHEMA_MESSAGES,
  checkLibrary(ctx) {
    for (const file of loadedFiles(ctx.library)) {
      for (const issue of file.issues) {
        if (issue.rule === 'schema') ctx.report({ file, place: issue.place, messageId: issue.messageId as SchemaMessageId, data: issue.data })
      }
    }
    // library.yaml's `rules`: ids Yuanku knows, and options each rule's schema accepts.
    const settings = ctx.library.settingsFile
    const fm = settings?.frontmatter
    if (!settings || !fm) return
    for (const issue of ruleSettingIssues(ctx.rules, ctx.library.settings.rules as Record<string, unknown>, fm)) {
      ctx.report({ file: settings, place: settings.lines.place(issue.start, issue.end), messageId: issue.messageId, data: issue.data })
    }
  },
})
