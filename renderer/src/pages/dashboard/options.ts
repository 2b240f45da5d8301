/** ECharts options of the dashboard's charts (plain data in, option out). */
import type { ChartOption } from '../../components/Chart';

export const COLORS = { primary: '#1677ff', red: '#cf1322', green: '#389e0d', orange: '#d46b08', grey: '#8c8c8c' };
const PALETTE = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#eb2f96', '#fa8c16', '#2f54eb', '#a0d911', '#8c8c8c'];

export interface BarItem {
  name: string;
  value: number;
  color?: string;
}

/** One bar per item; horizontal bars for long category names. `unit` follows values in tooltips. */
export function barOption(items: BarItem[], opts: { horizontal?: boolean; unit?: string; markAt?: { value: number; label: string }; percent?: boolean } = {}): ChartOption {
  const names = items.map((i) => i.name);
  const category = { type: 'category', data: names, axisLabel: { interval: 0, rotate: opts.horizontal ? 0 : names.some((n) => n.length > 4) ? 30 : 0, width: 120, overflow: 'truncate' } };
  const value = { type: 'value', axisLabel: { formatter: opts.percent ? '{value}%' : '{value}' } };
  return {
    grid: { left: opts.horizontal ? 130 : 48, right: 32, top: 24, bottom: opts.horizontal ? 24 : 64 },
    tooltip: { trigger: 'item', valueFormatter: (v: number) => `${v.toLocaleString()}${opts.unit ?? ''}` },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: [{
      type: 'bar',
      barMaxWidth: 36,
      data: items.map((i) => ({ value: i.value, name: i.name, itemStyle: { color: i.color ?? COLORS.primary } })),
      label: { show: true, position: opts.horizontal ? 'right' : 'top', formatter: opts.percent ? '{c}%' : '{c}' },
      ...(opts.markAt ? {
        markLine: {
          symbol: 'none', silent: true, lineStyle: { color: COLORS.red, type: 'dashed' },
          label: { formatter: opts.markAt.label, position: 'insideEndTop' },
          data: [opts.horizontal ? { xAxis: opts.markAt.value } : { yAxis: opts.markAt.value }],
        },
      } : {}),
    }],
  };
}

export function pieOption(items: BarItem[], unit = ''): ChartOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (v: number) => `${v.toLocaleString()}${unit}` },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie',
      radius: ['35%', '65%'],
      center: ['50%', '45%'],
      label: { formatter: '{b}\n{c} ({d}%)' },
      data: items.map((i, k) => ({ value: i.value, name: i.name, itemStyle: { color: i.color ?? PALETTE[k % PALETTE.length] } })),
    }],
  };
}

/** Grouped bars: one series per measure (money in yuan). */
export function groupedOption(categories: string[], series: { name: string; values: number[]; color: string }[], unit = ''): ChartOption {
  return {
    grid: { left: 72, right: 24, top: 36, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'item', valueFormatter: (v: number) => `${v.toLocaleString()}${unit}` },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 36, itemStyle: { color: s.color } })),
  };
}
