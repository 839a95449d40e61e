/** Timing helpers for benches (milliseconds, from the monotonic clock). */
export function timeMs<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Wall time and the process's CPU time (user + system) of one call, in milliseconds. */
export function timeBoth<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

/** Nearest-rank percentile of a sample (p in 0–100). */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function mean(sample: readonly number[]): number {
  return sample.reduce((a, b) => a + b, 0) / sample.length;
}

export function median(sample: readonly number[]): number {
  return percentile(sample, 50);
}

/** Rounds for display and JSON: 3 significant decimals below 10, 1 above. */
export function round(ms: number): number {
  return ms < 10 ? Math.round(ms * 1000) / 1000 : Math.round(ms * 10) / 10;
}
