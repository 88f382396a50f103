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
});
