/** The window's remembered size and place: what was saved, read back and fitted to the displays there are now. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, fitToDisplays, parseWindowState, stateToSave, type Rect, type WindowState } from '../../../main/shell/window-state';

const LAPTOP: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const RIGHT_MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };
const LEFT_MONITOR: Rect = { x: -1920, y: 0, width: 1920, height: 1050 };

describe('parseWindowState', () => {
  it.each([
    [null, null],
    ['', null],
    ['{', null],
    ['[]', null],
    ['{"width": 1000}', null],
    ['{"width": 0, "height": 700}', null],
    ['{"width": 1000.5, "height": 700}', null],
    ['{"width": "1000", "height": 700}', null],
    ['{"x": 1e9, "y": 0, "width": 1000, "height": 700}', null],
    ['{"width": 1000, "height": 700}', { width: 1000, height: 700, maximized: false }],
    ['{"x": -1900, "y": 20, "width": 1000, "height": 700, "maximized": true}', { x: -1900, y: 20, width: 1000, height: 700, maximized: true }],
  ] as const)('%j → %j', (text, state) => {
    expect(parseWindowState(text)).toEqual(state);
  });
});

describe('fitToDisplays', () => {
  it.each<[string, WindowState | null, Rect[], WindowState]>([
    ['nothing saved: the default size, centred', null, [LAPTOP], DEFAULT_STATE],
    ['a place on the laptop is kept', { x: 100, y: 50, width: 1200, height: 800, maximized: false }, [LAPTOP], { x: 100, y: 50, width: 1200, height: 800, maximized: false }],
    ['on the second monitor, still there', { x: 1600, y: 100, width: 2000, height: 1200, maximized: true }, [LAPTOP, RIGHT_MONITOR], { x: 1600, y: 100, width: 2000, height: 1200, maximized: true }],
    ['on a monitor to the left (negative x)', { x: -1800, y: 10, width: 1200, height: 800, maximized: false }, [LAPTOP, LEFT_MONITOR], { x: -1800, y: 10, width: 1200, height: 800, maximized: false }],
    ['the second monitor is gone: centred on the laptop, size cut to it', { x: 1600, y: 100, width: 2000, height: 1200, maximized: true }, [LAPTOP], { width: 1440, height: 875, maximized: true }],
    ['title bar above the top of the screen: centred', { x: 100, y: -300, width: 1000, height: 700, maximized: false }, [LAPTOP], { width: 1000, height: 700, maximized: false }],
    ['only a sliver on screen (under 100 px of title bar): centred', { x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [LAPTOP], { width: 1000, height: 700, maximized: false }],
    ['smaller than the minimum: grown to 800 × 600', { x: 10, y: 10, width: 300, height: 200, maximized: false }, [LAPTOP], { x: 10, y: 10, width: 800, height: 600, maximized: false }],
    ['a display smaller than the minimum: fitted to it', null, [{ x: 0, y: 0, width: 640, height: 480 }], { width: 640, height: 480, maximized: false }],
    ['no display known: the saved size, at least the minimum', { x: 10, y: 10, width: 700, height: 900, maximized: false }, [], { width: 800, height: 900, maximized: false }],
  ])('%s', (_name, saved, displays, expected) => {
    expect(fitToDisplays(saved, displays)).toEqual(expected);
  });
});

describe('stateToSave', () => {
  it('keeps the normal bounds, whole pixels, and whether it was maximised', () => {
    expect(stateToSave({ x: 10.4, y: 20.6, width: 1000, height: 700.5 }, true)).toEqual({ x: 10, y: 21, width: 1000, height: 701, maximized: true });
  });

  it('what is saved reads back as the same state', () => {
    const s = stateToSave({ x: -1800, y: 10, width: 1200, height: 800 }, false);
    expect(parseWindowState(JSON.stringify(s))).toEqual(s);
  });
});
