/** The villages and townships a report covers, and how its subtitle names them. */
import type { Ledger } from '../ledger';
import type { Lang } from '../codes';
import { notFound } from '../errors';
import { nowIso } from '../shared/tx';
import type { AreaFilter } from '../dashboard/schemas';

export interface AreaVillage {
  id: number;
  code: string;
  name: string;
  townshipId: number;
  township: string;
  townshipCode: string;
  ruralPopulation: number;
}

export function villagesIn(ledger: Ledger, area: AreaFilter): AreaVillage[] {
  return ledger.sqlite
    .prepare(`SELECT v.id, v.code, v.name, v.township_id AS townshipId, t.name AS township, t.code AS townshipCode,
                     v.rural_population AS ruralPopulation
                FROM villages v JOIN townships t ON t.id = v.township_id
               WHERE (@townshipId IS NULL OR v.township_id = @townshipId) AND (@villageId IS NULL OR v.id = @villageId)
               ORDER BY v.code`)
    .all({ townshipId: area.townshipId ?? null, villageId: area.villageId ?? null }) as AreaVillage[];
}

/** "示范县" / "青山镇" / "青山镇 石桥村", checking that the chosen units exist. */
export function areaName(ledger: Ledger, area: AreaFilter, lang: Lang): string {
  const county = ledger.sqlite.prepare('SELECT name FROM county').pluck().get() as string | undefined;
  const parts: string[] = [];
  if (area.townshipId !== undefined) {
    const t = ledger.sqlite.prepare('SELECT name FROM townships WHERE id = ?').pluck().get(area.townshipId) as string | undefined;
    if (t === undefined) notFound('Township', '乡镇', area.townshipId);
    parts.push(t);
  }
  if (area.villageId !== undefined) {
    const v = ledger.sqlite.prepare('SELECT name FROM villages WHERE id = ?').pluck().get(area.villageId) as string | undefined;
    if (v === undefined) notFound('Village', '行政村', area.villageId);
    parts.push(v);
  }
  if (!parts.length) parts.push(county ?? (lang === 'zh' ? '全县' : 'Whole county'));
  return parts.join(' ');
}

export function madeLine(lang: Lang): string {
  return `${lang === 'zh' ? '制表时间' : 'Made'} ${nowIso().slice(0, 16).replace('T', ' ')}`;
}
