/**
 * The home screen's two calls: dashboard figures (households by status/attribute/cause, incidence,
 * fund progress, asset income) and alert counts. ANCHOR (figures): one raw GROUP BY over all
 * households in better-sqlite3 — a single scan, so the ratio says how many scans' worth the
 * figures cost.
 */
import { openLedger, type Ledger } from '../../../db/ledger';
import { Harness, notAvailable } from '../lib/harness';
import { optionalFunction } from '../lib/optional';
import { judgeBoth, judgeMax } from '../lib/report';
import { median } from '../lib/measure';
import type { OpResult, Series } from '../lib/types';

type Fn = (l: Ledger, q: Record<string, unknown>) => unknown;

export async function run(h: Harness): Promise<OpResult[]> {
  const { ctx } = h;
  const out: OpResult[] = [];
  const ledger = openLedger(ctx.ledgerFile, { mustExist: true });
  const scan = ledger.sqlite.prepare('SELECT status, attribute, main_cause, count(*), sum(size) FROM households GROUP BY status, attribute, main_cause');
  const judge = (s: Series) => judgeBoth(judgeMax(median(s.ms), 300, '≤ 300 ms'), s.cpuMs?.length ? judgeMax(median(s.cpuMs), 300, '≤ 300 ms') : null);
  try {
    const figuresBase = { id: 'dashboard.figures', group: ctx.group, label: 'dashboard figures (county)' };
    if (h.wants(figuresBase.id)) {
      try {
        const dashboard = await optionalFunction<Fn>('db/dashboard/dashboard.ts', 'dashboard');
        const r = await h.pair(() => { dashboard(ledger, {}); }, () => { scan.all(); }, { warmup: 1 });
        out.push({
          ...figuresBase, status: 'ok', op: r.op, anchor: r.anchor, anchorStatus: 'ok', anchorLabel: 'one GROUP BY over households (raw)',
          target: judge(r.op),
        });
      } catch (err) {
        out.push(notAvailable(figuresBase, err));
      }
    }
    const alertsBase = { id: 'dashboard.alerts', group: ctx.group, label: 'dashboard alert counts (county)' };
    if (h.wants(alertsBase.id)) {
      try {
        const alerts = await optionalFunction<Fn>('db/dashboard/alertQueries.ts', 'alertSummaries');
        const r = await h.pair(() => { alerts(ledger, {}); }, () => { scan.all(); }, { warmup: 1 });
        out.push({
          ...alertsBase, status: 'ok', op: r.op, anchor: r.anchor, anchorStatus: 'ok', anchorLabel: 'one GROUP BY over households (raw)',
          target: judge(r.op), note: 'a second call from the home screen; the charts do not wait for it',
        });
      } catch (err) {
        out.push(notAvailable(alertsBase, err));
      }
    }
  } finally {
    ledger.close();
  }
  return out;
}
