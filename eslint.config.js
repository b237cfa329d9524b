import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

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
  {
    files: ['src/core/**', 'src/minimise/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^lit|^@lit/]',
          message: 'The headless core never imports lit.',
        },
        {
          selector: 'ImportDeclaration[source.value=/components|controllers|i18n/]',
          message: 'The core knows nothing of the UI.',
        },
      ],
    },
  },
  {
    files: ['src/components/**', 'src/controllers/**', 'src/i18n/**'],
    ...lit.configs['flat/recommended'],
  },
  { files: ['src/components/**'], ...wc.configs['flat/recommended'] },
  {
    files: ['test/**', 'collector/test/**', 'audit/test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
