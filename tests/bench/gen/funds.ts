/**
 * Bench-only generator of special-fund bookkeeping for a generated county: fund sources,
 * projects (with their villages and allocations) and about five posted voucher lines per
 * household over the last three years (L: 60,000 households → ≈ 300,000 lines).
 *
 * HOW: fast prepared INSERTs matching the schema (no zod, no per-line existence checks, no audit
 * rows), then each voucher is posted with the same UPDATE the app uses, so the schema's own
 * triggers check the balance and the number sequence and maintain fund_balances — the trial
 * balance therefore reads exactly what real posting would have left. Lines carry the dimensions the
 * accounts require (source, project, household) and the village the app would imply.
 * Deterministic for a seed. Runs in one transaction.
 */
import type { Ledger } from '../../../db/ledger';
import { Random } from '../../../db/demo/random';

export const ACCOUNTANT_ID = 3;
export const REVIEWER_ID = 4;

export interface FundsSummary {
  sources: number;
  projects: number;
  vouchers: number;
  lines: number;
  years: number[];
  from: string;
  to: string;
}

interface VoucherDraft {
  date: string;
  memo: string;
  lines: LineDraft[];
}

export interface LineDraft {
  account: string;
  summary: string;
  debit: number;
  credit: number;
  source?: number | null;
  project?: number | null;
  village?: number | null;
  household?: number | null;
  asset?: number | null;
}

const PROJECT_ACCOUNT: Record<string, string> = {
  industry: '5001.01', infrastructure: '5001.02', employment: '5001.03', education: '5001.04', health: '5001.05',
  housing: '5001.06', relocation: '5001.07', water: '5001.08', finance: '5001.09', other: '5001.10',
};
const PROJECT_WORDS: Record<string, string> = {
  industry: '产业发展', infrastructure: '村组道路硬化', employment: '就业技能培训', education: '雨露计划', health: '村卫生室建设',
  housing: '危房改造', relocation: '安置点配套', water: '饮水安全巩固提升', finance: '小额信贷风险补偿', other: '人居环境整治',
};
const HOUSEHOLD_PAYMENTS: readonly (readonly [string, string, number, number])[] = [
  ['5002.01', '产业奖补', 500, 3000],
  ['5002.02', '教育资助', 300, 2500],
  ['5002.03', '医疗救助', 200, 5000],
  ['5002.04', '危房改造补助', 5000, 20000],
  ['5002.05', '就业补贴', 300, 1500],
  ['5002.06', '小额信贷贴息', 100, 1200],
  ['5002.07', '其他到户补助', 100, 1000],
];
const SOURCE_PLAN: readonly (readonly [level: string, type: string, count: number, title: string, account: string])[] = [
  ['central', 'special', 6, '中央财政衔接推进乡村振兴补助资金', '4001.01'],
  ['provincial', 'special', 4, '省级财政衔接推进乡村振兴补助资金', '4001.02'],
  ['city', 'special', 2, '市级财政衔接资金', '4001.03'],
  ['county', 'special', 3, '县级财政衔接资金', '4001.04'],
  ['county', 'integrated', 3, '统筹整合涉农资金', '4002'],
  ['central', 'counterpart', 2, '东西部协作资金', '4003'],
  ['county', 'donation', 1, '社会帮扶捐赠资金', '4004'],
];

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** The three years ending with the year of `today`; months after today's are left out. */
export function fundYears(today: string): { years: number[]; lastMonth: number } {
  const y = Number(today.slice(0, 4));
  return { years: [y - 2, y - 1, y], lastMonth: Math.max(1, Number(today.slice(5, 7)) - 1) };
}

/** Inserts vouchers as reviewed drafts, then posts them in date order through the posting UPDATE. */
export class VoucherWriter {
  private readonly accountIds: Map<string, number>;
  private readonly insVoucher;
  private readonly insLine;
  private readonly post;
  private readonly next = new Map<number, number>();
  vouchers = 0;
  lines = 0;

