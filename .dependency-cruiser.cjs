/**
 * The architecture of the README's layout, checked on every `npm test` (`npm run lint:deps`):
 * which folder may import which. A rule broken here is a design question, not a lint nit.
 */
const PRODUCT = '^(shared|main|renderer)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles: a circle means two files hold one idea, or a type lives on the wrong floor.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'shared/ runs in the main process and in the window: it imports nothing of main/ or renderer/.',
      from: { path: '^shared/' },
      to: { path: '^(main|renderer|test|bench)/' },
    },
    {
      name: 'renderer-only-shared',
      severity: 'error',
      comment: 'The window talks to the main process only through the contract (shared/contract*.ts).',
      from: { path: '^renderer/' },
      to: { path: '^(main|test|bench)/' },
    },
    {
      name: 'db-below-services',
      severity: 'error',
      comment: 'main/db/ only persists: it never imports the services, handlers, workbook files, the desk or the shell.',
      from: { path: '^main/db/' },
      to: { path: '^main/(services|handlers|workbook|shell|desk|cli|web|session)/' },
    },
    {
      name: 'handlers-over-services',
      severity: 'error',
      comment: 'A handler calls a service of the desk; it never reaches the store underneath.',
      from: { path: '^main/handlers/' },
      to: { path: '^main/db/' },
    },
    {
      name: 'electron-only-in-shell',
      severity: 'error',
      comment: 'Only main/shell/ imports electron (tests alias it to a mock).',
      from: { path: PRODUCT, pathNot: '^main/shell/' },
      to: { path: '^node_modules/electron/|^electron$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'driver-only-in-db',
      severity: 'error',
      comment: 'Only main/db/ knows the database: better-sqlite3 and pg are imported there and nowhere else.',
      from: { pathNot: '^(main/db/|test/unit/db/|node_modules/)' },
      to: { path: '^node_modules/(better-sqlite3|pg|@types/better-sqlite3|@types/pg)/' },
    },
    {
      name: 'sqlite-only-in-db',
      severity: 'error',
      comment: 'Which store is SQLite is known in main/db/ only: the rest opens one through main/db/open-store.ts and uses the Store interface.',
      from: { path: PRODUCT, pathNot: '^main/db/' },
      to: { path: '^main/db/sqlite-' },
    },
    {
      name: 'product-not-on-tests',
      severity: 'error',
      comment: 'Product code never imports tests or benchmarks.',
      from: { path: PRODUCT },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|release|coverage|node_modules)/' },
    // Type-only imports count: a circle of types is still a circle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
