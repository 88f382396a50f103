// A folder not found whose photos all arrived under another library folder is said to have
// moved there (moved-folder.ts); copies that are only partial, or a library folder of their
// own (another device's synced copy), are not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiesElsewhere } from '../../../src/core/library/moved-folder';
import type { PhotoState } from '../../../src/core/store/types';

// Under a folder that is there: a folder whose parent is not on this device is another's.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-moved-'));
const at = (...parts: string[]) => path.join(root, ...parts);
const state = (hash: string): PhotoState => ({ size: 1, mtimeMs: 1, hash, modelId: 'm', thumbKey: 'k' });
const library = (rows: [string, string][]) => new Map(rows.map(([p, h]) => [p, state(h)]));
const seen = (p: string) => !p.startsWith(at('A') + path.sep);

describe('copiesElsewhere', () => {
  it('names the deepest folder under another library folder holding a copy of every photo', () => {
    const rows = library([[at('A', '1.jpg'), 'h1'], [at('A', 'x', '2.jpg'), 'h2'], [at('B', 'A', '1.jpg'), 'h1'], [at('B', 'A', 'x', '2.jpg'), 'h2'], [at('B', 'other.jpg'), 'h3']]);
    expect(copiesElsewhere(rows, at('A'), [at('A'), at('B')], seen)).toBe(at('B', 'A'));
  });

  it('is null when one photo has no copy, or only a copy under the folder itself', () => {
    const rows = library([[at('A', '1.jpg'), 'h1'], [at('A', '2.jpg'), 'h2'], [at('A', '3.jpg'), 'h2'], [at('B', 'A', '1.jpg'), 'h1']]);
    expect(copiesElsewhere(rows, at('A'), [at('A'), at('B')], seen)).toBeNull();
  });

  it('is null when the copies are a library folder of their own, or not under any', () => {
    const rows = library([[at('A', '1.jpg'), 'h1'], [at('C', '1.jpg'), 'h1']]);
    expect(copiesElsewhere(rows, at('A'), [at('A'), at('C')], seen)).toBeNull();
    expect(copiesElsewhere(rows, at('A'), [at('A')], seen)).toBeNull();
  });

  it("is null for a folder whose parent is not on this device either (another device's folder)", () => {
    const away = path.join(root, 'not-here', 'A');
    const rows = library([[path.join(away, '1.jpg'), 'h1'], [at('B', 'A', '1.jpg'), 'h1']]);
    expect(copiesElsewhere(rows, away, [away, at('B')], (p) => !p.startsWith(away))).toBeNull();
  });

  it('is null for a folder with no photos, and counts only copies the run saw', () => {
    const rows = library([[at('A', '1.jpg'), 'h1'], [at('B', 'A', '1.jpg'), 'h1']]);
    expect(copiesElsewhere(rows, at('Z'), [at('Z'), at('B')], seen)).toBeNull();
    expect(copiesElsewhere(rows, at('A'), [at('A'), at('B')], () => false)).toBeNull();
  });
});
