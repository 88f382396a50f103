// "One core": the sentence that says a hard link of the kept photo stays is written once, in
// src/shared, and the trash plan, `shoebox dupes` and the app's review all show it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAME_FILE_AS_KEPT as CORE_WORDS } from '../../../src/core/dupes/same-file';
import { SAME_FILE_TEXT } from '../../../src/renderer/components/dupes/member-text';
import { SAME_FILE_AS_KEPT } from '../../../src/shared/same-file-text';
import { REPO_ROOT } from '../../fixtures/models/paths';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? sources(file) : /\.tsx?$/.test(e.name) ? [file] : [];
  });
}

describe('the hard-link sentence', () => {
  it('is written once, in src/shared', () => {
    const writing = sources(path.join(REPO_ROOT, 'src')).filter((f) => /a hard link\)?: stays/i.test(fs.readFileSync(f, 'utf8')));
    expect(writing.map((f) => path.relative(REPO_ROOT, f))).toEqual([path.join('src', 'shared', 'same-file-text.ts')]);
  });

  it('is the same words in the core and the review', () => {
    expect(CORE_WORDS).toBe(SAME_FILE_AS_KEPT);
    expect(SAME_FILE_TEXT.toLowerCase()).toBe(SAME_FILE_AS_KEPT.toLowerCase());
  });
});
