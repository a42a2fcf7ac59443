// Lint rules that keep the layers apart: the engine stays pure, the proxy stays independent.
import tseslint from 'typescript-eslint';

// Bare Node module names (exact specifiers: a relative '../crypto' is the engine's own layer, not Node's).
const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'dns', 'url', 'util', 'buffer', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine: no platform, no UI, no network; WebCrypto only through core/crypto.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'src/core is isomorphic: no Node built-ins.' })),
          patterns: [
            { group: ['node:*'], message: 'src/core is isomorphic: no Node built-ins.' },
            { group: ['react', 'react-*', '@tanstack/*'], message: 'src/core has no UI.' },
            { group: ['**/oci/**', '**/proxy/**', '**/features/**', '**/app/**', '**/cli/**', '**/components/**'], message: 'core depends on nothing outside core.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'Use Uint8Array.' },
        { name: 'document', message: 'No DOM in core.' },
        { name: 'window', message: 'No DOM in core.' },
        { name: 'fetch', message: 'No network in core.' },
        { name: 'XMLHttpRequest', message: 'No network in core.' },
      ],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='subtle']", message: 'Reach WebCrypto only through src/core/crypto.' }],
    },
  },
  {
    // The registry client is isomorphic too: no platform, no UI; the network only through its injected fetch.
    files: ['src/oci/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'src/oci is isomorphic: no Node built-ins.' })),
          patterns: [
            { group: ['node:*'], message: 'src/oci is isomorphic: no Node built-ins.' },
            { group: ['react', 'react-*', '@tanstack/*', '**/features/**', '**/app/**', '**/proxy/**', '**/cli/**'], message: 'oci depends only on core.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'Use Uint8Array.' },
        { name: 'document', message: 'No DOM in oci.' },
        { name: 'window', message: 'No DOM in oci.' },
        { name: 'fetch', message: 'Use the injected fetch.' },
      ],
    },
  },
  {
    files: ['src/core/crypto/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The proxy forwards bytes; it must not depend on the engine or the UI.
    files: ['src/proxy/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/**', '**/core', '**/features/**', '**/app/**', 'react'], message: 'the proxy depends on nothing of core or the UI.' }] }],
    },
  },
);
