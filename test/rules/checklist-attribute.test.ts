// What expected.txt cannot show for checklist-attribute: English messages and the severity.
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { ruleById } from '../../scripts/lib/rules/index.ts'
import { lintFixture } from '../helpers/library.ts'

const DIR = join(new URL('.', import.meta.url).pathname, 'checklist-attribute', 'not-ok')

it('is a warning of the operability family', () => {
  expect([ruleById('checklist-attribute')!.severity, ruleById('checklist-attribute')!.family]).toEqual(['warn', 'operability'])
})

it('speaks English', () => {
  const messages = lintFixture(DIR, { only: ['checklist-attribute'], locale: 'en' }).map((f) => f.message)
  expect(messages).toEqual([
    'Time limit "soon" cannot be read, so the item is not timed: write a number with a unit, e.g. within=30m',
    'Points "abc" is not a positive number, so the item counts 1 point: write e.g. 分值=5',
    'Time limit "三十" cannot be read, so the item is not timed: write a number with a unit, e.g. 时限=30分钟',
    'The critical flag\'s value "也许" cannot be read: write just "关键", or 关键=yes / 关键=no',
    'Checklist attribute "权重=2" is not known and would be ignored (known: points, within, critical)',
    'The attributes "{分值=5 时限=20分钟" at the end of the item lack the closing brace "}" and have no effect',
    'The attributes "{时限=1小时}" stand in the middle of the item and have no effect: move them to its end',
    'Checklist attribute "point=2" is not known and would be ignored — did you mean "points"? (known: points, within, critical)',
  ])
})
