/** Who must approve, in words: capacity reasons → operations, commercial → a manager, both when both. */
import { describe, expect, it } from 'vitest';
import { approversText } from '../../../renderer/screens/promises/approvers';

describe('who must approve', () => {
  it.each([
    [['needs_overtime'], 'operations (capacity: overtime)'],
    [['needs_express', 'needs_overtime'], 'operations (capacity: express, overtime)'],
    [['margin_below_floor'], 'a manager (price: margin below the floor)'],
    [['discount_above_limit', 'needs_overtime'], 'both operations (capacity: overtime) and a manager (price: discount above the limit)'],
    [['capacity_short'], 'operations or a manager'],
  ] as const)('%j → %s', (codes, words) => {
    expect(approversText(codes.map((code) => ({ code })))).toBe(words);
  });
});
