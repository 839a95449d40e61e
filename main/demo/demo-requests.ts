/**
 * Requests to try on the demo plant of a given day, one for each kind of answer. Their dates
 * count working days from today, so they keep their meaning whatever the day (away from the
 * shutdown between the years, which leaves less time to produce).
 */
import type { CheckRequestInput } from '../../shared/schemas/check';
import { addDays } from '../../shared/units/days';
import { nthWorkday } from './demo-workbook';

export interface DemoRequest {
  title: string;
  /** What the check should answer on a normal working week. */
  expect: 'ok' | 'needs_approval' | 'not_feasible';
  request: CheckRequestInput;
}

export function demoRequests(today: string): DemoRequest[] {
  const wd = (n: number) => nthWorkday(today, n);
  return [
    {
      title: 'Ten small pumps from stock and production for a German utility',
      expect: 'ok',
      request: { customer: 'Stadtwerke Ulm', region: 'DE', lines: [{ sku: 'CP-32', qty: 10, requested_date: addDays(wd(15), 2), unit_price: '850' }] },
    },
    {
      title: 'Submersible pumps to Poland in a week: assembly needs overtime',
      expect: 'needs_approval',
      request: { customer: 'Budimex Kraków', region: 'PL', lines: [{ sku: 'SP-4', qty: 14, requested_date: addDays(wd(6), 3), unit_price: '1150' }] },
    },
    {
      title: 'Pumps to the US within two weeks: only air freight makes it',
      expect: 'needs_approval',
      request: { customer: 'Texas Water Supply', region: 'US', lines: [{ sku: 'CP-32', qty: 6, requested_date: addDays(wd(8), 6), unit_price: '990' }] },
    },
    {
      title: 'Large pumps at a discount beyond what sales may give',
      expect: 'needs_approval',
      request: { customer: 'Agro Lyon SA', region: 'FR', lines: [{ sku: 'CP-80', qty: 2, requested_date: addDays(wd(30), 4), unit_price: '2200' }] },
    },
    {
      title: 'A dozen booster sets in three weeks: assembly and the test bench cannot make it',
      expect: 'not_feasible',
      request: { customer: 'Hochhaus Frankfurt GmbH', region: 'DE', lines: [{ sku: 'BS-100', qty: 12, requested_date: addDays(wd(15), 2), unit_price: '4750' }] },
    },
  ];
}
