// Lint is part of `npm test`. Besides the usual rules it enforces DESIGN.md's import
// direction: shared <- core <- cli/server/main; renderer and preload see shared only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto'];

/** Forbid importing the given layers (matched anywhere in a relative or aliased path). */
function forbidLayers(layers, extra = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...layers.map((layer) => ({
            group: [`**/${layer}`, `**/${layer}/**`],
            message: `DESIGN.md: this layer may not import src/${layer}.`,
          })),
          ...extra,
        ],
      },
    ],
  };
}

const noElectronReact = [
  { group: ['electron', 'electron/*'], message: 'DESIGN.md: only src/main and src/preload import electron.' },
  { group: ['react', 'react-dom', 'react-dom/*'], message: 'DESIGN.md: only src/renderer imports react.' },
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
    files: ['src/shared/**'],
    rules: forbidLayers(['core', 'cli', 'server', 'main', 'preload', 'renderer'], [
      ...noElectronReact,
      { group: nodeBuiltins, message: 'DESIGN.md: src/shared is environment-free (no node).' },
    ]),
  },
  {
    files: ['src/core/**'],
    rules: forbidLayers(['cli', 'server', 'main', 'preload', 'renderer'], noElectronReact),
  },
  {
    // Leaves of the engine: they must not reach into the feature folders or the composer.
    files: ['src/core/clip/**', 'src/core/media/**', 'src/core/store/**'],
    rules: forbidLayers(['cli', 'server', 'main', 'preload', 'renderer', 'library', 'search', 'tags', 'dupes', 'models', 'engine'], noElectronReact),
  },
  {
    files: ['src/cli/**', 'src/server/**'],
    rules: forbidLayers(['main', 'preload', 'renderer'], noElectronReact),
  },
  {
    files: ['src/main/**'],
    rules: forbidLayers(['cli', 'server', 'preload', 'renderer'], [noElectronReact[1]]),
  },
  {
    files: ['src/preload/**'],
    rules: forbidLayers(['core', 'cli', 'server', 'main', 'renderer'], [noElectronReact[1]]),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbidLayers(['core', 'cli', 'server', 'main', 'preload'], [
      noElectronReact[0],
      { group: nodeBuiltins, message: 'DESIGN.md: the renderer runs in a browser (no node).' },
    ]),
  },
);
