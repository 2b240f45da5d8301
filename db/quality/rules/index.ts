/** Every data-quality rule, in the order reports list them (docs/QUALITY.md). */
import type { QualityRule } from '../types';
import { identityRules } from './identity';
import { householdRules } from './household';
import { personRules } from './person';
import { schoolingRules } from './schooling';
import { healthRules } from './health';
import { dibaoRules } from './dibao';
import { incomeRules } from './income';
import { paymentRules } from './payments';
import { contactRules } from './contacts';
import { housingRules } from './housing';
import { shareRules } from './shares';

export const RULES: readonly QualityRule[] = [
  ...identityRules,
  ...householdRules,
  ...personRules,
  ...schoolingRules,
  ...healthRules,
  ...dibaoRules,
  ...incomeRules,
  ...paymentRules,
  ...shareRules,
  ...contactRules,
  ...housingRules,
];

export const RULE_BY_ID: ReadonlyMap<string, QualityRule> = new Map(RULES.map((r) => [r.id, r]));
