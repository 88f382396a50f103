// A library whose store cannot be opened for damage: the host answers, and every call that
// needs the library refuses with the core's LibraryDamagedError, name and all (not a plain
// Error holding its line), so the app shows its repair panel by that name, over the RPC as
// over Electron's IPC, never by the line's words (renderer/lib/library-damage.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photosTableName } from '../../src/core/store';
import { RemoteError, errorBody } from '../../src/shared/rpc';
import { unwrapIpcError } from '../../src/renderer/client/ipc-errors';
import { damageLineOf, isDamage } from '../../src/renderer/lib/library-damage';
import { TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { damageTable, dataFiles } from '../unit/store/damage';

const TABLE = photosTableName(TINY_IMMICH);

describe('a library damaged before it opens', () => {
  const open = useApiHosts();

  it('refuses the page’s reads with LibraryDamagedError, which the page tells by its name', { timeout: 300_000 }, async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    const first = await open({ home });
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    await jobFinished(first.events, await first.host.addFolder(photos));
    const before = dataFiles(path.join(home, 'library'), TABLE);
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    await jobFinished(first.events, await first.host.addFolder(photos));
    await first.host.close();
    damageTable(path.join(home, 'library'), TABLE, 'truncated manifest', before, true);

    const { host } = await open({ home });
    const said = (await host.status()).damaged;
    expect(said).toMatch(/^library damaged: /);
    const refused = await host.search('blue').then(() => new Error('not refused'), (e: unknown) => e);
    expect((refused as Error).name, String(refused)).toBe('LibraryDamagedError');
    // As the page receives it over `shoebox serve` / the engine process's port, and over IPC.
    const overRpc = new RemoteError(JSON.parse(JSON.stringify(errorBody(refused))));
    const overIpc = unwrapIpcError(new Error(`Error invoking remote method 'shoebox:search': ${String(refused)}`));
    for (const error of [overRpc, overIpc]) {
      expect(isDamage(error)).toBe(true);
      expect(damageLineOf(null, error)).toBe(said);
    }
  });
});
