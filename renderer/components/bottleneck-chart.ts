/**
 * Draws the bottleneck picture with echarts (only the parts used, canvas renderer). The tooltip
 * is drawn on the canvas too (`richText`), so no inline HTML styles are needed under the CSP.
 * Colours come from the page's CSS variables, so the light and dark themes apply.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { PictureRow } from '../bottleneck-data';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

interface Options {
  requestedDate: string;
  title: string;
  label(date: string): string;
}

export function drawBottleneck(el: HTMLElement, rows: readonly PictureRow[], opts: Options): () => void {
  const css = getComputedStyle(el);
  const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const text = color('--text', '#222');
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const dates = rows.map((r) => r.date);
  const stack = (name: string, values: number[], c: string) => ({ name, type: 'bar' as const, stack: 'hours', data: values, itemStyle: { color: c }, barMaxWidth: 28 });
  chart.setOption({
    aria: { enabled: true, label: { description: opts.title } },
    animation: false,
    textStyle: { color: text },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0, textStyle: { color: text } },
    grid: { left: 48, right: 16, top: 72, bottom: 32 },
    xAxis: { type: 'category', data: dates, axisLabel: { color: text, formatter: (d: string) => opts.label(d) } },
    yAxis: { type: 'value', name: 'hours', nameTextStyle: { color: text }, axisLabel: { color: text } },
    series: [
      stack('Booked', rows.map((r) => r.booked), color('--chart-booked', '#8a8f98')),
      stack('Held by promises', rows.map((r) => r.held), color('--chart-held', '#c9a227')),
      stack('This quote, other lines', rows.map((r) => r.quoteOther), color('--chart-quote', '#7b5ea7')),
      stack('This line', rows.map((r) => r.addRegular), color('--chart-request', '#2f6fdf')),
      stack('This line, overtime', rows.map((r) => r.addOvertime), color('--chart-overtime', '#d9534f')),
      {
        name: 'Capacity',
        type: 'line',
        step: 'middle',
        data: rows.map((r) => r.capacity),
        symbol: 'none',
        lineStyle: { color: text, width: 2 },
        itemStyle: { color: text },
        markLine: {
          symbol: 'none',
          label: { formatter: 'requested', color: text },
          lineStyle: { type: 'dashed', color: text },
          data: dates.includes(opts.requestedDate) ? [{ xAxis: opts.requestedDate }] : [],
        },
      },
      {
        name: 'With free overtime',
        type: 'line',
        step: 'middle',
        data: rows.map((r) => r.withOvertime),
        symbol: 'none',
        lineStyle: { type: 'dotted', color: color('--chart-overtime', '#d9534f') },
        itemStyle: { color: color('--chart-overtime', '#d9534f') },
      },
    ],
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
