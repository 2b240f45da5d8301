/**
 * A print request → the documents to print, each with the subject the register records. Serials
 * are left empty: they are given when the print is registered (register.ts).
 */
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { fail } from '../errors';
import type { PrintableDoc } from '../../electron/print/types';
import { printContext, type PrintContext } from './context';
import { assistanceCardData } from './assistanceCard';
import { healthCardData } from './healthCard';
import { statusNoticeData } from './statusNotice';
import { fundNoticeData } from './fundNotice';
import { distributionNoticeData, planVillageIds, postablePlan } from './distributionNotice';
import { postingPeriod } from './noticeFrame';
import { checkScope, scopeHouseholds, scopeVillages } from './scope';
import { shareCertificateDocs } from './shareCertificate';
import type { NoticeKindNow, PrintRequest } from './schemas';
import type { PrintDocType } from './serials';

/** What a printed document is about, as the register keeps it. */
export interface PrintSubject {
  /** Same type + subject + year printed again = a reprint. */
  key: string;
  /** Printed in the QR code. */
  ref: string;
  householdId: number | null;
  villageId: number | null;
  certificateNo: string | null;
  noticeKind: string | null;
  /** For messages: "552999101001 林海" or the village name. */
  label: string;
}

export interface PlannedDoc {
  doc: PrintableDoc;
  subject: PrintSubject;
}

export interface PrintPlan {
  docType: PrintDocType;
  year: number;
  lang: PrintRequest['lang'];
  layout: PrintRequest['layout'];
  ctx: PrintContext;
  docs: PlannedDoc[];
}

function householdSubject(householdId: number, archiveNo: string, headName: string): PrintSubject {
  return { key: `household:${householdId}`, ref: archiveNo, householdId, villageId: null, certificateNo: null, noticeKind: null, label: `${archiveNo} ${headName}` };
}

function householdDocs(ledger: Ledger, request: PrintRequest, ctx: PrintContext): PlannedDoc[] {
  return scopeHouseholds(ledger, request.scope).map((householdId): PlannedDoc => {
    if (request.docType === 'assistance_card') {
      const data = assistanceCardData(ledger, householdId, ctx);
      return { doc: { type: 'assistance_card', data }, subject: householdSubject(householdId, data.archiveNo, data.headName) };
    }
    const data = healthCardData(ledger, householdId, ctx);
    return { doc: { type: 'health_card', data }, subject: householdSubject(householdId, data.archiveNo, data.headName) };
  });
}

function noticeDocs(ledger: Ledger, request: PrintRequest, kind: NoticeKindNow, ctx: PrintContext): PlannedDoc[] {
  const period = postingPeriod(kind, ctx, request.postingFrom, request.postingDays);
  // A distribution notice belongs to its plan: a reprint is the same plan's notice printed again.
  const plan = kind === 'distribution' ? postablePlan(ledger, request.planId!) : null;
  const planVillages = plan ? planVillageIds(ledger, plan.id) : null;
  const out: PlannedDoc[] = [];
  for (const place of scopeVillages(ledger, request.scope)) {
    if (planVillages && !planVillages.has(place.villageId)) continue;
    const data = plan
      ? distributionNoticeData(ledger, plan, place, ctx, period)
      : kind === 'fund_use' ? fundNoticeData(ledger, place, ctx, period)
      : kind === 'distribution' ? null : statusNoticeData(ledger, kind, place, ctx, period);
    if (!data) continue;
    out.push({
      doc: { type: 'notice', data },
      subject: {
        key: `village:${place.villageId}:${kind}${plan ? `:plan:${plan.id}` : ''}`, ref: kind, householdId: null, villageId: place.villageId,
        certificateNo: null, noticeKind: kind, label: place.village,
      },
    });
  }
  return out;
}

function documents(ledger: Ledger, request: PrintRequest, ctx: PrintContext): PlannedDoc[] {
  switch (request.docType) {
    case 'notice':
      return noticeDocs(ledger, request, request.noticeKind!, ctx);
    case 'share_certificate':
      checkScope(ledger, request.scope);
      return shareCertificateDocs(ledger, request.scope, ctx);
    default:
      return householdDocs(ledger, request, ctx);
  }
}

export function planPrint(ledger: Ledger, actor: Actor, request: PrintRequest, now = new Date()): PrintPlan {
  const year = request.docType === 'share_certificate' ? now.getFullYear() : (request.year ?? now.getFullYear());
  const ctx = printContext(ledger, actor, { lang: request.lang, layout: request.layout, year }, now);
  const docs = documents(ledger, request, ctx);
  if (!docs.length) {
    fail('RULE', `Nothing to print: no ${request.docType.replace('_', ' ')} has data for this choice and year ${year}`,
      `没有可打印的内容：所选范围在 ${year} 年没有相应数据`, { field: 'scope' });
  }
  return { docType: request.docType, year, lang: request.lang, layout: request.layout, ctx, docs };
}
