// The drill core the checklist page bundles: scoring, records, import and merge (no Node APIs).
// deriveChecklist (derive.ts) runs at build time and in the CLI; import it from './derive.ts'.
export * from './types.ts'
export * from './score.ts'
export * from './record.ts'
export * from './import.ts'
export { parseDuration, formatMinutes, toMinutes } from './duration.ts'
