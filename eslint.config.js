import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// The import arrows that the layering forbids, for `no-restricted-imports`.
const NO_UI = {
  regex: '^(lit|@lit/)|(^|/)(components|controllers|i18n)(/|$)',
  message:
    'The core, the minimisers and the wire contract know nothing of the UI (lit, components, controllers, i18n).',
};
const NO_CORE = {
  regex: '(^|/)core(/|$)',
  message:
    'The minimisers are pure functions, shared with the collector: they never import the core.',
};
/** The wire contract imports nothing but its own files (`within`, relative): no other code of src, no package. */
const onlyWire = (within) => ({
  regex: `^(?!${within.replace(/[./]/g, (c) => `\\${c}`)}[\\w-]+\\.js$)`,
  message: 'The wire contract is pure data and types: it imports nothing but its own files.',
});
/**
 * The collector, its admin page and the audit reach the browser package only through its exports
 * `garde/wire`, `garde/minimise` and `garde/config` (the config check, for `garde-audit config`):
 * never `garde` itself, `garde/core` or `garde/define`, and never a relative path into the root's
 * src/ (`depth` folders up from the importing file).
 */
const serverSide = (depth) => [
  {
    regex: '^garde(?!/(wire|minimise|config)$)(/|$)',
    message:
      'Outside the browser package, import only garde/wire, garde/minimise and garde/config.',
  },
  {
    regex: `^(\\.\\./){${depth}}src(/|$)`,
    message: 'Not a path into the browser source: import garde/wire or garde/minimise.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      '**/node_modules/**',
      'custom-elements.json',
      'bench/fixtures/**',
      'bench/results/**',
      'test-artifacts/**',
      'demo/**/vendor/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Security rules of the project: no HTML parsing of config or translated text, no eval.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'No innerHTML: build nodes or use Lit templates.' },
        { property: 'outerHTML', message: 'No outerHTML: build nodes or use Lit templates.' },
        { property: 'insertAdjacentHTML', message: 'No insertAdjacentHTML.' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Layering, on every import and re-export: the UI sits on the core, never the reverse; the wire
  // stands alone; the server side sees the browser package only as garde/wire and garde/minimise.
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_UI] }] },
  },
  {
    files: ['src/minimise/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_UI, NO_CORE] }] },
  },
  {
    files: ['src/wire.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_UI, onlyWire('./wire/')] }] },
  },
  {
    files: ['src/wire/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_UI, onlyWire('./')] }] },
  },
  ...[2, 3, 4, 5].map((depth) => ({
    files: ['collector', 'audit'].map((workspace) => `${workspace}/${'*/'.repeat(depth - 1)}*`),
    rules: { 'no-restricted-imports': ['error', { patterns: serverSide(depth) }] },
  })),
  {
    files: ['src/components/**', 'src/controllers/**', 'src/i18n/**'],
    ...lit.configs['flat/recommended'],
  },
  { files: ['src/components/**'], ...wc.configs['flat/recommended'] },
  {
    // The elements render with lit-html over their own small base (src/components/base.ts): a value
    // import of lit's entry or of ReactiveElement would add ~2 kB to every visitor's download.
    files: ['src/components/**', 'src/controllers/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['lit', '@lit/reactive-element'].map((name) => ({
            name,
            allowTypeImports: true,
            message:
              'Types only: render with lit/html.js over GardeElement (see docs/architecture.md).',
          })),
        },
      ],
    },
  },
  {
    files: ['test/**', 'collector/test/**', 'audit/test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
