/**
 * Draws the capacity heatmap with echarts (canvas; tooltips as rich text, so no inline HTML under
 * the CSP). Colours are the page's CSS variables, read when drawing, so light and dark themes
 * both read well; bands are also told apart by pattern (decal) and named in the legend.
 */
import { HeatmapChart } from 'echarts/charts';
import { AriaComponent, DataZoomInsideComponent, DataZoomSliderComponent, GridComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BAND_LABEL, band, e4Hours, type Band, type HeatCell, type Period } from './capacity-data';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapPiecewiseComponent, DataZoomSliderComponent, DataZoomInsideComponent, AriaComponent, CanvasRenderer]);

const BANDS: Band[] = ['closed', 'free', 'light', 'busy', 'full', 'over'];

export interface HeatmapInput {
  resources: { id: string; name: string }[];
  periods: Period[];
  cells: HeatCell[];
  periodLabel(p: Period): string;
  selected: { resource: number; period: number } | null;
  /** Periods shown at first (the zoom). */
  window: { start: number; end: number };
  title: string;
  onSelect(resource: number, period: number): void;
}

export interface Heatmap {
  update(input: HeatmapInput): void;
  dispose(): void;
}

function colours(el: HTMLElement) {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#222'),
    border: v('--border', '#ccc'),
    accent: v('--focus', '#ffbf47'),
    band: {
      closed: v('--heat-closed', '#d9dde3'),
      free: v('--heat-free', '#e3f1e6'),
      light: v('--heat-light', '#9fd3a8'),
      busy: v('--heat-busy', '#f2c14e'),
      full: v('--heat-full', '#e07b39'),
      over: v('--heat-over', '#b3261e'),
    } as Record<Band, string>,
  };
}

function option(el: HTMLElement, input: HeatmapInput) {
  const c = colours(el);
  const data = input.cells.map((cell) => {
    const b = BANDS.indexOf(band(cell));
    const isSel = input.selected && input.selected.resource === cell.resource && input.selected.period === cell.period;
    const mark = cell.holiday ? 'H' : cell.exceptions.length ? 'E' : cell.held_overtime_e4 > 0 ? '+' : '';
    return {
      value: [cell.period, cell.resource, b],
      mark,
      cell,
      ...(isSel ? { itemStyle: { borderColor: c.accent, borderWidth: 3 } } : {}),
    };
  });
  const visible = input.window.end - input.window.start + 1;
  return {
    aria: { enabled: true, label: { description: input.title }, decal: { show: true } },
    animation: false,
    textStyle: { color: c.text },
    tooltip: {
      renderMode: 'richText',
      formatter: (p: { data: { cell: HeatCell } }) => {
        const cell = p.data.cell;
        const r = input.resources[cell.resource]!;
        const per = input.periods[cell.period]!;
        const lines = [
          `${r.name} (${r.id}) · ${input.periodLabel(per)}`,
          `calendar ${e4Hours(cell.calendar_e4)} h · booked ${e4Hours(cell.load_e4)} h · held ${e4Hours(cell.held_regular_e4)} h`,
          `overtime used ${e4Hours(cell.held_overtime_e4)} h of ${e4Hours(cell.overtime_e4)} h`,
          cell.utilisation === null ? 'no calendar hours' : `utilisation ${Math.round(cell.utilisation)} %`,
          ...cell.exceptions.map((e) => `${Number(e.hours) === 0 ? 'holiday' : `exception ${e.hours} h`}: ${e.note || `${e.date_from}–${e.date_to}`}`),
        ];
        return lines.join('\n');
      },
    },
    grid: { left: 150, right: 24, top: 44, bottom: 64 },
    xAxis: {
      type: 'category',
      data: input.periods.map((p) => input.periodLabel(p)),
      splitArea: { show: false },
      axisLabel: { color: c.text, hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      data: input.resources.map((r) => r.name),
      inverse: true,
      axisLabel: { color: c.text, width: 140, overflow: 'truncate' },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      top: 4,
      textStyle: { color: c.text },
      pieces: BANDS.map((b, i) => ({ value: i, label: BAND_LABEL[b], color: c.band[b] })),
    },
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, bottom: 8, height: 18, startValue: input.window.start, endValue: input.window.end, textStyle: { color: c.text } },
      { type: 'inside', xAxisIndex: 0, startValue: input.window.start, endValue: input.window.end },
    ],
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: c.border, borderWidth: 1 },
        label: { show: visible <= 70, color: c.text, fontWeight: 'bold', formatter: (p: { data: { mark: string } }) => p.data.mark },
        emphasis: { itemStyle: { borderColor: c.accent, borderWidth: 2 } },
        progressive: 0,
      },
    ],
  };
}

export function drawHeatmap(el: HTMLElement, first: HeatmapInput): Heatmap {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  let input = first;
  chart.on('click', (p) => {
    const v = (p.data as { value?: number[] } | undefined)?.value;
    if (v) input.onSelect(v[1]!, v[0]!);
  });
  chart.setOption(option(el, input));
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return {
    update(next) {
      const keepZoom = next.window === input.window;
      input = next;
      const o = option(el, next);
      if (keepZoom) delete (o as { dataZoom?: unknown }).dataZoom;
      chart.setOption(o, { replaceMerge: keepZoom ? ['series'] : ['series', 'dataZoom'] });
    },
    dispose() {
      window.removeEventListener('resize', resize);
      chart.dispose();
    },
  };
}
