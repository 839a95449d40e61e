/**
 * A seat that confirms promises of one unit in a loop on a team database and prints each
 * acknowledged promise id on its own line (pg-failures.test.ts kills it with SIGKILL meanwhile).
 */
import { Clock, request, teamDesk } from '../support/team-desk';

const [url, requestedDate] = process.argv.slice(2);
const desk = await teamDesk(url!, new Clock(), 1);
const actor = await desk.people.localActor();
for (;;) {
  const o = await desk.promises.confirm(actor, { request: request(1, '100', requestedDate) });
  if (o.ok) process.stdout.write(`${o.id}\n`);
  else process.stdout.write(`refused ${o.kind}\n`);
}
