/**
 * For the "trial balance over 1,000,000 voucher lines" target: more direct payments to households
 * appended to a copy of a generated ledger until it holds `target` voucher lines. Same method as
 * gen/funds.ts (prepared INSERTs, posting through the app's UPDATE so the triggers keep
 * fund_balances), spread over the same three years and the sources already there.
 */
import type { Ledger } from '../../../db/ledger';
import { Random } from '../../../db/demo/random';
import { VoucherWriter, fundYears, pad2, type LineDraft } from './funds';

const PAYMENTS: readonly (readonly [string, string, number, number])[] = [
  ['5002.01', '产业奖补', 500, 3000],
  ['5002.02', '教育资助', 300, 2500],
  ['5002.03', '医疗救助', 200, 5000],
  ['5002.05', '就业补贴', 300, 1500],
  ['5002.07', '其他到户补助', 100, 1000],
];

export function appendLines(ledger: Ledger, opts: { seed: number; today: string; target: number }): number {
  const s = ledger.sqlite;
  const rng = new Random(opts.seed ^ 0x1_000_000);
  const { years, lastMonth } = fundYears(opts.today);
  const households = s.prepare(`SELECT id, village_id AS villageId, head_name AS headName FROM households WHERE status <> 'cancelled' ORDER BY id`).all() as
    { id: number; villageId: number; headName: string }[];
  const sources = new Map(years.map((y) => [y, s.prepare(`SELECT id FROM fund_sources WHERE year = ? AND type <> 'donation' ORDER BY id`).pluck().all(y) as number[]]));
  const writer = new VoucherWriter(ledger, `${opts.today}T00:00:00.000Z`);
  let lines = s.prepare('SELECT count(*) FROM voucher_lines').pluck().get() as number;
  const run = () => {
    // Dates in order within each year, so that the numbers follow the dates as they would.
    const perYear = Math.ceil((opts.target - lines) / years.length);
    for (const year of years) {
      const months = year === years[years.length - 1] ? lastMonth : 12;
      const drafts: { date: string; memo: string; lines: LineDraft[] }[] = [];
      let added = 0;
      while (added < perYear) {
        const start = rng.int(0, households.length - 1);
        const [account, words, lo, hi] = rng.pick(PAYMENTS);
        const source = rng.pick(sources.get(year)!);
        const count = Math.min(rng.int(40, 120), households.length);
        const debits: LineDraft[] = [];
        for (let i = 0; i < count; i++) {
          const h = households[(start + i) % households.length]!;
          debits.push({ account, summary: `${words} ${h.headName}`, debit: rng.int(lo, hi) * 100, credit: 0, source, household: h.id, village: h.villageId });
        }
        const total = debits.reduce((n, l) => n + l.debit, 0);
        drafts.push({
          date: `${year}-${pad2(rng.int(1, months))}-${pad2(rng.int(1, 28))}`, memo: `${words}批量发放`,
          lines: [...debits, { account: '1001', summary: '银行代发', debit: 0, credit: total }],
        });
        added += count + 1;
      }
      drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const d of drafts) writer.write(d);
      lines += added;
    }
  };
  const cache = s.pragma('cache_size', { simple: true }) as number;
  s.pragma('cache_size = -262144');
  try {
    s.transaction(run).immediate();
  } finally {
    s.pragma(`cache_size = ${cache}`);
  }
  return s.prepare('SELECT count(*) FROM voucher_lines').pluck().get() as number;
}
