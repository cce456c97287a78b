// Lint, including the runtime boundaries of the design (shared/ is pure; the renderer never
// reaches into Node or Electron; main never imports the renderer). Zones are enforced here,
// not by trust. Type-aware rules refuse unhandled promises. Import cycles in shared/ (between
// modules and between its directories) are refused by test/unit/architecture/import-cycles.test.ts,
// as no import plugin for ESLint is installed.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'stream',
  'stream/*',
  'url',
  'util',
  'zlib',
  'buffer',
  'events',
  'worker_threads',
  'http',
  'https',
  'net',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Gunakan named export.' },
      ],
    },
  },
  {
    // Type-aware rules, with one program over every TypeScript file (tsconfig.eslint.json): a
    // program per project (projectService) made lint several times slower.
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.eslint.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // An async event handler in JSX is fine when it handles its own rejection (React ignores
      // the returned promise); everywhere else a promise where void is expected is an error.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    files: ['**/*.config.{ts,mts,mjs}', 'eslint.config.mjs', 'test/e2e/playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.{mjs,cjs,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...nodeBuiltins,
                'electron',
                'react',
                'react-dom',
                'react/*',
                'dexie',
                '**/renderer/**',
                '**/electron/**',
              ],
              message: 'shared/ is the pure SPBE core: no Node, Electron, React, Dexie or DOM.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'fetch',
          'process',
          'Buffer',
          'require',
        ].map((name) => ({ name, message: 'shared/ runs everywhere: no DOM or Node globals.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', '**/electron/**'],
              message: 'The renderer reaches the desktop only through src/platform (window.api).',
            },
          ],
        },
      ],
      // The typings of `docx` (the Word writer the renderer loads) reference Node's, so the
      // renderer's type check alone no longer refuses these; lint does.
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'global', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'The renderer runs in a browser: no Node globals.',
        })),
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', 'react', 'react-dom', 'dexie'],
              message: 'Main and preload never import the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
