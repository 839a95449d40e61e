/**
 * A view of the plant's changing state (held hours, pool cumulatives). The model's own view
 * writes to the model (confirm, release); a scratch view copies an array the first time it is
 * written, so that a check can let its lines take capacity from each other without touching
 * the model.
 */
import { toDay } from '../units/days';
import type { PlantModel } from './plant-model';
import { applyChanges, type PoolArrays } from './pool';
import type { Hold } from './types';

export interface ResArrays {
  regHeld: Float64Array;
  otHeld: Float64Array;
}
export type { PoolArrays };

export interface View {
  model: PlantModel;
  /** A scratch view is dropped after its check: what is taken from it matters only to later lines. */
  scratch: boolean;
  res(i: number): ResArrays;
  pool(i: number): PoolArrays;
  mutRes(i: number): ResArrays;
  mutPool(i: number): PoolArrays;
}

// One per model: it holds nothing of its own, and a replan asks for it for every promise.
const baseViews = new WeakMap<PlantModel, View>();

export function baseView(model: PlantModel): View {
  let view = baseViews.get(model);
  if (!view) {
    const res = (i: number) => model.resources[i]!;
    const pool = (i: number) => model.pools[i]!;
    baseViews.set(model, (view = { model, scratch: false, res, pool, mutRes: res, mutPool: pool }));
  }
  return view;
}

/**
 * A scratch view for the length of `use`. Nothing `use` returns may keep the view's arrays (a
 * check's answer and holds do not): their room is handed to the next scratch view.
 *
 * Why: a scratch view copies the held hours of every resource its check plans on, and the
 * re-checks behind alternatives make one each. Copied with `slice`, each copy was a new typed
 * array with a backing store of its own (microseconds each, hundreds per check, and collections
 * that landed inside checks). The copies now share the arena below.
 */
export function withScratchView<T>(model: PlantModel, use: (view: View) => T): T {
  const mark = arena.used;
  try {
    return use(scratchView(model));
  } finally {
    arena.used = mark;
  }
}

/** Room for held-hours copies, one horizon long each, taken and given back in stack order. */
const arena = { store: new Float64Array(0), size: 0, used: 0 };

function arenaCopy(a: Float64Array): Float64Array {
  const n = a.length;
  if (arena.size !== n) Object.assign(arena, { store: new Float64Array(256 * n), size: n, used: 0 });
  // Full: a new, larger store; copies already handed out keep the old one (still valid).
  if ((arena.used + 1) * n > arena.store.length) arena.store = new Float64Array(arena.store.length * 2);
  const c = arena.store.subarray(arena.used * n, ++arena.used * n);
  c.set(a);
  return c;
}

function scratchView(model: PlantModel): View {
  const resCopies = new Map<number, ResArrays>();
  const poolCopies = new Map<number, PoolArrays>();
  return {
    model,
    scratch: true,
    res: (i) => resCopies.get(i) ?? model.resources[i]!,
    pool: (i) => poolCopies.get(i) ?? model.pools[i]!,
    mutRes(i) {
      let c = resCopies.get(i);
      if (!c) resCopies.set(i, (c = { regHeld: arenaCopy(model.resources[i]!.regHeld), otHeld: arenaCopy(model.resources[i]!.otHeld) }));
      return c;
    },
    mutPool(i) {
      let c = poolCopies.get(i);
      // The model's arrays, not copies: applyChanges, the one writer of pool arrays, gives a
      // pool other than the model's own new arrays (copied, then grown, they were a third of
      // what a check allocated, and so of the collections that land inside checks).
      if (!c) poolCopies.set(i, (c = { days: model.pools[i]!.days, cum: model.pools[i]!.cum, suf: model.pools[i]!.suf }));
      return c;
    },
  };
}

/**
 * Adds (sign 1) or removes (sign −1) holds. Goods dated before A count on A (as orders do);
 * hours before A are past and ignored, as is anything beyond the horizon.
 */
export function applyHoldsTo(view: View, holds: Iterable<Hold>, sign: 1 | -1): void {
  const { model } = view;
  const H = model.horizon;
  const changes = new Map<number, number[]>();
  // A promise's holds come together, a production day's on one date: the day of the hold before
  // is reused when the date is the same (a million holds at start, each a map look-up otherwise).
  let lastDate = '';
  let lastDay = 0;
  for (const h of holds) {
    if (h.date !== lastDate) {
      lastDate = h.date;
      lastDay = toDay(h.date);
    }
    let i = lastDay - model.asOfDay;
    if (h.type === 'hours') {
      const r = model.resourceIndex.get(h.resource_id);
      if (r === undefined || i < 0 || i >= H) continue;
      const a = view.mutRes(r);
      a.regHeld[i]! += sign * h.regular_e4;
      a.otHeld[i]! += sign * h.overtime_e4;
    } else {
      const p = model.poolIndex.get(h.sku);
      if (p === undefined) continue;
      i = Math.max(0, i);
      if (i >= H) continue;
      const list = changes.get(p);
      if (list) list.push(i, -sign * h.qty);
      else changes.set(p, [i, -sign * h.qty]);
    }
  }
  // One pass over the pool's steps, however many holds touch it.
  for (const [p, list] of changes) applyChanges(model.pools[p]!, view.mutPool(p), list);
}
