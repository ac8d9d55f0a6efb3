// Lint rules that keep the architecture honest: the import direction of DESIGN.md, no cycles, no hard-coded UI
// strings (everything goes through the translation files), accessible JSX.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import i18next from 'eslint-plugin-i18next';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Which folders each layer must not import: `domain` ← `store` ← `viewer`/`ui` ← `app`; server and scripts use domain. */
const importZones = [
  {
    target: './src/domain',
    from: ['./src/store', './src/viewer', './src/ui', './src/app', './src/server', './scripts'],
  },
  { target: './src/store', from: ['./src/viewer', './src/ui', './src/app', './src/server'] },
  { target: './src/viewer', from: ['./src/ui', './src/app', './src/server'] },
  { target: './src/ui', from: ['./src/viewer', './src/app', './src/server'] },
  { target: './src/server', from: ['./src/store', './src/viewer', './src/ui', './src/app'] },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'tiles', 'test-results', 'playwright-report', '.cache', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: importZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Only src/viewer may talk to CesiumJS; the domain stays free of React, DOM engines and zustand.
    files: ['src/domain/**', 'src/store/**', 'src/ui/**', 'src/app/**', 'src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'cesium', message: 'Only src/viewer imports cesium.' },
            { name: 'resium', message: 'Only src/viewer imports resium.' },
          ],
        },
      ],
    },
  },
  {
    // SQLite through src/server/sqliteDriver.ts only: it picks the better-sqlite3 that runs on this Node.
    files: ['src/server/**', 'scripts/**'],
    ignores: ['src/server/sqliteDriver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'Open SQLite through src/server/sqliteDriver.ts.' },
            { name: 'better-sqlite3-node20', message: 'Open SQLite through src/server/sqliteDriver.ts.' },
            // The rule's options replace those of the block above for src/server: keep its two.
            { name: 'cesium', message: 'Only src/viewer imports cesium.' },
            { name: 'resium', message: 'Only src/viewer imports resium.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['cesium', 'resium', 'react', 'react-dom', 'zustand', 'i18next', 'react-i18next'].map(
            (name) => ({
              name,
              message: 'src/domain is pure TypeScript: no engine, UI framework or store.',
            }),
          ),
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
      // Every visible string comes from src/ui/i18n/*.json.
      'i18next/no-literal-string': [
        'error',
        { mode: 'jsx-only', 'jsx-attributes': { include: ['title', 'aria-label', 'alt', 'placeholder'] } },
      ],
    },
  },
  prettier,
);
