#!/usr/bin/env node
/**
 * `promise-desk`: the command line as an installed command (package.json `bin`, so `npm link` or
 * an install puts it on PATH). It runs the TypeScript sources through tsx, as `npm run cli` does,
 * on Node 22.12 or later: the Node running this file when it is recent enough, else the Node the
 * project brings (node_modules/node), since better-sqlite3's prebuilt binary needs Node 22.
 * Plain JavaScript that any Node since 18 can start, so an older Node gets a clear answer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..');
const [major, minor] = process.versions.node.split('.').map(Number);

if (major > 22 || (major === 22 && minor >= 12)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'main', 'cli', 'index.ts')).href);
} else {
  const node = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node)) {
    process.stderr.write(`promise-desk needs Node 22.12 or later (this is Node ${process.versions.node}); run npm install in ${root} to bring it.\n`);
    process.exit(1);
  }
  const child = spawnSync(node, [self, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.error) {
    process.stderr.write(`promise-desk could not start ${node}: ${child.error.message}\n`);
    process.exit(1);
  }
  process.exit(child.status ?? 1);
}
