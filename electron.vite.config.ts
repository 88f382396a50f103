// Builds the three Electron bundles into out/: main (ESM, Node: the main process, the
// engine process and its inference worker), preload (CommonJS, for the sandbox) and
// renderer (the React UI, also served by `shoebox serve`).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/csp';

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

/**
 * The main build's entries, all written to out/main/: the window's main process, the engine
 * process main forks (engine-host.ts), and the worker threads the engine starts with
 * siblingModule(import.meta.url, '<name>') (src/core/clip/worker-spawn.ts): CLIP inference,
 * the label-scoring matrix product, HEIC decoding, OCR, duplicate signatures. A test checks every such name is here.
 */
export const mainEntries = {
  index: resolve(root, 'src/main/index.ts'),
  engine: resolve(root, 'src/main/engine-process.ts'),
  'inference-worker': resolve(root, 'src/core/clip/inference-worker.ts'),
  'matmul-worker': resolve(root, 'src/core/tags/matmul-worker.ts'),
  'hash-worker': resolve(root, 'src/core/library/hash-worker.ts'),
  'heic-worker': resolve(root, 'src/core/media/heic-worker.ts'),
  'ocr-worker': resolve(root, 'src/core/ocr/ocr-worker.ts'),
  'signature-worker': resolve(root, 'src/core/dupes/signature-worker.ts'),
};

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { include: nativeDependencies },
      rollupOptions: {
        input: mainEntries,
        output: {
          entryFileNames: '[name].js',
          // Shared code goes into chunks next to the entries, not in a chunks/ folder: the
          // worker is found relative to import.meta.url of whichever file the engine code
          // ends up in, so every file must live in out/main itself.
          chunkFileNames: '[name]-[hash].js',
        },
      },
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
