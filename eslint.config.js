// Lint rules that keep the layers apart: each zone says what a folder may import, and the engine stays pure.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import layerZones from './lint/layer-zones.js';
import { PAGE_SAFE_CORE, WORKER_MODULES } from './lint/page-modules.js';

const UI_PACKAGES = ['react', 'react-*', 'react/*', '@tanstack/*'];

// Who may import what (paths are project paths; a zone's `allow` carves exceptions out of its `from`).
// app → features → image/audit → oci → core; cli → image/audit/oci/core; server → proxy; proxy and
// server may share the plain HTTP types in src/http; components and lib are shared by the UI.
export const ZONES = [
  { target: ['src/core'], from: ['src'], allow: ['src/core'], message: 'core imports nothing of the project outside core.' },
  { target: ['src/oci'], from: ['src'], allow: ['src/oci', 'src/core'], message: 'oci imports only core.' },
  { target: ['src/image'], from: ['src'], allow: ['src/image', 'src/oci', 'src/core'], message: 'image imports only oci and core.' },
  { target: ['src/audit'], from: ['src'], allow: ['src/audit', 'src/oci', 'src/core'], message: 'audit imports only oci and core.' },
  {
    target: ['src/image', 'src/oci', 'src/audit', 'src/cli'],
    only: ['src/core/index'],
    message: "import the core modules used (../core/errors, ../core/verify/verify-bundle…), not core's top-level index: through it every verb that reaches these layers loads the whole engine.",
  },
  {
    target: ['src/cli'],
    only: ['src/image/index', 'src/audit/index'],
    message: 'a verb imports the image and audit modules it uses, not their index: through it every verb loads the admission dry run, its JMESPath, YAML and RE2.',
  },
  { target: ['src/http'], from: ['src'], allow: ['src/http'], message: 'the shared HTTP types import nothing of the project.' },
  { target: ['src/proxy'], from: ['src'], allow: ['src/proxy', 'src/http'], message: 'the proxy imports nothing of the project but the shared HTTP types.' },
  { target: ['src/server'], from: ['src'], allow: ['src/server', 'src/proxy', 'src/http'], message: 'the server imports only the proxy and the shared HTTP types.' },
  { target: ['src/features'], siblingsOf: 'src/features', message: 'a feature never imports another feature; shared code lives in src/components or src/lib.' },
  { target: ['src/features'], from: ['src/app', 'src/cli', 'src/server', 'src/proxy'], message: 'features never import the app, the CLI, the server or the proxy.' },
  { target: ['src/components', 'src/lib'], from: ['src/features', 'src/app', 'src/cli', 'src/server', 'src/proxy'], message: 'shared UI folders never import features or the app.' },
  { target: ['src/cli'], from: ['src/app', 'src/components'], message: 'the CLI never imports the web app.' },
  {
    target: ['src/features', 'src/app', 'src/components', 'src/lib'],
    except: WORKER_MODULES,
    from: ['src/core', 'src/oci', 'src/image', 'src/audit', ...WORKER_MODULES],
    allow: PAGE_SAFE_CORE,
    allowTypeImports: true,
    message: 'the page reads only the record and the views the worker decoded: decoders and checks run in the worker (type imports are fine).',
  },
  { target: ['src/core', 'src/oci', 'src/image', 'src/audit', 'src/proxy', 'src/http'], packages: UI_PACKAGES, message: 'this layer has no UI.' },
  {
    target: ['src'],
    except: ['src/cli', 'src/server', 'src/proxy/node-upstream'],
    packages: ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))],
    message: "Node built-ins only in the CLI, the server and the proxy's Node upstream.",
  },
];

// Globals a layer that runs unchanged in the browser, Node and tests must not touch.
function isomorphicGlobals(dirs, extra) {
  return {
    files: dirs.map((d) => `${d}/**/*.ts`),
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'Use Uint8Array.' },
        { name: 'document', message: 'No DOM here.' },
        { name: 'window', message: 'No DOM here.' },
        ...extra,
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
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { layers: layerZones },
    rules: { 'layers/zones': ['error', ZONES] },
  },
  isomorphicGlobals(['src/core'], [
    { name: 'fetch', message: 'No network in core.' },
    { name: 'XMLHttpRequest', message: 'No network in core.' },
  ]),
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/crypto/**'],
    rules: { 'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='subtle']", message: 'Reach WebCrypto only through src/core/crypto.' }] },
  },
  // The registry client and image verification: the network only through the injected fetch.
  isomorphicGlobals(['src/oci', 'src/image', 'src/audit'], [{ name: 'fetch', message: 'Use the injected fetch.' }]),
);
