import type { ApiInput } from '../../api';

export type PrintRequest = ApiInput<'certificates.print'>;
export type DocType = PrintRequest['docType'];
export type NoticeKind = NonNullable<PrintRequest['noticeKind']>;
export type ScopeKind = 'household' | 'village' | 'township';

export const DOC_TYPES: DocType[] = ['assistance_card', 'health_card', 'share_certificate', 'notice'];
export const NOTICE_KINDS: NoticeKind[] = ['identification', 'exit', 'monitoring', 'fund_use', 'distribution'];

/** What the clerk chose on the print screen. */
export interface Choice {
  docType: DocType;
  noticeKind: NoticeKind;
  lang: 'zh' | 'en';
  layout: 'a4' | 'cards';
  year: number;
  scopeKind: ScopeKind;
  householdId?: number;
  villageId?: number;
  townshipId?: number;
  postingFrom?: string;
  postingDays?: number;
  /** Distribution notices: the approved or paid asset-income distribution plan. */
  planId?: number;
}

export const scopeKindsFor = (docType: DocType): ScopeKind[] =>
  docType === 'notice' ? ['village', 'township'] : ['household', 'village', 'township'];

/** One document (a household's card, a village's notice) prints at once; more go to a batch job. */
export const isDirect = (c: Choice): boolean => c.scopeKind === 'household' || (c.docType === 'notice' && c.scopeKind === 'village');

function scopeOf(c: Choice): PrintRequest['scope'] | null {
  if (c.scopeKind === 'household') return c.householdId ? { kind: 'household', householdId: c.householdId } : null;
  if (c.scopeKind === 'village') return c.villageId ? { kind: 'village', villageId: c.villageId } : null;
  return c.townshipId ? { kind: 'township', townshipId: c.townshipId } : null;
}

/** The API request, or null while the scope is not chosen yet. */
export function toRequest(c: Choice): PrintRequest | null {
  const scope = scopeOf(c);
  if (!scope) return null;
  const notice = c.docType === 'notice';
  const distribution = notice && c.noticeKind === 'distribution';
  if (distribution && !c.planId) return null;
  return {
    docType: c.docType,
    lang: c.lang,
    layout: notice ? 'a4' : c.layout,
    // Share certificates are not for a year (the ledger numbers them in the year they are printed).
    ...(c.docType === 'share_certificate' ? {} : { year: c.year }),
    scope,
    ...(notice ? { noticeKind: c.noticeKind, postingFrom: c.postingFrom || undefined, postingDays: c.postingDays } : {}),
    ...(distribution ? { planId: c.planId } : {}),
  };
}

/** A village's other documents, offered once one of them is printed (every card and notice of a village in a few clicks). */
export const VILLAGE_SET: { docType: DocType; noticeKind?: NoticeKind }[] = [
  { docType: 'assistance_card' },
  { docType: 'health_card' },
  { docType: 'share_certificate' },
  ...NOTICE_KINDS.map((noticeKind) => ({ docType: 'notice' as const, noticeKind })),
];

export const sameDocument = (c: Choice, d: { docType: DocType; noticeKind?: NoticeKind }): boolean =>
  c.docType === d.docType && (d.docType !== 'notice' || c.noticeKind === d.noticeKind);
