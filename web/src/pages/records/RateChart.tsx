/**
 * A 及时率 bar chart (ECharts, tree-shaken: only the bar chart, grid, tooltip and the canvas
 * renderer, and only in the monthly summary's chunk). The canvas says nothing to a screen reader:
 * the chart is an image named by its figures (`role="img"` with an aria-label), and the page shows
 * the same figures as a table beside it.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface RateBar {
  label: string;
  rate: number | null;
  met: number;
  due: number;
}

/** `工程部 50%(1/2)`: one bar as words. */
export function rateText(bar: RateBar): string {
  return `${bar.label} ${bar.rate === null ? '无到期' : `${bar.rate}%`}(${bar.met}/${bar.due})`;
}

export function RateChart({ title, bars }: { title: string; bars: RateBar[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption({
      aria: { enabled: false },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.label),
        axisLabel: { interval: 0, color: '#262626', width: 90, overflow: 'break' },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: '#262626' } },
      series: [
        {
          type: 'bar',
          name: '及时率',
          barMaxWidth: 40,
          data: bars.map((b) => ({
            value: b.rate ?? 0,
            itemStyle: { color: b.rate !== null && b.rate < 100 ? '#a8071a' : '#237804' },
          })),
          label: {
            show: true,
            position: 'top',
            color: '#262626',
            formatter: (p: { dataIndex: number }) => {
              const b = bars[p.dataIndex];
              return b ? `${b.rate ?? '—'}%` : '';
            },
          },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [bars]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={`${title}:${bars.length ? bars.map(rateText).join(';') : '本月无到期时限'}`}
      style={{ width: '100%', height: 280 }}
    />
  );
}
