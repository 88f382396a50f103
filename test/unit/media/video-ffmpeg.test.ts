// Which ffmpeg reads videos: the setting (SHOEBOX_FFMPEG) first, then the npm package's
// binary, then PATH; none is a null the indexer turns into one line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateFfmpeg, missingFfmpegLine } from '../../../src/core/media';
import { tempDir } from '../../helpers/images';

function fakeBinary(dir: string): string {
  const file = path.join(dir, process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, 0o755);
  return file;
}

describe('locateFfmpeg', () => {
  it('takes SHOEBOX_FFMPEG over everything, and refuses one that is not a binary', () => {
    const bin = fakeBinary(tempDir());
    expect(locateFfmpeg({ env: { SHOEBOX_FFMPEG: bin, PATH: '' } })).toEqual({ path: bin, source: 'setting' });
    expect(() => locateFfmpeg({ env: { SHOEBOX_FFMPEG: '/nowhere/ffmpeg', PATH: '' } })).toThrow(/SHOEBOX_FFMPEG=\/nowhere\/ffmpeg is not an executable file/);
  });

  it('takes the npm package\'s binary over PATH (it is installed here)', () => {
    const onPath = tempDir();
    fakeBinary(onPath);
    const found = locateFfmpeg({ env: { PATH: onPath } });
    expect(found?.source).toBe('package');
    expect(found?.path).toContain(`${path.sep}@ffmpeg-installer${path.sep}`);
  });

  it('falls back to PATH, then to none', () => {
    const onPath = tempDir();
    const bin = fakeBinary(onPath);
    expect(locateFfmpeg({ env: { PATH: `/nowhere${path.delimiter}${onPath}` }, skipPackage: true })).toEqual({ path: bin, source: 'path' });
    expect(locateFfmpeg({ env: { PATH: tempDir() }, skipPackage: true })).toBeNull();
  });

  it('says how many videos it skipped, in one line', () => {
    expect(missingFfmpegLine(1)).toBe('ffmpeg not found: 1 video skipped (install ffmpeg, or set SHOEBOX_FFMPEG to its path)');
    expect(missingFfmpegLine(3)).toMatch(/^ffmpeg not found: 3 videos skipped/);
  });
});
