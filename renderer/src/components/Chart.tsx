/**
 * A thin React wrapper around ECharts (no echarts-for-react): creates the chart on a div, sets the
 * option, follows the container's size, disposes on unmount and forwards clicks on data items.
 *
 * The container is an image for assistive technology (role="img" with a summary as its label);
 * the figures themselves belong in a data table next to the chart. Bar charts also write the pixel
 * centre of every bar of their first series to `data-bars` ("x,y;x,y;…", relative to the
 * container), so a test can click a bar on the canvas without reaching into the chart.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex: number;
}

interface Props {
  option: ChartOption;
  /** What the chart shows, in one sentence, for screen readers. */
  label: string;
  onClick?: (item: ChartClick) => void;
  height?: number;
  testId?: string;
}

type Axis = { type?: string } | { type?: string }[] | undefined;
const axisType = (a: Axis) => (Array.isArray(a) ? a[0]?.type : a?.type);

/** Pixel centres of the first series' bars, or '' for other charts. */
function barCentres(chart: echarts.ECharts, option: ChartOption): string {
  const series = (option.series as { type?: string; data?: unknown[] }[] | undefined)?.[0];
  if (!series || series.type !== 'bar' || !series.data) return '';
  const horizontal = axisType(option.yAxis as Axis) === 'category';
  return series.data
    .map((d, i) => {
      const raw = typeof d === 'object' && d !== null && 'value' in d ? (d as { value: unknown }).value : d;
      const v = Number(raw) / 2;
      const point = chart.convertToPixel({ seriesIndex: 0 }, horizontal ? [v, i] : [i, v]) as number[] | undefined;
      return point ? `${Math.round(point[0]!)},${Math.round(point[1]!)}` : '';
    })
    .join(';');
}

export function Chart({ option, label, onClick, height = 260, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const e = p as unknown as { name: string; dataIndex: number; seriesIndex: number; componentType: string };
      if (e.componentType === 'series') clickRef.current?.({ name: e.name, dataIndex: e.dataIndex, seriesIndex: e.seriesIndex });
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    const el = box.current;
    if (!c || !el) return;
    // Written once the chart has finished drawing (bars grow in), so a click there meets a bar.
    el.setAttribute('data-bars', '');
    const mark = () => el.setAttribute('data-bars', barCentres(c, option));
    c.on('finished', mark);
    c.setOption(option, { notMerge: true });
    return () => {
      c.off('finished', mark);
    };
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
