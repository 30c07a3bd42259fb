// library.yaml's `export` section with its defaults. Kept apart from the writers so that a site build with
// downloads turned off never loads them.
import type { Library } from '../model/library.ts'
import type { NoticeSettings } from './model.ts'

export type ExportFormat = 'docx' | 'pdf'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf']

export interface ExportSettings {
  site: 'all' | 'internal' | 'off'
  formats: ExportFormat[]
  appendices: boolean
  notice: NoticeSettings
  /** library.yaml names the formats itself (not the default). */
  formatsChosen: boolean
}

/** library.yaml's `export` with its defaults (the schema's). */
export function exportSettings(library: Library): ExportSettings {
  const raw = ((library.settings as unknown as Record<string, unknown>).export ?? {}) as Partial<ExportSettings>
  return {
    site: raw.site ?? 'all',
    formats: (raw.formats ?? ['docx', 'pdf']).filter((f): f is ExportFormat => EXPORT_FORMATS.includes(f)),
    appendices: raw.appendices ?? true,
    notice: raw.notice ?? {},
    formatsChosen: raw.formats !== undefined,
  }
}

