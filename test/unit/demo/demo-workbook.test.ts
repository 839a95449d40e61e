import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoRequests } from '../../../main/demo/demo-requests';
import { DEMO_HORIZON_DAYS, demoWorkbook, nthWorkday } from '../../../main/demo/demo-workbook';
import { easterSunday, germanHolidays } from '../../../main/demo/holidays';
import { buildModel, runCheck, validateRequest } from '../../../shared/engine';
import { addDays } from '../../../shared/units/days';
import { resolvePolicy } from '../../../shared/schemas/workbook';
import { checkWorkbookRules } from '../../../shared/schemas/workbook-rules';

describe('German holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it('2026 has the fixed and the Easter-based holidays of Baden-Württemberg', () => {
    expect(germanHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Neujahr' },
      { date: '2026-01-06', name: 'Heilige Drei Könige' },
      { date: '2026-04-03', name: 'Karfreitag' },
      { date: '2026-04-06', name: 'Ostermontag' },
      { date: '2026-05-01', name: 'Tag der Arbeit' },
      { date: '2026-05-14', name: 'Christi Himmelfahrt' },
      { date: '2026-05-25', name: 'Pfingstmontag' },
      { date: '2026-06-04', name: 'Fronleichnam' },
      { date: '2026-10-03', name: 'Tag der Deutschen Einheit' },
      { date: '2026-11-01', name: 'Allerheiligen' },
      { date: '2026-12-25', name: '1. Weihnachtstag' },
      { date: '2026-12-26', name: '2. Weihnachtstag' },
    ]);
  });

  it('two holidays on one day are one entry (Ascension on 1 May 2008)', () => {
    expect(germanHolidays(2008).filter((h) => h.date === '2008-05-01')).toEqual([{ date: '2008-05-01', name: 'Tag der Arbeit / Christi Himmelfahrt' }]);
  });
});

describe('the demo plant', () => {
  it('is a valid workbook on every day of a year, its holidays covering the horizon', () => {
    for (let i = 0; i < 366; i++) {
      const today = addDays('2026-01-01', i);
      const wb = demoWorkbook(today);
      expect(checkWorkbookRules(wb), today).toEqual([]);
      const holidays = wb.calendar_exceptions.filter((e) => e.calendar_id === 'ASSY-1S' && e.hours === '0').map((e) => e.date_to);
      expect(holidays.some((d) => d >= addDays(today, DEMO_HORIZON_DAYS)), today).toBe(true);
    }
  });

  it('is a small German pump maker in EUR, with four regions and both lanes each', () => {
    const wb = demoWorkbook('2026-03-02');
    expect(resolvePolicy(wb.policy)).toMatchObject({ currency: 'EUR', horizon_days: DEMO_HORIZON_DAYS });
    expect(wb.resources.length).toBeGreaterThanOrEqual(3);
    expect(new Set(wb.resources.map((r) => r.calendar_id)).size).toBeGreaterThanOrEqual(3);
    expect(wb.products.length).toBeGreaterThanOrEqual(12);
    expect(new Set(wb.products.map((p) => p.supply))).toEqual(new Set(['make', 'buy']));
    for (const region of ['DE', 'FR', 'PL', 'US']) expect(wb.lanes.filter((l) => l.region === region).map((l) => l.mode).sort()).toEqual(['express', 'standard']);
    expect(wb.calendar_exceptions.some((e) => e.date_from === '2026-04-03' && e.note === 'Karfreitag')).toBe(true);
  });

  it('counts working days past weekends and holidays', () => {
    expect(nthWorkday('2026-04-02', 0)).toBe('2026-04-02');
    expect(nthWorkday('2026-04-02', 1)).toBe('2026-04-07'); // Good Friday, the weekend, Easter Monday
    expect(nthWorkday('2026-03-07', 0)).toBe('2026-03-09');
  });

  it('has no over-committed stock: the orders of made products are covered by planned production', () => {
    for (const today of ['2026-03-02', '2026-07-15', '2027-02-10']) {
      const model = buildModel(demoWorkbook(today), { asOf: today, dataVersion: 'v1', holds: [] });
      const skus = ['CP-32', 'CP-50', 'CP-80', 'SP-4', 'DP-25', 'BS-100', 'SEAL-KIT', 'CTRL-BOX'];
      const v = validateRequest(model, { customer: 'x', region: 'DE', lines: skus.map((sku) => ({ sku, qty: 1, requested_date: addDays(today, 60), unit_price: '9000' })) });
      if (!v.ok) throw new Error(JSON.stringify(v.issues));
      expect(runCheck(model, v.value).result.warnings, today).toEqual([]);
    }
  });

  it('answers its demo requests as they say on ordinary weeks: ok, needs approval, not feasible', () => {
    for (const today of ['2026-03-02', '2026-05-20', '2026-09-14', '2027-01-18', '2027-06-30']) {
      const model = buildModel(demoWorkbook(today), { asOf: today, dataVersion: 'v1', holds: [] });
      const answers = demoRequests(today).map((d) => {
        const v = validateRequest(model, d.request);
        if (!v.ok) throw new Error(JSON.stringify(v.issues));
        return [runCheck(model, v.value).result.status, d.expect];
      });
      for (const [got, want] of answers) expect(got, today).toBe(want);
      expect(new Set(answers.map(([got]) => got))).toEqual(new Set(['ok', 'needs_approval', 'not_feasible']));
    }
  });

  it('the overtime request needs overtime, the US one express', () => {
    const today = '2026-03-02';
    const model = buildModel(demoWorkbook(today), { asOf: today, dataVersion: 'v1', holds: [] });
    const [, overtime, express] = demoRequests(today).map((d) => {
      const v = validateRequest(model, d.request);
      if (!v.ok) throw new Error('bad request');
      return runCheck(model, v.value).result.lines[0]!;
    });
    expect(overtime!.chosen_plan).toBe('overtime');
    expect(express!.chosen_plan).toBe('express');
  });

  it('test/fixtures/demo-request.json is ok on the demo plant of 2026-03-02', () => {
    const today = '2026-03-02';
    const request = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'demo-request.json'), 'utf8'));
    const model = buildModel(demoWorkbook(today), { asOf: today, dataVersion: 'v1', holds: [] });
    const v = validateRequest(model, request);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    expect(runCheck(model, v.value).result.status).toBe('ok');
  });
});
