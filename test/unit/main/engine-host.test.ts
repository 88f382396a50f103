import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { createEngineHost } = await import('../../../src/main/engine-host');

describe('engine host stand-in', () => {
  beforeEach(resetFakeElectron);

  it('reports version, data folder, platform and no providers yet', async () => {
    await expect(createEngineHost().api.info()).resolves.toEqual({
      version: '0.1.0-test',
      home: '/fake/userData',
      platform: process.platform,
      providers: { available: [], inUse: null, fallbackReason: null },
    });
  });

  it('answers with plain JSON data, as every transport requires', async () => {
    const info = await createEngineHost().api.info();
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
  });

  it('lets a subscriber unsubscribe', () => {
    const { api } = createEngineHost();
    const unsubscribe = api.subscribe(() => {});
    expect(unsubscribe).toBeTypeOf('function');
    unsubscribe();
  });
});
