import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPhotos } from '../../../src/core/albums/album-export';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-export-'));
}

describe('album export of sidecars', () => {
  it('copies a photo\'s own sidecar, never the target of a sidecar that is a link', () => {
    const photos = tempDir();
    const out = tempDir();
    const secret = path.join(tempDir(), 'private.txt');
    fs.writeFileSync(secret, 'not for the export');
    fs.writeFileSync(path.join(photos, 'a.jpg'), 'jpeg a');
    fs.writeFileSync(path.join(photos, 'a.jpg.xmp'), '<x:xmpmeta/>');
    fs.writeFileSync(path.join(photos, 'b.jpg'), 'jpeg b');
    fs.symlinkSync(secret, path.join(photos, 'b.jpg.xmp'));

    const report = exportPhotos([path.join(photos, 'a.jpg'), path.join(photos, 'b.jpg')], out, { mode: 'copy' });

    expect(report.exported).toBe(2);
    expect(fs.readFileSync(path.join(out, 'a.jpg.xmp'), 'utf8')).toBe('<x:xmpmeta/>');
    expect(fs.existsSync(path.join(out, 'b.jpg'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'b.jpg.xmp'))).toBe(false);
    expect(fs.readdirSync(out).some((f) => fs.readFileSync(path.join(out, f), 'utf8').includes('not for the export'))).toBe(false);
  });
});
