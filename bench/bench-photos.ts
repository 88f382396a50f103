// The photos the benchmarks run on: camera-sized JPEGs from ../shared (never copied).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../test/fixtures/models/paths';

export const SHARED = path.resolve(REPO_ROOT, '../shared');

export function cameraPhotos(): string[] {
  const root = path.join(SHARED, 'photos', 'strecha');
  if (!fs.existsSync(root)) {
    throw new Error(`bench needs ${root} (the ../shared test data beside the repo)`);
  }
  return fs
    .readdirSync(root)
    .flatMap((d) => fs.readdirSync(path.join(root, d)).filter((f) => /\.jpe?g$/i.test(f)).map((f) => path.join(root, d, f)))
    .sort();
}
