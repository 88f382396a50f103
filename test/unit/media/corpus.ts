// Shared by the media tests: the awkward corpus written once per test file, and the list
// of real sample files in ../shared/photos/exif-samples.
import fs from 'node:fs';
import path from 'node:path';
import { writeAwkwardPhotos, type AwkwardPhoto } from '../../fixtures/photos/awkward';
import { tempDir } from '../../helpers/images';
import { sharedAvailable, sharedPath } from '../../helpers/shared-data';

let corpus: Promise<AwkwardPhoto[]> | undefined;

export function awkwardCorpus(): Promise<AwkwardPhoto[]> {
  corpus ??= writeAwkwardPhotos(tempDir('shoebox-awkward-'));
  return corpus;
}

export const EXIF_SAMPLES = sharedPath('photos', 'exif-samples');
export const haveExifSamples = sharedAvailable('photos', 'exif-samples');

/** Every file under exif-samples, relative to it ('jpg/gps/DSCN0010.jpg', …). */
export function exifSampleFiles(): string[] {
  if (!haveExifSamples) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(EXIF_SAMPLES, p));
    }
  };
  walk(EXIF_SAMPLES);
  return out.sort();
}

export const sample = (rel: string): Buffer => fs.readFileSync(path.join(EXIF_SAMPLES, rel));
