/**
 * The bench's two team server instances, on a thread of their own: the sellers (the bench's
 * clients) are other machines in real use, so their HTTP and parsing must not run on the
 * servers' event loop. Each instance has its own pool, model, follower and sessions, as separate
 * processes have. Started by `team-server.ts` with { url, asOf, rendererDir }; posts the URLs,
 * and closes everything when it receives 'close'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openServedDesk } from '../../main/web/team/open-served-desk';
import { startTeamServer } from '../../main/web/team/team-server';

const { url, asOf, rendererDir } = workerData as { url: string; asOf: string; rendererDir: string };
const closers: (() => Promise<void>)[] = [];
const urls: string[] = [];
for (let i = 0; i < 2; i++) {
  const opened = await openServedDesk(url, { asOf });
  const server = await startTeamServer({ desk: opened.desk, rendererDir, port: 0, events: opened.events, onChange: opened.tell });
  closers.unshift(() => server.close().then(() => opened.close()));
  urls.push(server.url);
}
parentPort!.postMessage({ urls });
parentPort!.on('message', (m) => {
  if (m !== 'close') return;
  void (async () => {
    for (const c of closers) await c().catch(() => undefined);
    parentPort!.postMessage('closed');
  })();
});
