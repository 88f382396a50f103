// Lint is part of `npm test`. Besides the usual rules it enforces the layers of DESIGN.md and
// issue #10 as allow-lists (eslint-rules/allowed-imports.js, VS Code's code-import-patterns
// style): each folder lists what it MAY import, anything else is an error. The lists form a
// DAG (no layer may import one that may import it back), so a folder-level import loop
// cannot pass; import-x/no-cycle catches the file-level loops inside one folder.
//
//   renderer, preload ──> shared                      (+ react / electron)
//   cli ──> server ──> core/index (the front door) ──> core/** ──> base, shared
//   main ──────────────┘                               base ──> node only; shared ──> nothing
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import allowedImports from './eslint-rules/allowed-imports.js';

/** Any npm package but the two that belong to one front end each. */
const PACKAGES = ['*', '!electron', '!react', '!react-dom'];
const NODE = 'node:*';
/** The library location (a folder or an S3 prefix): the bottom of the core, below the store. */
const LOCATION = 'src/core/location/**';
/** What every part of the core may use: the generic helpers, the contract, Node, packages, the library location. */
const CORE_BASE = ['src/base/**', 'src/shared/**', NODE, ...PACKAGES, LOCATION];

// The core, bottom to top: each folder may import only the folders listed for it (all of
// them below it). src/core/README.md explains the order.
const CONFIG = ['src/core/paths', 'src/core/home', 'src/core/version', 'src/core/settings', 'src/core/provider-choice'];
const STORE = 'src/core/store/**';
const CLIP = 'src/core/clip/**';
const MEDIA = 'src/core/media/**';
const MODELS = 'src/core/models/**';
const TAGS = 'src/core/tags/**';
const DUPES = 'src/core/dupes/**';
const SEARCH = 'src/core/search/**';
const ALBUMS = 'src/core/albums/**';
const OCR = 'src/core/ocr/**';
const TEXT = 'src/core/text/**';
const PLACES = 'src/core/places/**';
const FEATURES = [TAGS, DUPES, SEARCH, ALBUMS, OCR, TEXT, PLACES];
const LIBRARY = ['src/core/library/**', 'src/core/outside-embedder'];
const ENGINE = ['src/core/engine', 'src/core/engine-info'];
const API = 'src/core/api/**';

/** Narrower layers first: a file belongs to the first layer whose `files` match it. */
const layers = [
  // Generic helpers that know nothing of Shoebox: Node only, so the renderer cannot use them.
  { name: 'src/base', files: ['src/base/**'], allow: [NODE] },
  // The contract between the front ends and the core: runs anywhere, imports nothing of ours.
  { name: 'src/shared', files: ['src/shared/**'], allow: ['@noble/*'] },
  // The Places map: a world drawn offline from Natural Earth's shapes (world-atlas), projected by d3-geo.
  { name: 'src/renderer', files: ['src/renderer/**'], allow: ['src/shared/**', 'react', 'react-dom', 'd3-geo', 'topojson-client', 'world-atlas'] },
  { name: 'src/preload', files: ['src/preload/**'], allow: ['src/shared/**', 'electron'] },

  { name: 'src/core/location', files: [LOCATION], allow: ['src/base/**', 'src/shared/**', NODE, ...PACKAGES] },
  { name: 'src/core/store', files: [STORE], allow: [...CORE_BASE] },
  { name: 'src/core/clip', files: [CLIP], allow: [...CORE_BASE] },
  { name: 'src/core/media', files: [MEDIA], allow: [...CORE_BASE, CLIP] },
  { name: 'src/core (settings, paths)', files: CONFIG, allow: [...CORE_BASE, CLIP, './package.json'] },
  { name: 'src/core/models', files: [MODELS], allow: [...CORE_BASE, CLIP, ...CONFIG] },
  { name: 'src/core/ocr', files: [OCR], allow: [...CORE_BASE, STORE, CLIP, MEDIA, MODELS, ...CONFIG] },
  { name: 'src/core/text', files: [TEXT], allow: [...CORE_BASE, STORE, CLIP, MEDIA, MODELS, ...CONFIG, OCR] },
  { name: 'src/core/places', files: [PLACES], allow: [...CORE_BASE, STORE] },
  { name: 'src/core/tags', files: [TAGS], allow: [...CORE_BASE, STORE, CLIP, MEDIA, MODELS, ...CONFIG] },
  { name: 'src/core/dupes', files: [DUPES], allow: [...CORE_BASE, STORE, CLIP, MEDIA, MODELS, ...CONFIG, TAGS] },
  { name: 'src/core/search', files: [SEARCH], allow: [...CORE_BASE, STORE, CLIP, MEDIA, MODELS, ...CONFIG, TAGS, TEXT, PLACES] },
  { name: 'src/core/albums', files: [ALBUMS], allow: [...CORE_BASE, STORE, CLIP, MEDIA, MODELS, ...CONFIG, TAGS, SEARCH, PLACES] },
  { name: 'src/core/library', files: LIBRARY, allow: [...CORE_BASE, STORE, CLIP, MEDIA, MODELS, ...CONFIG, ...FEATURES] },
  { name: 'src/core (engine)', files: ENGINE, allow: [...CORE_BASE, STORE, CLIP, MEDIA, MODELS, ...CONFIG, ...FEATURES, ...LIBRARY] },
  { name: 'src/core/api', files: [API], allow: [...CORE_BASE, STORE, CLIP, MEDIA, MODELS, ...CONFIG, ...FEATURES, ...LIBRARY, ...ENGINE] },
  // The front door may re-export anything of the core.
  { name: 'src/core/index', files: ['src/core/index'], allow: [...CORE_BASE, 'src/core/**'] },
  // A new core file outside these folders has to be placed in the order above first.
  { name: 'src/core', files: ['src/core/**'], allow: [...CORE_BASE] },

  // The front ends: the core only through its front door.
  { name: 'src/server', files: ['src/server/**'], allow: ['src/core/index', 'src/shared/**', 'src/base/**', NODE, ...PACKAGES] },
  { name: 'src/cli', files: ['src/cli/**'], allow: ['src/core/index', 'src/server/**', 'src/shared/**', 'src/base/**', NODE, ...PACKAGES] },
  { name: 'src/main', files: ['src/main/**'], allow: ['src/core/index', 'src/shared/**', 'src/base/**', NODE, '*', 'electron', '!react', '!react-dom'] },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.cache/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'allowed-imports': allowedImports } }, 'import-x': importX },
    settings: {
      // no-cycle follows only the files it can parse: the TypeScript sources.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'local/allowed-imports': ['error', { root: import.meta.dirname, layers }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The bin is CommonJS (bin/package.json) so that it runs before libuv's pool starts (see bin/shoebox.js).
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
