// ../shared holds real photos and OpenAI's tokenizer data. Tests use it in place and skip,
// saying why, where it is absent (it is never copied into the repo).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../fixtures/models/paths';

export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const sharedPath = (...parts: string[]): string => path.join(SHARED_DIR, ...parts);

export function sharedAvailable(...parts: string[]): boolean {
  const ok = fs.existsSync(sharedPath(...parts));
  if (!ok) console.warn(`skipping: ${sharedPath(...parts)} is absent (../shared test data not beside the repo)`);
  return ok;
}

/** Debian's python3 with Pillow and numpy, for the reference preprocessing check. */
export const REFERENCE_PYTHON = '/usr/bin/python3';

export function pillowAvailable(): boolean {
  try {
    execFileSync(REFERENCE_PYTHON, ['-c', 'import PIL, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`skipping: ${REFERENCE_PYTHON} with PIL and numpy is absent (apt-get install python3-pil python3-numpy)`);
    return false;
  }
}