  constructor(private readonly ledger: Ledger, private readonly stampAt: string) {
    const s = ledger.sqlite;
    this.accountIds = new Map((s.prepare('SELECT code, id FROM fund_accounts').all() as { code: string; id: number }[]).map((a) => [a.code, a.id]));
    this.insVoucher = s.prepare(
      `INSERT INTO vouchers (year, number, date, memo, attachments, status, origin, origin_ref, reverses_id, prepared_by, prepared_at, reviewed_by, reviewed_at)
       VALUES (?, NULL, ?, ?, ?, 'reviewed', 'manual', NULL, NULL, ?, ?, ?, ?) RETURNING id`,
    ).pluck();
    this.insLine = s.prepare(
      `INSERT INTO voucher_lines (voucher_id, line_no, account_id, summary, debit_fen, credit_fen, source_id, project_id, village_id, household_id, asset_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.post = s.prepare(`UPDATE vouchers SET status = 'posted', number = ?, posted_by = ?, posted_at = ? WHERE id = ?`);
  }

  accountId(code: string): number {
    const id = this.accountIds.get(code);
    if (id === undefined) throw new Error(`bench: no account ${code} in the chart`);
    return id;
  }

  /** Writes and posts one voucher; returns its id and the ids of its lines. */
  write(v: VoucherDraft): { id: number; lineIds: number[] } {
    const year = Number(v.date.slice(0, 4));
    const at = `${v.date}T09:00:00.000Z`;
    const id = this.insVoucher.get(year, v.date, v.memo, 1, ACCOUNTANT_ID, at, REVIEWER_ID, at) as number;
    const lineIds: number[] = [];
    v.lines.forEach((l, i) => {
      const r = this.insLine.run(id, i + 1, this.accountId(l.account), l.summary, l.debit, l.credit, l.source ?? null, l.project ?? null,
        l.village ?? null, l.household ?? null, l.asset ?? null);
      lineIds.push(Number(r.lastInsertRowid));
    });
    let number = this.next.get(year);
    if (number === undefined) {
      number = ((this.ledger.sqlite.prepare(`SELECT coalesce(max(number), 0) FROM vouchers WHERE year = ? AND status = 'posted'`).pluck().get(year) as number) + 1);
    }
    this.post.run(number, ACCOUNTANT_ID, this.stampAt, id);
    this.next.set(year, number + 1);
    this.vouchers++;
    this.lines += v.lines.length;
    return { id, lineIds };
  }
}

export function generateFunds(ledger: Ledger, opts: { seed: number; today: string; linesPerHousehold?: number }): FundsSummary {
  const s = ledger.sqlite;
  const rng = new Random(opts.seed ^ 0x5eed_f0d5);
  const { years, lastMonth } = fundYears(opts.today);
  const households = s.prepare(`SELECT id, village_id AS villageId, head_name AS headName FROM households WHERE status <> 'cancelled' ORDER BY id`).all() as
    { id: number; villageId: number; headName: string }[];
  const villages = s.prepare('SELECT id, name FROM villages ORDER BY id').all() as { id: number; name: string }[];
  const byVillage = new Map<number, typeof households>();
  for (const h of households) {
    const list = byVillage.get(h.villageId) ?? [];
    list.push(h);
    byVillage.set(h.villageId, list);
  }
  const targetLinesPerYear = Math.round((households.length * (opts.linesPerHousehold ?? 5)) / years.length);
  const stampAt = `${opts.today}T00:00:00.000Z`;

  const insSource = s.prepare(
    `INSERT INTO fund_sources (level, type, year, doc_no, title, amount_fen, issued_on, note, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?) RETURNING id`,
  ).pluck();
  const insProject = s.prepare(
    `INSERT INTO projects (code, name, type, year, budget_fen, site, content, implementer, responsible, planned_start, planned_end, status, accepted_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).pluck();
  const insProjectVillage = s.prepare('INSERT INTO project_villages (project_id, village_id) VALUES (?, ?)');
  const insAllocation = s.prepare(
    `INSERT INTO fund_allocations (source_id, project_id, amount_fen, doc_no, allocated_on, note, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const writer = new VoucherWriter(ledger, stampAt);
  let sourceCount = 0;
  let projectCount = 0;

  const run = () => {
    for (const year of years) {
      const months = year === years[years.length - 1] ? lastMonth : 12;
      const day = (m = rng.int(1, months)) => `${year}-${pad2(m)}-${pad2(rng.int(1, 28))}`;
      const drafts: VoucherDraft[] = [];

      // Sources and their receipts.
      const sources: { id: number; account: string; amount: number; type: string }[] = [];
      for (const [level, type, count, title, account] of SOURCE_PLAN) {
        for (let k = 1; k <= count; k++) {
          // Money per household stays the same at every scale, and receipts exceed what is paid out.
          const amount = Math.round(rng.int(2_000, 60_000) * 100_00 * Math.max(1, households.length / 5_000));
          const issued = `${year}-${pad2(Math.min(months, rng.int(1, 4)))}-${pad2(rng.int(1, 28))}`;
          const docNo = `${level === 'central' ? '财农' : level === 'provincial' ? '省财农' : level === 'city' ? '市财农' : '县财农'}〔${year}〕${rng.int(1, 300)}-${k}号`;
          const id = insSource.get(level, type, year, `${docNo}${type === 'special' ? '' : `-${type}`}`, `${year}年${title}（第${k}批）`, amount, issued, ACCOUNTANT_ID, stampAt) as number;
          sources.push({ id, account, amount, type });
          sourceCount++;
          for (const [i, part] of [0.6, 0.4].entries()) {
            drafts.push({
              date: i === 0 ? issued : day(), memo: `收到${year}年${title}（第${k}批）`,
              lines: [
                { account: '1001', summary: '资金到账', debit: Math.round(amount * part), credit: 0 },
                { account, summary: `${title}到账`, debit: 0, credit: Math.round(amount * part), source: id },
              ],
            });
          }
        }
      }
      const spendable = sources.filter((x) => x.type !== 'donation');

      // Projects in one (sometimes two or three) villages, allocated from one or two sources.
      const projectsThisYear = Math.max(10, Math.round(villages.length * 0.4));
      const projects: { id: number; type: string; villageId: number | null; allocations: { source: number; amount: number }[] }[] = [];
      for (let p = 1; p <= projectsThisYear; p++) {
        const type = rng.pick(Object.keys(PROJECT_ACCOUNT));
        const v = rng.pick(villages);
        const inVillages = rng.chance(0.85) ? [v] : [v, rng.pick(villages)].filter((x, i, a) => a.findIndex((y) => y.id === x.id) === i);
        const budget = rng.int(200, 5_000) * 1000_00;
        const id = insProject.get(`XM${year}${String(p).padStart(4, '0')}`, `${v.name}${PROJECT_WORDS[type]}项目`, type, year, budget,
          inVillages.map((x) => x.name).join('、'), `${PROJECT_WORDS[type]}`, `${v.name}村民委员会`, '李建国',
          `${year}-03-01`, `${year}-11-30`, 'in_progress', null, stampAt, stampAt) as number;
        projectCount++;
        for (const x of inVillages) insProjectVillage.run(id, x.id);
        const allocations: { source: number; amount: number }[] = [];
        for (const src of [rng.pick(spendable), ...(rng.chance(0.3) ? [rng.pick(spendable)] : [])]) {
          if (allocations.some((a) => a.source === src.id)) continue;
          const amount = Math.round(budget / 2);
          insAllocation.run(src.id, id, amount, `县扶组发〔${year}〕${p}号`, `${year}-03-01`, ACCOUNTANT_ID, stampAt);
          allocations.push({ source: src.id, amount });
        }
        projects.push({ id, type, villageId: inVillages.length === 1 ? v.id : null, allocations });
      }

      // Project payments (2–3 lines each): progress payments to the implementer.
      let lines = drafts.reduce((n, d) => n + d.lines.length, 0);
      const projectLines = Math.round(targetLinesPerYear * 0.12);
      while (lines < projectLines) {
        const p = rng.pick(projects);
        const a = rng.pick(p.allocations);
        const fen = Math.max(1, Math.round(a.amount * rng.int(2, 6) / 100));
        const split = p.allocations.length > 1 && rng.chance(0.3);
        const other = p.allocations.find((x) => x.source !== a.source);
        const debits: LineDraft[] = split && other
          ? [
            { account: PROJECT_ACCOUNT[p.type]!, summary: `${PROJECT_WORDS[p.type]}进度款`, debit: fen, credit: 0, source: a.source, project: p.id, village: p.villageId },
            { account: PROJECT_ACCOUNT[p.type]!, summary: `${PROJECT_WORDS[p.type]}进度款`, debit: fen, credit: 0, source: other.source, project: p.id, village: p.villageId },
          ]
          : [{ account: PROJECT_ACCOUNT[p.type]!, summary: `${PROJECT_WORDS[p.type]}进度款`, debit: fen, credit: 0, source: a.source, project: p.id, village: p.villageId }];
        const total = debits.reduce((n, l) => n + l.debit, 0);
        drafts.push({ date: day(), memo: `支付${PROJECT_WORDS[p.type]}项目进度款`, lines: [...debits, { account: '1001', summary: '银行付款', debit: 0, credit: total }] });
        lines += debits.length + 1;
      }

      // Direct payments to households: one voucher per village and payment type, one line per household.
      while (lines < targetLinesPerYear) {
        const v = rng.pick(villages);
        const list = byVillage.get(v.id);
        if (!list?.length) continue;
        const [account, words, lo, hi] = rng.pick(HOUSEHOLD_PAYMENTS);
        const src = rng.pick(spendable);
        const count = Math.min(list.length, rng.int(20, 80), 499);
        const start = rng.int(0, list.length - 1);
        const debits: LineDraft[] = [];
        for (let i = 0; i < count; i++) {
          const h = list[(start + i) % list.length]!;
          debits.push({ account: account!, summary: `${words} ${h.headName}`, debit: rng.int(lo!, hi!) * 100, credit: 0, source: src.id, household: h.id, village: v.id });
        }
        const total = debits.reduce((n, l) => n + l.debit, 0);
        drafts.push({ date: day(), memo: `${v.name}${words}发放`, lines: [...debits, { account: '1001', summary: '银行代发', debit: 0, credit: total }] });
        lines += count + 1;
      }

      drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const d of drafts) writer.write(d);
    }
  };
  const cache = s.pragma('cache_size', { simple: true }) as number;
  s.pragma('cache_size = -262144');
  try {
    s.transaction(run).immediate();
  } finally {
    s.pragma(`cache_size = ${cache}`);
  }
  const last = years[years.length - 1]!;
  return {
    sources: sourceCount, projects: projectCount, vouchers: writer.vouchers, lines: writer.lines, years,
    from: `${years[0]}-01`, to: `${last}-${pad2(lastMonth)}`,
  };
}
