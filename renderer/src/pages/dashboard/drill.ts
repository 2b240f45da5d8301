import type { ApiOutput } from '../../api';
import { href } from '../../app/router';

export type DashboardData = ApiOutput<'dashboard.figures'>;
export type Drill = DashboardData['households']['status']['buckets'][number]['drill'];

/** The household list's address for a drill-down filter (a status set travels comma-separated). */
export function householdsHref(drill: Drill): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(drill)) {
    if (v === undefined || v === null) continue;
    query.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const q = query.toString();
  return `${href('registry/households')}${q ? `?${q}` : ''}`;
}

export function go(to: string): void {
  window.location.hash = to;
}
