/**
 * What a benchmark is: a named function that returns figures. Each bench lives in its own file and
 * is listed once in `benches.ts`; `index.ts` runs them and prints a table or one JSON object.
 * Expensive set-up (the big plant, its 20,000 promises) is shared between benches through
 * `ctx.fixture`, built on first use only.
 */
export interface Figure {
  /** snake_case with its unit, e.g. `check_p95_ms`: the key in the JSON output. */
  name: string;
  value: number | string;
  /** What it is compared with, in words (`< 10`), and whether it meets it. */
  target?: string;
  met?: boolean;
  note?: string;
}

export interface BenchContext {
  /** Progress for humans: to stderr, so that `--json` prints one clean object on stdout. */
  log(message: string): void;
  /** Builds a shared fixture once per run. */
  fixture<T>(key: string, make: () => T | Promise<T>): Promise<T>;
  /** Lets go of every shared fixture (built again if a later bench asks for it). */
  dropFixtures(): void;
  /** `--quick`: smaller samples for a fast smoke run. */
  quick: boolean;
  /** `--scale N`: the big plant and its promises N times larger (products, resources, promises). */
  scale: number;
}

export interface Bench {
  /** Short name for `--only`. */
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<Figure[]>;
  /**
   * Measures processes of its own (a browser, servers) and needs no shared fixture: the runner
   * drops them first. At ×10 the bench process kept 2 GB of the big plant alive, and its
   * collector's work on it ran on one of the machine's two cores while these benches measured
   * (grid scroll p95 frame 16.8 → 33.3 ms, team confirm p95 36 → 52 ms against alone).
   */
  alone?: boolean;
}

export function defineBench(bench: Bench): Bench {
  return bench;
}

/** A count as figure names spell it: 20000 → `20k`, 2500 → `2500`. */
export function countLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

export function createContext(opts: { quick: boolean; scale?: number }): BenchContext {
  const fixtures = new Map<string, Promise<unknown>>();
  return {
    quick: opts.quick,
    scale: opts.scale ?? 1,
    log: (message) => process.stderr.write(`${message}\n`),
    fixture<T>(key: string, make: () => T | Promise<T>): Promise<T> {
      if (!fixtures.has(key)) fixtures.set(key, Promise.resolve().then(make));
      return fixtures.get(key) as Promise<T>;
    },
    dropFixtures: () => fixtures.clear(),
  };
}
