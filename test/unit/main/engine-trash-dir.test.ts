// "Move to trash" in the desktop app goes where the same button goes under `shoebox serve`
// and where `shoebox dupes --trash` moves files: with SHOEBOX_TRASH_DIR set, that folder, not
// the OS trash. The app's engine (engine-process.ts) reads it as the CLI and serve do
// (shared/trash-dir-setting.ts) and hands it to the core's createLibraryApi.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trashDirSetting } from '../../../src/shared/trash-dir-setting';

const { createLibraryApi } = vi.hoisted(() => ({ createLibraryApi: vi.fn(async (_options: Record<string, unknown>) => ({})) }));
vi.mock('../../../src/core/index', () => ({ createLibraryApi }));
vi.mock('../../../src/main/engine-port', () => ({ serveEngineOnPort: vi.fn(), reportFatal: vi.fn() }));

type StartListener = (message: { data: unknown; ports: unknown[] }) => void;

/** Starts the engine entry as main does: its start message on the parent port; resolves with what it asked the core for. */
async function startEngine(): Promise<Record<string, unknown>> {
  let listener: StartListener | undefined;
  (process as unknown as { parentPort?: unknown }).parentPort = { once: (_event: 'message', l: StartListener) => (listener = l) };
  vi.resetModules();
  await import('../../../src/main/engine-process');
  listener!({ data: { type: 'start', options: { home: '/data', provider: 'cpu' } }, ports: [{}] });
  await vi.waitFor(() => expect(createLibraryApi).toHaveBeenCalled());
  return createLibraryApi.mock.calls[0]![0];
}

afterEach(() => {
  delete (process as unknown as { parentPort?: unknown }).parentPort;
  createLibraryApi.mockClear();
  vi.unstubAllEnvs();
});

describe("the app's trash", () => {
  it('is SHOEBOX_TRASH_DIR when set, as the CLI and serve take it', async () => {
    vi.stubEnv('SHOEBOX_TRASH_DIR', '/home/me/shoebox-trash');
    const options = await startEngine();
    expect(options).toMatchObject({ home: '/data', provider: 'cpu', trashDir: '/home/me/shoebox-trash' });
    expect(trashDirSetting(process.env)).toEqual({ trashDir: '/home/me/shoebox-trash' });
  });

  it('is the OS trash when SHOEBOX_TRASH_DIR is unset or empty', async () => {
    vi.stubEnv('SHOEBOX_TRASH_DIR', '');
    expect(await startEngine()).not.toHaveProperty('trashDir');
    expect(trashDirSetting({})).toEqual({});
  });
});
