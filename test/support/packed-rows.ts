import type { PackedHolds, PackedKind } from '../../shared/engine/packed-holds';

/** Packed holds as plain rows (key, day, amounts), for comparing: what a model takes of them. */
export function packedRows(p: PackedHolds): { goods: unknown[][]; hours: unknown[][] } {
  const rows = (k: PackedKind, two: boolean) => Array.from({ length: k.n }, (_, i) => [k.keys[k.key[i]!], k.day[i], k.a[i], ...(two ? [k.b[i]] : [])]);
  return { goods: rows(p.goods, false), hours: rows(p.hours, true) };
}
