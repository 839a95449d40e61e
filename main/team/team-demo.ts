/**
 * `npm run team-demo`: a throw-away PostgreSQL with the demo plant, for trying team mode on one
 * machine. Prints the database URL (use it as `--db` or `PROMISE_DB`), runs until Ctrl-C, then
 * stops the server and removes its folder.
 */
import { startDemoDatabase } from './demo-database';

const demo = await startDemoDatabase();
process.stdout.write(`Team database (demo plant): ${demo.url}\n`);
process.stdout.write(`Try: PROMISE_DB=${demo.url} npm run cli -- export-workbook plant-folder\n`);
process.stdout.write('Press Ctrl-C to stop; the database is removed.\n');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await demo.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
// Keep the process alive until a signal arrives.
setInterval(() => {}, 1 << 30);
