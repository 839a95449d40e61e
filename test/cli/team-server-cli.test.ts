/**
 * The command line through a team server (`--server`, `--user`, PROMISE_PASSPHRASE): the same
 * output and exit codes as the same command on the server's own database file. The server runs
 * in this process over that SQLite file (PostgreSQL is the same server with another store).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDesk, type ServedDesk } from '../../main/web/team/served-desk';
import { startTeamServer, type TeamServer } from '../../main/web/team/team-server';
import { FAST } from '../fixtures/promise-plant';
import { tempDir } from '../unit/db/temp-db';
import { ROOT, cli } from './run-cli';

const dir = tempDir('promise-desk-team-cli-');
const AS_OF = '2026-03-02';
const db = join(dir, 'team.db');
const REQUEST = join(ROOT, 'test', 'fixtures', 'demo-request.json');
const PASS = 'correct horse battery';
let desk: ServedDesk;
let server: TeamServer;

const remote = (args: string[], user = 'sam') => cli([...args, '--server', server.url, '--user', user], { PROMISE_PASSPHRASE: PASS });
const local = (args: string[], user?: string) => cli([...args, '--db', db, ...(user ? ['--user', user] : [])], { PROMISE_PASSPHRASE: PASS });

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  desk = await serveDesk(db, { asOf: AS_OF, scryptCost: FAST });
  const admin = await desk.people.addUser(null, 'ada', 'admin', PASS);
  const actor = await desk.people.signIn(admin.name, PASS);
  await desk.people.addUser(actor, 'sam', 'sales', PASS);
  server = await startTeamServer({ desk, rendererDir: dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await desk.close();
});

// Each command starts tsx: seconds apiece on a loaded machine.
describe('through a team server', { timeout: 180_000 }, () => {
  it.each([
    [['check', REQUEST, '--as-of', AS_OF]],
    [['check', REQUEST, '--as-of', AS_OF, '--json']],
    [['check', join(dir, 'missing.json'), '--as-of', AS_OF]],
    [['promises', '--json']],
    [['promises', '--status', 'nonsense']],
    [['users', 'list', '--json']],
  ])('%j prints what it prints on the database, with the same exit code', async (args) => {
    const [viaServer, onFile] = await Promise.all([remote(args), local(args)]);
    expect({ code: viaServer.code, stdout: viaServer.stdout }).toEqual({ code: onFile.code, stdout: onFile.stdout });
    expect(viaServer.stderr.replace(/\nusage: .*/s, '')).toBe(onFile.stderr.replace(/\nusage: .*/s, ''));
  });

  it('names every bad field of a request, exit 1', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ customer: 'X', region: 'DE', lines: [{ sku: 'NOPE', qty: 2.5, requested_date: '2026-03-25', unit_price: '850' }] }));
    const [viaServer, onFile] = await Promise.all([remote(['check', bad, '--as-of', AS_OF]), local(['check', bad, '--as-of', AS_OF])]);
    expect(viaServer.code).toBe(1);
    expect(viaServer.stderr).toBe(onFile.stderr);
  });

  it('confirms as the signed-in user and lists it; a salesperson may not add users (exit 1)', async () => {
    const c = await remote(['confirm', REQUEST]);
    expect(c.stderr).toBe('');
    expect(c.stdout).toMatch(/^Confirmed P-\d{6} for Stadtwerke Ulm\.\n$/);
    const [viaServer, onFile] = await Promise.all([remote(['promises']), local(['promises'])]);
    expect(viaServer.stdout).toBe(onFile.stdout);
    expect(viaServer.stdout).toContain('confirmed');
    const add = await cli(['users', 'add', 'mallory', '--role', 'admin', '--server', server.url, '--user', 'sam'], { PROMISE_PASSPHRASE: PASS, PROMISE_NEW_PASSPHRASE: PASS });
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/admin/i);
  });

  it('refuses a wrong passphrase, a missing user and an unreachable server with exit 1', async () => {
    const wrong = await cli(['promises', '--server', server.url, '--user', 'sam'], { PROMISE_PASSPHRASE: 'not the passphrase' });
    expect([wrong.code, wrong.stderr]).toEqual([1, 'The name or passphrase is not correct.\n']);
    const nobody = await cli(['promises', '--server', server.url], { PROMISE_PASSPHRASE: PASS });
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/needs a user/);
    const gone = await cli(['promises', '--user', 'sam'], { PROMISE_PASSPHRASE: PASS, PROMISE_SERVER: 'http://127.0.0.1:1/' });
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/cannot be reached/);
  });
});
