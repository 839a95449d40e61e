/**
 * The window's size, position and maximised state, remembered between runs in the app-data
 * folder (`window-state.json`). Pure: parsing what was saved (anything unreadable is forgotten)
 * and fitting it to the displays there are now, so a window saved on a monitor that has since
 * gone opens on one that is there. `window.ts` applies it.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Position, when known; without it the window is centred. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { width: 1280, height: 860, maximized: false };
export const MIN_SIZE = { width: 800, height: 600 } as const;
/** How much of the title bar must be on a display for a saved position to be kept. */
const GRIP = { width: 100, height: 40 };

const int = z.number().int().min(-100_000).max(100_000);
const saved = z.object({ x: int.optional(), y: int.optional(), width: int.min(1), height: int.min(1), maximized: z.boolean().default(false) });

/** What `window-state.json` held, or null when it was missing, unreadable or not a window state. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const r = saved.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return { width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x), height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) };
}

/**
 * The state to open with, given the displays' work areas (the first is the primary): the size at
 * least the minimum and at most the display it opens on; the position kept only when the top of
 * the window (where it is grabbed) is on a display, else centred on the primary one.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const s = state ?? DEFAULT_STATE;
  const primary = workAreas[0];
  const titleBar = (x: number, y: number, width: number): Rect => ({ x, y, width, height: GRIP.height });
  const home =
    s.x !== undefined && s.y !== undefined
      ? workAreas.find((area) => {
          const o = overlap(titleBar(s.x!, s.y!, s.width), area);
          return o.width >= Math.min(GRIP.width, s.width) && o.height >= GRIP.height && s.y! >= area.y;
        })
      : undefined;
  const area = home ?? primary;
  const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));
  const width = area ? clamp(s.width, Math.min(MIN_SIZE.width, area.width), area.width) : Math.max(s.width, MIN_SIZE.width);
  const height = area ? clamp(s.height, Math.min(MIN_SIZE.height, area.height), area.height) : Math.max(s.height, MIN_SIZE.height);
  if (!home) return { width, height, maximized: s.maximized };
  return { x: s.x!, y: s.y!, width, height, maximized: s.maximized };
}

/** What to save: the normal (not maximised) bounds, so un-maximising returns to them. */
export function stateToSave(normalBounds: Rect, maximized: boolean): WindowState {
  const r = (n: number) => Math.round(n);
  return { x: r(normalBounds.x), y: r(normalBounds.y), width: r(normalBounds.width), height: r(normalBounds.height), maximized };
}
