/**
 * The Tables grid with a 100,000-row table in headless Chromium (`npm run web`): time to open the
 * table, frame intervals while scrolling it with the wheel, sorting, checking an edit against the
 * whole workbook, saving. Skipped where /usr/bin/chromium is missing.
 */
import { hasChromium } from '../../test/e2e/preview-server';
import { defineBench } from '../registry';
import { round } from '../stats';
import { measureGrid } from './grid-100k';

export const grid = defineBench({
  name: 'grid',
  description: 'the Tables grid with a 100,000-row table in headless Chromium',
  alone: true,
  async run(ctx) {
    if (!hasChromium) return [{ name: 'grid_100k_open_ms', value: 'skipped', note: 'no /usr/bin/chromium' }];
    const rows = ctx.quick ? 20_000 : 100_000;
    const f = await measureGrid({ rows, log: (m) => ctx.log(m) });
    const k = rows === 100_000 ? '100k' : `${rows / 1000}k`;
    return [
      { name: `grid_${k}_open_ms`, value: f.openMs, note: 'choose the table until its first rows and count show (load through the contract included)' },
      { name: `grid_${k}_scroll_p95_frame_ms`, value: round(f.scrollP95FrameMs), target: '< 33', met: f.scrollP95FrameMs < 33, note: `${f.scrollFrames} frames while the wheel scrolled; longest ${round(f.scrollMaxFrameMs)} ms; ${round(f.scrollJankShare * 100)} % over 50 ms` },
      { name: `grid_${k}_sort_ms`, value: f.sortMs },
      { name: `grid_${k}_edit_check_ms`, value: f.editCheckMs, note: 'an edited cell until the whole workbook is checked and Save is enabled (median of 3 edits)' },
      { name: `grid_${k}_save_ms`, value: f.saveMs, ...(rows === 100_000 ? { target: '< 1000', met: f.saveMs < 1000 } : {}), note: `save, new data version, tables loaded again: median of 3 saves (${f.saves.join(', ')} ms)` },
    ];
  },
});
