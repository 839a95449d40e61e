// Lint rules that keep the architecture honest: electron only in main/shell, shared/ and renderer/
// free of Node, electron and the database, files that hold one idea (max-lines), the hooks rules,
// and the type-aware rules that catch a forgotten await or a needless cast. Which folder may
// import which is checked by dependency-cruiser (.dependency-cruiser.cjs, `npm run lint:deps`),
// and the strict accessibility set on the screens' markup.
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeOnly = ['electron', 'better-sqlite3', 'pg', 'node:*', 'fs', 'path', 'crypto', 'child_process', 'os'];

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
    // Type-aware: a promise nobody awaits loses its error; a cast the types already prove hides the next change.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // A product file past ~300 lines usually holds two ideas (docs/architecture.md).
    files: ['shared/**/*.{ts,tsx}', 'main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
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
