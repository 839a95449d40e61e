/**
 * `inlineParams` writes parameters into a statement so that several go as one simple query. It
 * must give the server exactly the values pg would have sent as parameters: checked on the real
 * server with hostile text (quotes, backslashes, `$1`, Unicode), arrays with NULLs and quotes,
 * JSON, big integers, booleans and NULL, each value read back through both routes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, createClient, inlineParams } from '../../main/db/postgres/connection';
import { freshDatabase, hasPostgres } from '../support/postgres';
import { missing } from '../support/requires';
import type pg from 'pg';

// Text PostgreSQL stores: anything but NUL.
const text = fc.string({ unit: fc.oneof(fc.constantFrom("'", '\\', '"', '$', '1', '{', '}', ',', ' ', 'E', ';', '\n'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) }).map((s) => s.replace(/\0/g, ''));

describe.skipIf(missing('PostgreSQL', hasPostgres()))('statements with their parameters written in', () => {
  let c: pg.Client;
  beforeAll(async () => {
    c = createClient(await freshDatabase('inline'));
    await c.connect();
  });
  afterAll(() => c?.end());

  it('give the server the same values as parameters do', async () => {
    const sql = 'SELECT $1::text AS t, $2::text[] AS a, $3::jsonb AS j, $4::bigint AS n, $5::boolean AS b, $6::text AS z, $1::text = $7::text AS same';
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.array(fc.option(text, { nil: null }), { maxLength: 5 }),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }).map(Number),
        fc.boolean(),
        async (t, a, j, n, b) => {
          const params = [t, a, j, n, b, null, t];
          const asParams = (await c.query(sql, params)).rows[0];
          const [inlined] = await batch(c, [{ sql, params }]);
          expect(inlined!.rows[0]).toEqual(asParams);
          expect(asParams).toMatchObject({ t, a, n, b, z: null, same: true });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sends several statements as one query and stops at the first that fails', async () => {
    await c.query('CREATE TABLE IF NOT EXISTS notes (id int PRIMARY KEY, body text)');
    const results = await batch(c, [
      { sql: 'BEGIN' },
      { sql: 'INSERT INTO notes VALUES ($1, $2)', params: [1, "it's $2; DROP TABLE notes; --"] },
      { sql: 'SELECT body FROM notes WHERE id = $1', params: [1] },
      { sql: 'COMMIT' },
    ]);
    expect(results.map((r) => r.command)).toEqual(['BEGIN', 'INSERT', 'SELECT', 'COMMIT']);
    expect(results[2]!.rows).toEqual([{ body: "it's $2; DROP TABLE notes; --" }]);
    await expect(batch(c, [{ sql: 'BEGIN' }, { sql: 'INSERT INTO notes VALUES ($1, $2)', params: [2, 'x'] }, { sql: 'INSERT INTO notes VALUES ($1, $2)', params: [1, 'again'] }, { sql: 'COMMIT' }])).rejects.toThrow(/duplicate key/);
    await c.query('ROLLBACK');
    expect((await c.query('SELECT id, body FROM notes ORDER BY id')).rows).toEqual([{ id: 1, body: "it's $2; DROP TABLE notes; --" }]);
  });

  it('refuses a statement that names a parameter it was not given', () => {
    expect(() => inlineParams('SELECT $1, $3', ['a', 'b'])).toThrow(/names \$3 but has 2 parameters/);
  });
});
