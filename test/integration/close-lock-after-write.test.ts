// Closing a library whose store has a write that outlived the close's bound (a long compaction,
// a dropped network): the close returns (a command can exit), but the writer lock is let go
// only once that write has ended and the tables are closed. Let go under it, another writer
// would commit beside a write still landing. A real library; the outliving write stood in
// for by holding the store's "tables closed" back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import { acquireWriterLock } from '../../src/core/library/writer-lock';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';

describe('a library closed while a write outlives the close', () => {
  it('returns, and lets the writer lock go once the write has ended', async () => {
    const home = tempDir();
    const lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
    const store = await lib.writable();
    let writeEnded!: () => void;
    const outlived = new Promise<void>((resolve) => (writeEnded = resolve));
    const close = store.whenClosed.bind(store);
    vi.spyOn(store, 'whenClosed').mockImplementation(() => Promise.all([close(), outlived]).then(() => {}));
    await lib.close();
    // Still held: this process is the one writing.
    expect(fs.existsSync(path.join(home, 'library.lock'))).toBe(true);
    expect(() => acquireWriterLock(home, 'another writer').release()).toThrow(/library busy/);
    writeEnded();
    await vi.waitFor(() => expect(fs.existsSync(path.join(home, 'library.lock'))).toBe(false), { timeout: 10_000 });
    acquireWriterLock(home, 'another writer').release();
  });

  it('lets it go before returning when every write ended in time (the rule)', async () => {
    const home = tempDir();
    const lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
    await lib.writable();
    await lib.close();
    expect(fs.existsSync(path.join(home, 'library.lock'))).toBe(false);
  });
});
