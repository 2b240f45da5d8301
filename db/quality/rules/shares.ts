/**
 * Asset-income shares (折股量化, db/assets): a share stays in force only while its household is.
 * Shares belong to households, not members, so "a deceased member still on a share" is a share in
 * force whose household has no living member left (or was cancelled).
 */
import type { QualityRule } from '../types';
import { LIVING_MEMBER } from './sql';

/** As db/assets/shares.ts IN_FORCE, on @asOf. */
const IN_FORCE = `s.from_date <= @asOf AND (s.to_date IS NULL OR s.to_date >= @asOf) AND (s.withdrawn_on IS NULL OR s.withdrawn_on > @asOf)`;

export const shareRules: QualityRule[] = [
  {
    id: 'share.deceased_holder',
    severity: 'error',
    target: 'member',
    title: { zh: '已故或注销户仍持有收益股份', en: 'Share still held by a household that has died out or was cancelled' },
    explain: {
      zh: '资产收益股份仍然有效，但持股户已注销，或户内成员均已死亡、迁出。分配时该户不会再得到收益，股份应及时退出并按规定转给村集体，以免股权证与实际不符。',
      en: 'An asset-income share is still in force, but the household holding it was cancelled or has no living member left. Distributions no longer pay it; withdraw the share (it may pass to the village collective) so that certificates match reality.',
    },
    requires: ['asset_shares'],
    sql: (s) => `SELECT h.id AS household_id,
                        (SELECT m.id FROM members m WHERE m.household_id = h.id AND m.deceased = 1 ORDER BY m.deceased_on DESC, m.id DESC LIMIT 1) AS member_id,
                        NULL AS voucher_id, s.certificate_no AS facts
                   FROM asset_shares s JOIN households h ON h.id = s.household_id
                  WHERE ${s} AND s.holder_type = 'household' AND ${IN_FORCE}
                    AND (h.status = 'cancelled' OR NOT EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND ${LIVING_MEMBER}))`,
  },
];
