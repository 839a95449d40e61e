/**
 * One side of the two-process race (race.test.ts): opens the database, waits for the agreed
 * moment, confirms, and prints the outcome as one JSON line.
 */
import { SqliteStore } from '../../../main/db/sqlite-store';
import { deskOver } from '../../../main/desk/open-desk';
import { Clock, request } from '../../fixtures/promise-plant';

const [path, startAt, qty] = process.argv.slice(2);
const clock = new Clock();
const desk = await deskOver(SqliteStore.open(path!), { now: clock.now });
const actor = await desk.people.localActor();
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
const o = await desk.promises.confirm(actor, { request: request(Number(qty)) });
process.stdout.write(`${JSON.stringify(o.ok ? { ok: true, id: o.id } : { ok: false, kind: o.kind, message: o.message })}\n`);
await desk.close();
