/** Nothing secret reaches the log file: passphrases, keys, signatures, tokens. */
import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactText } from '../../../main/shell/redact';

const KEY = 'MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=';
const SIGNATURE = 'q3Jx8Y0bJ1XwM6Pq0b5mWc2Jv8rN1uT4sV7yZ0aB3cD6eF9gH2iJ5kL8mN1oP4qR7sT0uV3wX6yZ9aB2cD5eF8g==';

describe('redactText', () => {
  it.each([
    ['PROMISE_PASSPHRASE=correct horse battery', `PROMISE_PASSPHRASE=${REDACTED} horse battery`],
    ['passphrase: hunter22hunter', `passphrase: ${REDACTED}`],
    ['{"passphrase":"s3cret value"}', `{"passphrase":"${REDACTED} value"}`],
    ['http://127.0.0.1:5000/?token=abc123def', `http://127.0.0.1:5000/?token=${REDACTED}`],
    [`public key ${KEY}`, `public key ${REDACTED}`],
    [`signed ${SIGNATURE} ok`, `signed ${REDACTED} ok`],
    ['-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA\n-----END PRIVATE KEY-----', REDACTED],
    ['private_key=abc', `private_key=${REDACTED}`],
  ])('%j → %j', (text, shown) => {
    expect(redactText(text)).toBe(shown);
  });

  it.each([
    'Promise Desk 0.1.0 starting (electron 45.4.1, linux x64)',
    'could not open /home/someone/Documents/plants/stuttgart/workbooks/plant.xlsx',
    '/usr/lib/promisedesk/resources/app/dist/main/shell/app.cjs:12:5',
    'Confirmed P-000012 for Stadtwerke Ulm; verification code ABCD-EFGH-2345',
    'the database /home/a/.config/Promise Desk/promise-desk.db',
  ])('leaves ordinary lines alone: %j', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redact', () => {
  it('drops the values of secret fields at any depth, keeps the rest', () => {
    const value = {
      user: 'Ada',
      passphrase: 'correct horse battery staple',
      credentials: { salt: 'x', encrypted: 'y' },
      nested: [{ privateKey: 'zzz', publicKey: 'not secret', token: 't', signature: 's', comment: 'fine' }],
      count: 3,
    };
    expect(redact(value)).toEqual({
      user: 'Ada',
      passphrase: REDACTED,
      credentials: REDACTED,
      nested: [{ privateKey: REDACTED, publicKey: 'not secret', token: REDACTED, signature: REDACTED, comment: 'fine' }],
      count: 3,
    });
  });

  it('redacts an error’s message and stack, keeps its name', () => {
    const e = new TypeError('bad PROMISE_PASSPHRASE=letmein123 here');
    const r = redact(e) as Error;
    expect(r).toBeInstanceOf(Error);
    expect(r.name).toBe('TypeError');
    expect(r.message).toBe(`bad PROMISE_PASSPHRASE=${REDACTED} here`);
    expect(r.stack).not.toContain('letmein123');
  });

  it('bytes become their length; numbers, booleans and null pass', () => {
    expect(redact(new Uint8Array(32))).toBe('[32 bytes]');
    expect(redact([1, true, null, undefined])).toEqual([1, true, null, undefined]);
  });

  it('a deep structure ends in an ellipsis instead of recursing for ever', () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 20; i++) at = (at.next = {}) as Record<string, unknown>;
    expect(JSON.stringify(redact(deep))).toContain('[…]');
  });
});
