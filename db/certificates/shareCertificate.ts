/**
 * Share certificates (股权证) from the asset shares (db/assets/shares.ts): one per share in force
 * on the print day, for a household's shares or all shares of a village or township (collective
 * holdings included). A withdrawn or expired share gets no certificate.
 */
import type { Ledger } from '../ledger';
import { labelOf } from '../codes';
import { IN_FORCE } from '../assets/shares';
import type { ShareCertificateData } from '../../electron/print/types';
import type { PrintContext } from './context';
import type { PrintScope } from './schemas';
import type { PlannedDoc } from './plan';

interface ShareRow {
  id: number;
  certificateNo: string;
  holderType: 'household' | 'village';
  householdId: number | null;
  archiveNo: string | null;
  headName: string | null;
  villageId: number;
  village: string;
  assetName: string;
  category: string;
  units: number;
  weight: number;
  fromDate: string;
  toDate: string | null;
}

const SELECT = `SELECT s.id, s.certificate_no AS certificateNo, s.holder_type AS holderType, s.household_id AS householdId,
    h.archive_no AS archiveNo, h.head_name AS headName, s.village_id AS villageId, vg.name AS village,
    a.name AS assetName, a.category, s.units, s.weight, s.from_date AS fromDate, s.to_date AS toDate
  FROM asset_shares s JOIN assets a ON a.id = s.asset_id JOIN villages vg ON vg.id = s.village_id
  LEFT JOIN households h ON h.id = s.household_id`;

function sharesInScope(ledger: Ledger, scope: PrintScope, on: string): ShareRow[] {
  const order = 'ORDER BY vg.code, s.holder_type, h.archive_no, a.code, s.seq'; // households, then the collective
  const inForce = `(${IN_FORCE})`;
  switch (scope.kind) {
    case 'household':
    case 'households': {
      const ids = scope.kind === 'household' ? [scope.householdId] : scope.householdIds;
      return ledger.sqlite
        .prepare(`${SELECT} WHERE s.household_id IN (SELECT value FROM json_each(@ids)) AND ${inForce} ${order}`)
        .all({ ids: JSON.stringify(ids), on }) as ShareRow[];
    }
    case 'village':
      return ledger.sqlite.prepare(`${SELECT} WHERE s.village_id = @id AND ${inForce} ${order}`).all({ id: scope.villageId, on }) as ShareRow[];
    case 'township':
      return ledger.sqlite.prepare(`${SELECT} WHERE vg.township_id = @id AND ${inForce} ${order}`).all({ id: scope.townshipId, on }) as ShareRow[];
  }
}

function holderName(r: ShareRow, ctx: PrintContext): string {
  if (r.headName) return r.headName;
  return ctx.lang === 'zh' ? `${r.village}集体经济组织` : `${r.village} village collective`;
}

function shareCertificateData(r: ShareRow, ctx: PrintContext): ShareCertificateData {
  return {
    serial: '',
    certificateNo: r.certificateNo,
    holderName: holderName(r, ctx),
    ...(r.archiveNo ? { archiveNo: r.archiveNo } : {}),
    village: r.village,
    assetName: r.assetName,
    assetCategoryLabel: labelOf('assetCategory', r.category, ctx.lang),
    units: r.units,
    weight: r.weight,
    effectiveFrom: r.fromDate,
    ...(r.toDate ? { effectiveTo: r.toDate } : {}),
    issuer: ctx.office,
    printedAt: ctx.printedAt,
  };
}

/** The certificates of the scope's shares in force today; the register keys them by share. */
export function shareCertificateDocs(ledger: Ledger, scope: PrintScope, ctx: PrintContext): PlannedDoc[] {
  return sharesInScope(ledger, scope, ctx.today).map((r) => {
    const data = shareCertificateData(r, ctx);
    return {
      doc: { type: 'share_certificate', data },
      subject: {
        key: `share:${r.id}`, ref: r.certificateNo, householdId: r.householdId, villageId: r.villageId,
        certificateNo: r.certificateNo, noticeKind: null, label: `${r.certificateNo} ${data.holderName}`,
      },
    };
  });
}
