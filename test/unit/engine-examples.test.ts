/**
 * Every worked example of ../shared/examples run on the pure engine (the CLI runs them too, in
 * test/cli): exit 1 examples must be request errors, the others must match every pinned field.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addHolds, buildModel, runCheck, validateRequest } from '../../shared/engine';
import { EXAMPLES, readExample } from '../support/example-workbook';

/** Every field `exp` pins must be in `got` (missing counts as null); plans matched by kind, in order. */
function pinned(exp: unknown, got: unknown, path: string, bad: string[]): void {
  if (Array.isArray(exp)) {
    if (!Array.isArray(got)) return void bad.push(`${path}: expected a list`);
    if (path.endsWith('.plans')) {
      const want = exp.map((p: { kind: string }) => p.kind);
      const have = got.map((p: { kind: string }) => p.kind);
      if (want.join() !== have.join()) bad.push(`${path}: plans ${have.join()} instead of ${want.join()}`);
      for (const p of exp) pinned(p, got.find((g: { kind: string }) => g.kind === p.kind), `${path}.${p.kind}`, bad);
      return;
    }
    if (exp.length !== got.length) return void bad.push(`${path}: ${got.length} entries instead of ${exp.length}`);
    exp.forEach((e, i) => pinned(e, got[i], `${path}[${i}]`, bad));
  } else if (exp !== null && typeof exp === 'object') {
    if (!got || typeof got !== 'object') return void bad.push(`${path}: expected an object`);
    for (const [k, v] of Object.entries(exp)) pinned(v, (got as Record<string, unknown>)[k], `${path}.${k}`, bad);
  } else if ((got ?? null) !== exp) bad.push(`${path}: ${JSON.stringify(got)} instead of ${JSON.stringify(exp)}`);
}

const names = readdirSync(EXAMPLES).filter((n) => /^\d\d-/.test(n)).sort();

describe('worked examples on the engine', () => {
  it('finds the examples', () => expect(names.length).toBeGreaterThanOrEqual(29));
  for (const name of names) {
    it(name, () => {
      const { workbook, request, expected, confirms } = readExample(name);
      const model = buildModel(workbook, { asOf: expected.as_of, dataVersion: 'test' });
      confirms.forEach((c, i) => {
        const v = validateRequest(model, c);
        expect(v.ok).toBe(true);
        if (!v.ok) return;
        const { result, holds } = runCheck(model, v.value);
        const ok = result.status === 'ok';
        expect(ok ? 0 : 1, `confirm-${i + 1}`).toBe(expected.confirm_exits[i]);
        if (ok) addHolds(model, holds);
      });
      const v = validateRequest(model, request);
      if (expected.exit === 1) {
        expect(v.ok).toBe(false);
        return;
      }
      expect(v.ok, JSON.stringify(!v.ok && v.issues)).toBe(true);
      if (!v.ok) return;
      const { result } = runCheck(model, v.value);
      const bad: string[] = [];
      pinned(expected.result, result, 'result', bad);
      expect(bad).toEqual([]);
    });
  }
});
