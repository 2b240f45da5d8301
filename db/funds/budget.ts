import type { Ledger } from '../ledger';
import { fail } from '../errors';
import { formatFen } from '../rules/money';
import { allocatedFrom, allocatedTo, spentOn } from './figures';
import { getSource } from './sources';
import { getProjectHead } from './projects';

interface UseLine {
  lineNo: number;
  debitFen: number;
  creditFen: number;
  sourceId: number | null;
  projectId: number | null;
  account: { fundRole: string | null };
}

/**
 * Budget control. Of a source's amount, what is allocated to a project may be spent only on that
 * project, and the rest only outside projects (direct payments). A voucher that would take a
 * (source, project) pair or a source's unallocated rest past its limit is refused with the figures.
 * Only increases are checked: a reversal or refund always passes.
 */
export function assertWithinBudget(ledger: Ledger, lines: UseLine[]): void {
  const deltas = new Map<string, { sourceId: number; projectId: number | null; fen: number; lineNo: number }>();
  for (const l of lines) {
    if (l.account.fundRole !== 'use' || l.sourceId === null) continue;
    const key = `${l.sourceId}:${l.projectId ?? ''}`;
    const d = deltas.get(key) ?? { sourceId: l.sourceId, projectId: l.projectId, fen: 0, lineNo: l.lineNo };
    d.fen += l.debitFen - l.creditFen;
    deltas.set(key, d);
  }
  for (const d of deltas.values()) {
    if (d.fen <= 0) continue;
    const source = getSource(ledger, d.sourceId);
    const spent = spentOn(ledger, d.sourceId, d.projectId);
    const limit = d.projectId === null ? source.amountFen - allocatedFrom(ledger, d.sourceId) : allocatedTo(ledger, d.sourceId, d.projectId);
    const total = spent + d.fen;
    if (total <= limit) continue;
    const [f, over, lim, sp, now] = [formatFen(total), formatFen(total - limit), formatFen(limit), formatFen(spent), formatFen(d.fen)];
    const field = `lines.${d.lineNo - 1}`;
    if (d.projectId !== null) {
      const p = getProjectHead(ledger, d.projectId);
      fail('RULE',
        `Over budget: project ${p.code} ${p.name} was allocated ${lim} from source ${source.docNo}; spent so far ${sp}, this voucher ${now}, together ${f} — ${over} too much`,
        `超出预算：项目 ${p.code} ${p.name} 从资金 ${source.docNo} 获分配 ${lim} 元，已支出 ${sp} 元，本凭证 ${now} 元，合计 ${f} 元，超出 ${over} 元`,
        { field });
    }
    fail('RULE',
      `Over budget: source ${source.docNo} has ${lim} not allocated to projects (amount ${formatFen(source.amountFen)}); spent outside projects so far ${sp}, this voucher ${now}, together ${f} — ${over} too much`,
      `超出预算：资金 ${source.docNo} 未分配到项目的金额为 ${lim} 元（总额 ${formatFen(source.amountFen)} 元），项目外已支出 ${sp} 元，本凭证 ${now} 元，合计 ${f} 元，超出 ${over} 元`,
      { field });
  }
}
