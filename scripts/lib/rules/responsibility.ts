// Responsibility rules. A plain list; each rule lives in its own file.
import type { Rule } from './define-rule.ts'
import unitNotDeclared from './unit-not-declared.ts'
import unitWithoutDuty from './unit-without-duty.ts'
import levelWithoutCommander from './level-without-commander.ts'
import noTimeLimit from './no-time-limit.ts'
import duplicateUnit from './duplicate-unit.ts'
import movedFunction from './moved-function.ts'
import unregisteredUnitName from './unregistered-unit-name.ts'

export const responsibilityRules: Rule<any>[] = [unitNotDeclared, unitWithoutDuty, levelWithoutCommander, noTimeLimit, duplicateUnit, movedFunction, unregisteredUnitName]
