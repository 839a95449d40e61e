/**
 * Every open hold packed as the model takes it: what it takes from (a product's pool, a
 * resource), the day, and how much; no line, no use, no object per hold. A model is built from
 * every open hold (1.3 million on the ×10 plant) at start and on every new day or data version.
 * Handed over as `Hold` objects, with the day's list of changes of each pool growing in a map,
 * applying them was about 0.8 s of opening the ×10 database, and the objects young garbage the
 * collector copied (issue #15, speed). Packed, the same totals land on the same days
 * (test/property/packed-holds.test.ts holds a model built with them to one built with the holds).
 */
import { toDay } from '../units/days';
import type { Hold } from '../schemas/hold';

/** Holds of one kind: hold k takes `a[k]` (and `b[k]`) of `keys[key[k]]` on day number `day[k]`. */
export interface PackedKind {
  n: number;
  keys: string[];
  key: Int32Array;
  day: Int32Array;
  /** Goods: the quantity; hours: the regular hours (1/10,000 h). */
  a: Float64Array;
  /** Hours: the overtime hours (1/10,000 h); goods: unused (empty). */
  b: Float64Array;
}

export interface PackedHolds {
  goods: PackedKind;
  hours: PackedKind;
}

/** Packs holds as they come (`goods`, `hours` from stored columns, `add` from a `Hold`). */
export class HoldPacker {
  private readonly g = new KindPacker(false);
  private readonly h = new KindPacker(true);

  goods(sku: string, date: string, qty: number): void {
    this.g.push(sku, date, qty, 0);
  }

  hours(resourceId: string, date: string, regularE4: number, overtimeE4: number): void {
    this.h.push(resourceId, date, regularE4, overtimeE4);
  }

  add(hold: Hold): void {
    if (hold.type === 'goods') this.goods(hold.sku, hold.date, hold.qty);
    else this.hours(hold.resource_id, hold.date, hold.regular_e4, hold.overtime_e4);
  }

  done(): PackedHolds {
    return { goods: this.g.done(), hours: this.h.done() };
  }
}

export function packHolds(holds: Iterable<Hold>): PackedHolds {
  const p = new HoldPacker();
  for (const h of holds) p.add(h);
  return p.done();
}

class KindPacker {
  private n = 0;
  private readonly keys: string[] = [];
  private readonly keyIndex = new Map<string, number>();
  private lastDate: string | null = null;
  private lastDay = 0;
  private key = new Int32Array(1024);
  private day = new Int32Array(1024);
  private a = new Float64Array(1024);
  private b: Float64Array;

  constructor(private readonly twoAmounts: boolean) {
    this.b = new Float64Array(twoAmounts ? 1024 : 0);
  }

  push(key: string, date: string, a: number, b: number): void {
    if (this.n === this.key.length) this.grow();
    let k = this.keyIndex.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, k);
    }
    // Three holds in four are of the day of the hold before (a production day's hours and parts).
    if (date !== this.lastDate) {
      this.lastDay = toDay(date);
      this.lastDate = date;
    }
    this.key[this.n] = k;
    this.day[this.n] = this.lastDay;
    this.a[this.n] = a;
    if (this.twoAmounts) this.b[this.n] = b;
    this.n++;
  }

  private grow(): void {
    const size = this.key.length * 2;
    const wider = <T extends Int32Array | Float64Array>(from: T, to: T): T => (to.set(from), to);
    this.key = wider(this.key, new Int32Array(size));
    this.day = wider(this.day, new Int32Array(size));
    this.a = wider(this.a, new Float64Array(size));
    if (this.twoAmounts) this.b = wider(this.b, new Float64Array(size));
  }

  done(): PackedKind {
    return { n: this.n, keys: this.keys, key: this.key, day: this.day, a: this.a, b: this.b };
  }
}

/**
 * Takes packed hours holds from the resources, as `addHolds` takes the same holds: hours before A
 * are past and ignored, as is anything beyond the horizon or of a resource the tables no longer
 * have. (Goods holds are taken as the pools are built: `buildPools`.) The resources are typed by
 * their held hours only, not as plant-model.ts's `ResourceState`: pool.ts reads this file and
 * plant-model.ts reads pool.ts, and engine files never import in a circle.
 */
export function takePackedHours(hours: PackedKind, resources: readonly { regHeld: Float64Array; otHeld: Float64Array }[], resourceIndex: ReadonlyMap<string, number>, asOfDay: number, H: number): void {
  const resourceOf = hours.keys.map((id) => resourceIndex.get(id) ?? -1);
  for (let k = 0; k < hours.n; k++) {
    const r = resourceOf[hours.key[k]!]!;
    const i = hours.day[k]! - asOfDay;
    if (r < 0 || i < 0 || i >= H) continue;
    const res = resources[r]!;
    res.regHeld[i]! += hours.a[k]!;
    res.otHeld[i]! += hours.b[k]!;
  }
}
