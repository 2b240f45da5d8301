/**
 * Distributing an asset's income to its shareholders (L: 60,000 households), on a copy of the
 * cached ledger: before each run a new income is recorded (recordIncome, untimed); then the plan
 * is prepared (compute every allocation + persist), approved by another user, and paid (posted as
 * system vouchers of at most 500 lines) — each phase timed, and the three together.
 * No anchor: nothing outside the app does this work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openLedger, type Ledger } from '../../../db/ledger';
import type { Actor } from '../../../db/actor';
import { Harness, notAvailable } from '../lib/harness';
import { optionalFunction } from '../lib/optional';
import { judgeBoth, judgeMax } from '../lib/report';
import { median } from '../lib/measure';
import type { OpResult, Series } from '../lib/types';

type RecordIncome = (l: Ledger, a: Actor, input: Record<string, unknown>) => { id: number };
type PreparePlan = (l: Ledger, a: Actor, input: Record<string, unknown>) => { id: number; allocations: number };
type ApprovePlan = (l: Ledger, a: Actor, input: { planId: number }) => void;
type PayPlan = (l: Ledger, a: Actor, input: { planId: number; date: string }) => { vouchers: unknown[]; lines: number };

const ACCOUNTANT: Actor = { userId: 3, userName: 'accountant', role: 'accountant', method: 'assets.preparePlan' };
const REVIEWER: Actor = { userId: 4, userName: 'reviewer', role: 'reviewer', method: 'assets.approvePlan' };

export async function run(h: Harness): Promise<OpResult[]> {
  const { ctx } = h;
  const ids = ['distribution.prepare', 'distribution.approve', 'distribution.pay', 'distribution.total'];
  if (!ids.some((id) => h.wants(id))) return [];
  const holders = ctx.facts.distributionShareholders;
  const base = (id: string, label: string) => ({ id, group: ctx.group, label });
  try {
    const recordIncome = await optionalFunction<RecordIncome>('db/assets/income.ts', 'recordIncome');
    const preparePlan = await optionalFunction<PreparePlan>('db/assets/plans.ts', 'preparePlan');
    const approvePlan = await optionalFunction<ApprovePlan>('db/assets/plans.ts', 'approvePlan');
    const payPlan = await optionalFunction<PayPlan>('db/assets/pay.ts', 'payPlan');

    const file = path.join(ctx.workDir, 'ledger.sqlite');
    fs.copyFileSync(ctx.ledgerFile, file);
    const ledger = openLedger(file, { mustExist: true });
    const phases: Record<'prepare' | 'approve' | 'pay' | 'total', Series> = {
      prepare: { ms: [], cpuMs: [], unit: 'holders' },
      approve: { ms: [], cpuMs: [], unit: 'holders' },
      pay: { ms: [], cpuMs: [], unit: 'holders' },
      total: { ms: [], cpuMs: [], unit: 'holders' },
    };
    let allocations = 0;
    let lines = 0;
    let vouchers = 0;
    let peak = 0;
    const date = ctx.facts.today;
    try {
      const runs = ctx.heavyRuns ?? ctx.runs;
      for (let r = 0; r < runs; r++) {
        const income = recordIncome(ledger, ACCOUNTANT, {
          assetId: ctx.facts.distributionAssetId, receivedOn: date, period: `基准测试收益 ${r + 1}`,
          grossFen: holders * 6_000, landRentFen: holders * 200, maintenanceFen: holders * 100,
        });
        (globalThis as { gc?: () => void }).gc?.();
        h.sampler.reset();
        const step = <T>(phase: 'prepare' | 'approve' | 'pay', fn: () => T): T => {
          const cpu0 = process.cpuUsage();
          const t0 = performance.now();
          const v = fn();
          phases[phase].ms.push(performance.now() - t0);
          const cu = process.cpuUsage(cpu0);
          phases[phase].cpuMs!.push((cu.user + cu.system) / 1000);
          return v;
        };
        const plan = step('prepare', () => preparePlan(ledger, ACCOUNTANT, {
          assetId: ctx.facts.distributionAssetId, title: `${date} 光伏收益分配（基准 ${r + 1}）`, asOf: date, incomeIds: [income.id], exitedRule: 'include',
        }));
        step('approve', () => approvePlan(ledger, REVIEWER, { planId: plan.id }));
        const paid = step('pay', () => payPlan(ledger, ACCOUNTANT, { planId: plan.id, date }));
        peak = Math.max(peak, h.sampler.peakMb());
        phases.total.ms.push(phases.prepare.ms[r]! + phases.approve.ms[r]! + phases.pay.ms[r]!);
        phases.total.cpuMs!.push(phases.prepare.cpuMs![r]! + phases.approve.cpuMs![r]! + phases.pay.cpuMs![r]!);
        allocations = plan.allocations;
        lines = paid.lines;
        vouchers = paid.vouchers.length;
        h.log(`run ${r + 1}: prepare ${phases.prepare.ms[r]!.toFixed(0)} ms, approve ${phases.approve.ms[r]!.toFixed(0)} ms, pay ${phases.pay.ms[r]!.toFixed(0)} ms (${lines} lines, ${vouchers} vouchers)`);
      }
    } finally {
      ledger.close();
    }
    for (const s of Object.values(phases)) {
      s.units = allocations;
      s.peakRssMb = Math.round(peak);
    }
    const detail = `${allocations.toLocaleString('en')} allocations to ${holders.toLocaleString('en')} shareholder households; ${lines.toLocaleString('en')} payment lines in ${vouchers} vouchers`;
    return [
      { ...base('distribution.prepare', 'distribution: prepare (compute + persist)'), status: 'ok', op: phases.prepare, anchorLabel: '—' },
      { ...base('distribution.approve', 'distribution: approve (digest check)'), status: 'ok', op: phases.approve, anchorLabel: '—' },
      { ...base('distribution.pay', 'distribution: pay (post vouchers)'), status: 'ok', op: phases.pay, anchorLabel: '—' },
      {
        ...base('distribution.total', `distribution to ${holders.toLocaleString('en')} shareholders, total`), status: 'ok', op: phases.total, anchorLabel: '—',
        target: judgeBoth(judgeMax(median(phases.total.ms), 2000, '≤ 2 s'), judgeMax(median(phases.total.cpuMs!), 2000, '≤ 2 s')), note: detail,
      },
    ].filter((r) => h.wants(r.id)) as OpResult[];
  } catch (err) {
    return [notAvailable(base('distribution.total', 'distribution to shareholders'), err)];
  }
}
