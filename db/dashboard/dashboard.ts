/**
 * The home screen's figures in one call: households and people by status, attribute and main
 * cause; poverty incidence by township or village; fund spending progress by source; asset income.
 * Alert counts come from alertQueries.ts in a second call, so the charts never wait for them.
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { dashboardQuery } from './schemas';
import { householdBreakdowns } from './households';
import { incidenceByArea } from './incidence';
import { fundProgress } from './funds';
import { assetIncomeFigures } from './assetIncome';

export function dashboard(ledger: Ledger, raw: z.input<typeof dashboardQuery>) {
  const q = dashboardQuery.parse(raw);
  const area = { townshipId: q.townshipId, villageId: q.villageId };
  const started = performance.now();
  const result = {
    area,
    year: q.year ?? null,
    households: householdBreakdowns(ledger, area),
    incidence: incidenceByArea(ledger, area),
    funds: fundProgress(ledger, q.year),
    assetIncome: assetIncomeFigures(ledger, q.year, area),
  };
  return { ...result, ms: Math.round(performance.now() - started) };
}
export type DashboardData = ReturnType<typeof dashboard>;
