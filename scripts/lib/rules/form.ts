// Form rules: schema, encoding and the checks of single plans against the registry.
import type { Rule } from './define-rule.ts'
import schema from './schema.ts'
import encoding from './encoding.ts'
import duplicateId from './duplicate-id.ts'
import unknownUnit from './unknown-unit.ts'
import unknownHazard from './unknown-hazard.ts'
import requiredSection from './required-section.ts'
import emptySection from './empty-section.ts'
import placeholderText from './placeholder-text.ts'
import dissolvedUnit from './dissolved-unit.ts'
import brokenLink from './broken-link.ts'
import rawHtml from './raw-html.ts'
import repealedBasis from './repealed-basis.ts'
import fullwidthSpace from './fullwidth-space.ts'
import enumAlias from './enum-alias.ts'

export const formRules: Rule<any>[] = [
  schema,
  encoding,
  duplicateId,
  unknownUnit,
  unknownHazard,
  requiredSection,
  emptySection,
  placeholderText,
  dissolvedUnit,
  brokenLink,
  rawHtml,
  repealedBasis,
  fullwidthSpace,
  enumAlias,
]
