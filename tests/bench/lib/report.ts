/** The one table `npm run bench` prints, and the figures it writes as JSON. */
import { median, p95 } from './measure';
import type { OpResult, Series, Target } from './types';

export interface Stats {
  medianMs: number;
  p95Ms: number;
  runs: number;
  /** Units per second at the median time. */
  rate: number | null;
  unit: string | null;
  cpuMedianMs: number | null;
  /** p95 of this process's CPU time per run: the load-independent part of the wall time. */
  cpuP95Ms: number | null;
  peakRssMb: number | null;
}

export function stats(s: Series | undefined): Stats | null {
  if (!s || !s.ms.length) return null;
  const med = median(s.ms);
  return {
    medianMs: med,
    p95Ms: p95(s.ms),
    runs: s.ms.length,
    rate: s.units !== undefined && med > 0 ? s.units / (med / 1000) : null,
    unit: s.unit ?? null,
    cpuMedianMs: s.cpuMs?.length ? median(s.cpuMs) : null,
    cpuP95Ms: s.cpuMs?.length ? p95(s.cpuMs) : null,
    peakRssMb: s.peakRssMb ?? null,
  };
}

/** Our speed relative to the anchor's: anchor median time ÷ our median time (1 = as fast, 0.5 = half as fast). */
export function speedRatio(r: OpResult): number | null {
  const a = stats(r.anchor);
  const o = stats(r.op);
  if (!a || !o || o.medianMs <= 0) return null;
  // Per-unit when both count the same kind of unit but different amounts.
  if (a.rate !== null && o.rate !== null && a.unit === o.unit) return o.rate / a.rate;
  return a.medianMs / o.medianMs;
}

/** Our CPU-time speed relative to the anchor's CPU time (null when either has no CPU figure). */
export function cpuSpeedRatio(r: OpResult): number | null {
  const a = stats(r.anchor);
  const o = stats(r.op);
  if (!a || !o || a.cpuMedianMs === null || o.cpuMedianMs === null || o.cpuMedianMs <= 0) return null;
  const au = r.anchor?.units;
  const ou = r.op?.units;
  if (au && ou && a.unit === o.unit) return (ou / o.cpuMedianMs) / (au / a.cpuMedianMs);
  return a.cpuMedianMs / o.cpuMedianMs;
}

/** Judges a wall-time target, and the same limit on CPU time when there is a CPU figure. */
export function judgeBoth(wall: Target, cpu: Target | null): Target {
  return { ...wall, cpuMet: cpu ? cpu.met : null };
}

export function judgeMax(value: number, limit: number, text: string): Target {
  const met = value <= limit;
  return { text, met, ...(met ? {} : { miss: `${(value / limit).toFixed(2)}× the limit (${fmtMs(value)} vs ${fmtMs(limit)})` }) };
}

export function judgeMin(value: number, min: number, text: string, unit = ''): Target {
  const met = value >= min;
  return { text, met, ...(met ? {} : { miss: `${((value / min) * 100).toFixed(0)}% of the minimum (${fmtNum(value)}${unit} vs ${fmtNum(min)}${unit})` }) };
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtNum(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  if (n >= 100) return n.toFixed(0);
  return n.toFixed(1);
}

function fmtRate(s: Stats | null): string {
  if (!s || s.rate === null) return '';
  return `${fmtNum(s.rate)} ${s.unit ?? ''}/s`;
}

/** Terminal columns: East Asian wide characters take two. */
function displayWidth(s: string): number {
  return [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - displayWidth(s)));
  return right ? fill + s : s + fill;
}

const HEAD = ['operation', 'median', 'p95', 'CPU med/p95', 'rate', 'peak RSS', 'anchor', 'anchor median', 'anchor CPU', 'anchor rate', 'speed vs anchor wall/CPU', 'target', 'met (wall)', 'met (CPU)'];

const verdict = (v: boolean | null | undefined) => (v === undefined ? '' : v === null ? '—' : v ? 'met' : 'MISSED');

export function tableRows(results: OpResult[]): string[][] {
  return results.map((r) => {
    const o = stats(r.op);
    const a = stats(r.anchor);
    const ratio = speedRatio(r);
    const cpuRatio = cpuSpeedRatio(r);
    const state = r.status === 'ok' ? '' : r.status === 'n/a' ? 'not available yet' : 'ERROR';
    const anchorState = r.anchorStatus && r.anchorStatus !== 'ok' ? (r.anchorStatus === 'n/a' ? 'n/a' : 'error') : '';
    return [
      r.label,
      state || (o ? fmtMs(o.medianMs) : '—'),
      o ? fmtMs(o.p95Ms) : '',
      o && o.cpuMedianMs !== null && o.cpuP95Ms !== null ? `${fmtMs(o.cpuMedianMs)} / ${fmtMs(o.cpuP95Ms)}` : '',
      fmtRate(o),
      r.op?.peakRssMb ? `${r.op.peakRssMb} MB` : '',
      r.anchorLabel ?? '—',
      anchorState || (a ? fmtMs(a.medianMs) : ''),
      a?.cpuMedianMs != null ? fmtMs(a.cpuMedianMs) : '',
      fmtRate(a),
      ratio === null ? '' : `${ratio.toFixed(2)}× / ${cpuRatio === null ? '—' : `${cpuRatio.toFixed(2)}×`}`,
      r.target?.text ?? '',
      verdict(r.target?.met),
      r.target ? verdict(r.target.cpuMet ?? null) : '',
    ];
  });
}

export function renderTable(results: OpResult[], title: string): string {
  const rows = tableRows(results);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => displayWidth(r[i]!))));
  const right = new Set([1, 2, 3, 4, 5, 7, 8, 9, 10]);
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!, right.has(i))).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  const notes = results.flatMap((r) => {
    const n: string[] = [];
    if (r.note) n.push(`- ${r.label}: ${r.note}`);
    if (r.anchorNote) n.push(`- ${r.label} (anchor): ${r.anchorNote}`);
    if (r.target?.met === false && r.target.miss) n.push(`- ${r.label}: target missed — ${r.target.miss}`);
    return n;
  });
  return [title, '', line(HEAD), sep, ...rows.map(line), '', ...notes].join('\n');
}
