// Lint rules that keep the layers apart: the engine stays pure, the proxy stays independent.
import tseslint from 'typescript-eslint';

// Bare Node module names (exact specifiers: a relative '../crypto' is the engine's own layer, not Node's).
const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'dns', 'url', 'util', 'buffer', 'stream', 'worker_threads'];

// Rules for a layer that runs unchanged in the browser, Node and tests: no platform, no UI, no DOM.
function isomorphicLayer(dir, forbiddenLayers, layerMessage, extraGlobals) {
  const message = `${dir} is isomorphic: no Node built-ins.`;
  return {
    files: [`${dir}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message })),
          patterns: [
            { group: ['node:*'], message },
            { group: ['react', 'react-*', '@tanstack/*'], message: `${dir} has no UI.` },
            { group: forbiddenLayers, message: layerMessage },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'Use Uint8Array.' },
        { name: 'document', message: 'No DOM here.' },
        { name: 'window', message: 'No DOM here.' },
        ...extraGlobals,
      ],
    },
  };
}

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
  isomorphicLayer('src/core', ['**/oci/**', '**/proxy/**', '**/features/**', '**/app/**', '**/cli/**', '**/components/**', '**/image/**'], 'core depends on nothing outside core.', [
    { name: 'fetch', message: 'No network in core.' },
    { name: 'XMLHttpRequest', message: 'No network in core.' },
  ]),
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='subtle']", message: 'Reach WebCrypto only through src/core/crypto.' }] },
  },
  // The registry client: the network only through its injected fetch.
  isomorphicLayer('src/oci', ['**/features/**', '**/app/**', '**/proxy/**', '**/cli/**', '**/image/**'], 'oci depends only on core.', [{ name: 'fetch', message: 'Use the injected fetch.' }]),
  // Live audit: the network only through its injected fetch.
  isomorphicLayer('src/audit', ['**/features/**', '**/app/**', '**/proxy/**', '**/cli/**', '**/image/**'], 'audit depends only on oci and core.', [{ name: 'fetch', message: 'Use the injected fetch.' }]),
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
