// The main process loads out/preload/index.cjs; this keeps the build writing exactly that.
import { describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config';

describe('electron-vite config', () => {
  it('builds the preload as CommonJS index.cjs, which sandboxed preloads require', () => {
    const output = config.preload?.build?.rollupOptions?.output;
    expect(output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(config.preload?.build?.rollupOptions?.input).toMatchObject({ index: expect.stringMatching(/src[\\/]preload[\\/]index\.ts$/) });
  });

  it('bundles everything into the preload, which cannot require node_modules', () => {
    expect(config.preload?.build?.externalizeDeps).toBe(false);
  });

  it('keeps native addons out of the main bundle', () => {
    expect(config.main?.build?.externalizeDeps).toEqual({
      include: expect.arrayContaining(['onnxruntime-node', 'sharp', '@lancedb/lancedb']),
    });
  });

  it('builds the engine process and its inference worker next to the main entry', () => {
    const rollup = config.main?.build?.rollupOptions;
    expect(rollup?.input).toMatchObject({
      index: expect.stringMatching(/src[\\/]main[\\/]index\.ts$/),
      engine: expect.stringMatching(/src[\\/]main[\\/]engine-process\.ts$/),
      'inference-worker': expect.stringMatching(/src[\\/]core[\\/]clip[\\/]inference-worker\.ts$/),
      'ocr-worker': expect.stringMatching(/src[\\/]core[\\/]ocr[\\/]ocr-worker\.ts$/),
    });
    // siblingModule(import.meta.url, 'inference-worker') resolves next to whichever file the
    // engine code lands in, so neither entries nor chunks may go into subfolders.
    const output = rollup?.output as { entryFileNames: string; chunkFileNames: string };
    expect(output.entryFileNames).not.toContain('/');
    expect(output.chunkFileNames).not.toContain('/');
  });
});
