import { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { inTransaction } from '../shared/tx';
import { DEFAULT_STATUS_RULES, type StatusRules } from '../rules/status';

/** The county's own grace period and review period, kept in `settings`. */
const KEYS = { graceYears: 'registry.graceYears', reviewMonths: 'registry.reviewMonths' } as const;

export const statusRulesInput = z.object({
  graceYears: z.number().int().min(0).max(20),
  reviewMonths: z.number().int().min(1).max(36),
});

export function readStatusRules(ledger: Ledger): StatusRules {
  const get = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const num = (key: string, fallback: number) => {
    const v = get.get(key) as string | undefined;
    return v === undefined ? fallback : Number(v);
  };
  return {
    graceYears: num(KEYS.graceYears, DEFAULT_STATUS_RULES.graceYears),
    reviewMonths: num(KEYS.reviewMonths, DEFAULT_STATUS_RULES.reviewMonths),
  };
}

/**
 * Changes the periods for events approved from now on. Dates already derived stay as they are
 * until the household's next approved event recomputes them.
 */
export function setStatusRules(ledger: Ledger, actor: Actor, raw: z.input<typeof statusRulesInput>): StatusRules {
  const input = statusRulesInput.parse(raw);
  return inTransaction(ledger, () => {
    const before = readStatusRules(ledger);
    const put = ledger.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    put.run(KEYS.graceYears, String(input.graceYears));
    put.run(KEYS.reviewMonths, String(input.reviewMonths));
    appendAudit(ledger, actor, { entity: 'settings', entityId: 'registry.statusRules', action: 'update', before, after: input });
    return input;
  });
}
