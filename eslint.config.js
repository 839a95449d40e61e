// Lint rules that keep the architecture honest: electron only in main/shell, and shared/ and
// renderer/ free of Node, electron and the database.
import tseslint from 'typescript-eslint';

const nodeOnly = ['electron', 'better-sqlite3', 'node:*', 'fs', 'path', 'crypto', 'child_process', 'os'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'coverage/', 'test/e2e/screenshots/', '.tmp/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/shell/ may import electron.' }] }],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: nodeOnly, message: 'shared/ and renderer/ run in the browser too: no Node, electron or database imports.' }] }],
    },
  },
);
