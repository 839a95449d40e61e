/**
 * The random plants are valid workbooks: every row is what the table's schema makes of it (so the
 * generator writes canonical values) and no cross-table rule is broken. Same seed, same plant.
 */
import { describe, expect, it } from 'vitest';
import { TABLES, TABLE_NAMES, type Workbook } from '../../shared/schemas/workbook';
import { checkWorkbookRules } from '../../shared/schemas/workbook-rules';
import { checkRequest } from '../../shared/schemas/check';
import { bigPlant, bigRequest } from '../fixtures/big-plant';
import { randomPlant, randomRequest } from '../fixtures/random-plant';
import { Rng } from '../fixtures/rng';

function schemaIssues(wb: Workbook): string[] {
  const out: string[] = [];
  for (const t of TABLE_NAMES) {
    (wb[t] as Record<string, unknown>[]).forEach((row, i) => {
      // What an import would read: every cell as text, empty for a default.
      const cells = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]));
      const r = TABLES[t].schema.safeParse(cells);
      if (!r.success) out.push(`${t}[${i}]: ${r.error.message}`);
      else if (JSON.stringify(r.data) !== JSON.stringify(row)) out.push(`${t}[${i}]: not canonical ${JSON.stringify(row)}`);
    });
  }
  return out;
}

describe('random small plants', () => {
  it('are valid workbooks with valid requests (300 seeds)', () => {
    for (let seed = 0; seed < 300; seed++) {
      const plant = randomPlant(seed);
      expect(schemaIssues(plant.workbook), `seed ${seed}`).toEqual([]);
      expect(checkWorkbookRules(plant.workbook), `seed ${seed}`).toEqual([]);
      expect(plant.sellable.length).toBeGreaterThan(0);
      const rng = new Rng(seed);
      for (let k = 0; k < 3; k++) expect(checkRequest.safeParse(randomRequest(plant, rng, { lines: 3 })).success).toBe(true);
    }
  });

  it('are reproducible from the seed', () => {
    expect(randomPlant(42)).toEqual(randomPlant(42));
    expect(randomPlant(42)).not.toEqual(randomPlant(43));
  });
});

describe('the big benchmark plant', () => {
  it('is a valid workbook of the promised size', () => {
    const plant = bigPlant(1);
    expect(schemaIssues(plant.workbook)).toEqual([]);
    expect(checkWorkbookRules(plant.workbook)).toEqual([]);
    const made = plant.workbook.products.filter((p) => p.sku.startsWith('FG-') && p.supply === 'make').length;
    expect(plant.finished).toHaveLength(2000);
    expect(made).toBeGreaterThan(1700);
    expect(plant.workbook.products.filter((p) => p.sku.startsWith('CMP-'))).toHaveLength(3000);
    expect(plant.workbook.resources).toHaveLength(60);
    expect(plant.horizonDays).toBe(365);
    expect(checkRequest.safeParse(bigRequest(plant, new Rng(1), 10)).success).toBe(true);
  });
});
