// Lint rules that keep the architecture honest: electron only in main/shell, and shared/ and
// renderer/ free of Node, electron and the database.
import jsxA11y from 'eslint-plugin-jsx-a11y';
import tseslint from 'typescript-eslint';

const nodeOnly = ['electron', 'better-sqlite3', 'node:*', 'fs', 'path', 'crypto', 'child_process', 'os'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'coverage/', 'test/e2e/screenshots/', '.tmp/'] },
  ...tseslint.configs.recommended,
  // Accessibility of the screens' markup (labels, roles, keyboard): the strict set, on the renderer.
  { files: ['renderer/**/*.tsx'], ...jsxA11y.flatConfigs.strict },
  {
    files: ['renderer/**/*.tsx'],
    rules: {
      // The strict set forbids even the ARIA pattern for a list box made of <ul>/<li>; allow the
      // pairs the recommended set allows (the listbox and grid patterns of WAI-ARIA).
      'jsx-a11y/no-noninteractive-element-to-interactive-role': [
        'error',
        { ul: ['listbox', 'menu', 'tablist', 'tree'], ol: ['listbox'], li: ['option', 'menuitem', 'tab', 'treeitem'], table: ['grid'], td: ['gridcell'] },
      ],
    },
  },
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
