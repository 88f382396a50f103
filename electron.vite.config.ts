// Builds the three Electron bundles into out/: main (ESM, Node), preload (CommonJS, for
// the sandbox) and renderer (the React UI, also served by `shoebox serve` later).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/main/csp';

const root = import.meta.dirname;

// Native addons load their .node binaries from node_modules at run time and cannot be
// bundled. electron-vite externalizes package.json "dependencies" by default; naming them
// here keeps them external even before a package lands in "dependencies".
const nativeDependencies = ['onnxruntime-node', 'sharp', '@lancedb/lancedb'];

/** Fills index.html's CSP meta tag from src/main/csp.ts, the policy main also sends as a header. */
function cspMetaTag(): Plugin {
  const placeholder = '__SHOEBOX_CSP__';
  let mode: 'development' | 'production' = 'production';
  return {
    name: 'shoebox:csp-meta-tag',
    configResolved(config) {
      mode = config.command === 'serve' ? 'development' : 'production';
    },
    transformIndexHtml(html) {
      // Fail the build rather than ship a page without a policy.
      if (!html.includes(placeholder)) throw new Error(`index.html lost its ${placeholder} CSP meta tag.`);
      return html.replace(placeholder, contentSecurityPolicy(mode, 'meta'));
    },
  };
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { include: nativeDependencies },
      rollupOptions: { input: { index: resolve(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require() from node_modules: bundle everything.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules; .cjs keeps Node from reading this
        // "type": "module" package's file as ESM if the sandbox is ever turned off.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
