// "Show in folder" for a photo whose file is gone says so, rather than the file manager doing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';
import { tempDir } from '../../helpers/images';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
const { revealPhoto } = await import('../../../src/main/reveal-photo');

const api = (p: string) => ({ getPhoto: vi.fn(async () => ({ path: p }) as never) });

describe('revealPhoto', () => {
  beforeEach(() => fake.resetFakeElectron());

  it('shows a photo whose file is there', async () => {
    const p = path.join(tempDir(), 'here.jpg');
    fs.writeFileSync(p, 'x');
    await revealPhoto(api(p), ['id1']);
    expect(fake.fakeElectron.shell.showItemInFolder).toHaveBeenCalledWith(p);
  });

  it('says when the file is gone, and opens nothing', async () => {
    const p = path.join(tempDir(), 'gone.jpg');
    await expect(revealPhoto(api(p), ['id1'])).rejects.toThrow(`The photo's file is not there (moved, deleted, or on a disk not connected): ${p}`);
    expect(fake.fakeElectron.shell.showItemInFolder).not.toHaveBeenCalled();
  });
});
