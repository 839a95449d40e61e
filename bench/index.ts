/**
 * `npm run bench` prints a table of every figure; `npm run bench -- --json` prints ONE JSON object
 * (figure name → value, plus `targets` and `meta`). `--only NAME[,NAME]` runs some benches,
 * `--quick` uses small samples, `--scale N` makes the big plant and its promises N times larger
 * (`--scale 10`: 20,000 finished products, 30,000 components, 600 resources, 200,000 promises).
 * Benchmarks are never part of `npm test`.
 */
import { loadavg } from 'node:os';
import { BENCHES } from './benches';
import { createContext, type Figure } from './registry';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const valueOf = (flag: string) => {
  const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  return i < 0 ? null : args[i]!.startsWith(`${flag}=`) ? args[i]!.slice(flag.length + 1) : (args[i + 1] ?? '');
};
const onlyArg = valueOf('--only');
const only = onlyArg ? onlyArg.split(',') : null;
const scaleArg = valueOf('--scale');
const scale = scaleArg === null ? 1 : Number(scaleArg);
const takesValue = ['--only', '--scale'];
const unknown = args.filter((a, i) => !['--json', '--quick', ...takesValue].includes(a) && !takesValue.some((f) => a.startsWith(`${f}=`)) && !takesValue.includes(args[i - 1]!));
if (unknown.length || !Number.isInteger(scale) || scale < 1) {
  process.stderr.write(`usage: npm run bench -- [--json] [--quick] [--scale N] [--only ${BENCHES.map((b) => b.name).join(',')}]\n`);
  process.exit(2);
}

const ctx = createContext({ quick, scale });
const figures: (Figure & { bench: string })[] = [];
for (const bench of BENCHES) {
  if (only && !only.includes(bench.name)) continue;
  // Each bench starts from a collected heap (`npm run bench` exposes gc): the garbage a bench
  // before it left (the model-build bench's five models of the ×10 plant) made every young
  // collection of the next one slower, and a 10-line check's p95 half as long again.
  if (bench.alone) ctx.dropFixtures();
  (globalThis as { gc?: () => void }).gc?.();
  ctx.log(`bench ${bench.name}: ${bench.description}`);
  for (const f of await bench.run(ctx)) figures.push({ ...f, bench: bench.name });
}
// Peak resident memory of the whole run (the OS counts kilobytes). Not the app's memory: this
// process also makes the big plant's promises and database. The "memory < 2 GB" at ×10
// is read as the app's, measured by the open-db bench in a process of its own (app_start_rss_mb).
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
figures.push({ bench: 'run', name: 'peak_rss_mb', value: peakMb, note: 'the bench process, which also makes the fixtures; the app: app_start_rss_mb' });

if (json) {
  const out: Record<string, unknown> = {};
  for (const f of figures) out[f.name] = f.value;
  out.targets = Object.fromEntries(figures.filter((f) => f.target).map((f) => [f.name, { target: f.target, met: f.met ?? null }]));
  out.notes = Object.fromEntries(figures.filter((f) => f.note).map((f) => [f.name, f.note]));
  out.meta = { node: process.version, quick, scale, load_average: loadavg().map((x) => Math.round(x * 100) / 100), date: new Date().toISOString(), platform: `${process.platform}-${process.arch}` };
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  const rows = figures.map((f) => [f.bench, f.name, String(f.value), f.target ? `${f.target} ${f.met === undefined ? '' : f.met ? 'met' : 'NOT MET'}` : '', f.note ?? '']);
  const head = ['bench', 'figure', 'value', 'target', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  process.stdout.write(`${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
}
