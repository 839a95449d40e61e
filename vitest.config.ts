import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One throw-away PostgreSQL for the PG suites (test/support/postgres.ts).
    globalSetup: ['test/support/postgres-global.ts'],
    // Tests must never load the real `electron` module (it downloads its binary on first use).
    alias: { electron: new URL('./test/mocks/electron.ts', import.meta.url).pathname },
  },
});
