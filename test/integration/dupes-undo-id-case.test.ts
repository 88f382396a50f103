// An undo id as `shoebox dupes decisions` lists it, typed in capitals (or pasted with them):
// the app and `shoebox serve` go through LibraryApi, the CLI through the same host, so the
// core alone says which ids name a decision, and all of them forget it alike. The host needs
// no model nor library for this (as `shoebox dupes undo` opens it): the file is read directly.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLibraryApi } from '../../src/core/api/library-api';
import { changeDecisions, decisionsFile, loadDecisions } from '../../src/core/dupes/decisions-file';
import { invoke } from '../../src/shared/api-methods';
import { tempDir } from '../helpers/images';

async function homeWithDecision(id: string): Promise<string> {
  const home = tempDir('shoebox-undo-case-');
  fs.mkdirSync(home, { recursive: true });
  await changeDecisions(decisionsFile(home), () => ({
    decisions: [{ id, kind: 'not-duplicates', decidedAt: 0, members: [{ hash: 'a', path: '/p/a.jpg' }, { hash: 'b', path: '/p/b.jpg' }] }],
    value: undefined,
  }));
  return home;
}

describe('undoing a duplicate decision through LibraryApi', () => {
  it('forgets the decision whatever the case of the id typed', async () => {
    const home = await homeWithDecision('0a1b2c3d');
    const host = await createLibraryApi({ home, watch: false, writerLock: 'on-write' });
    try {
      await invoke(host, 'undoDuplicateDecision', ['0A1B2C3D']);
      expect(await loadDecisions(decisionsFile(home), () => {})).toEqual([]);
    } finally {
      await host.close();
    }
  });

  it('refuses an id that is no decision id with the rule, and an unknown one by its listed form', async () => {
    const home = await homeWithDecision('0a1b2c3d');
    const host = await createLibraryApi({ home, watch: false, writerLock: 'on-write' });
    try {
      await expect(host.undoDuplicateDecision('0a1b')).rejects.toThrow('no duplicate decision "0a1b": an id is 8 hex digits, as shoebox dupes decisions lists them');
      await expect(host.undoDuplicateDecision('FFFFFFFF')).rejects.toThrow('no duplicate decision "ffffffff" (shoebox dupes decisions lists them)');
      expect((await loadDecisions(decisionsFile(home), () => {})).map((d) => d.id)).toEqual(['0a1b2c3d']);
    } finally {
      await host.close();
    }
  });
});
