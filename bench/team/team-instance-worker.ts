/**
 * One of the bench's team server instances, on a thread of its own. In real use each instance is
 * a process of its own and the sellers are other machines: so neither the sellers' HTTP and
 * parsing nor the other instance share this instance's event loop. It has its own pool, model,
 * follower and sessions. Started by `team-server.ts` with { url, asOf, rendererDir }; posts its
 * URL, and closes everything when it receives 'close'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openServedDesk } from '../../main/web/team/open-served-desk';
import { startTeamServer } from '../../main/web/team/team-server';

const { url, asOf, rendererDir } = workerData as { url: string; asOf: string; rendererDir: string };
const opened = await openServedDesk(url, { asOf });
const server = await startTeamServer({ desk: opened.desk, rendererDir, port: 0, events: opened.events, onChange: opened.tell });
parentPort!.postMessage({ url: server.url });
parentPort!.on('message', (m) => {
  if (m !== 'close') return;
  void (async () => {
    await server
      .close()
      .then(() => opened.close())
      .catch(() => undefined);
    parentPort!.postMessage('closed');
  })();
});
