import { describe, expect, it } from 'vitest';
import { base32 } from '../../../main/summary/base32';

describe('base32 (RFC 4648 section 10, without padding)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s', (input, out) => {
    expect(base32(Buffer.from(input))).toBe(out);
  });

  it('encodes all-ones bytes', () => {
    expect(base32(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('77777777');
  });
});
