/**
 * `npm run dist`: installers into release/ with electron-builder, configured by
 * scripts/builder-config.mjs from electron-builder.yml and the environment (update feed, signing,
 * notarisation: each skipped, and said so, when its variables are absent). Never publishes.
 */
import { readFileSync } from 'node:fs';
import { build } from 'electron-builder';
import { builderConfig } from './builder-config.mjs';

const { config, notes } = builderConfig(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8'), process.env);
for (const n of notes) console.log(n);
await build({ config, publish: 'never' });
