// `models import PATH` where PATH is no model folder says what PATH is: not there, a file, or a
// folder without a model's files, each in its own words (exit 1, one line).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

describe('shoebox models import of a path that holds no model', () => {
  it('says a path that does not exist was not found', async () => {
    const missing = path.join(tempDir(), 'nope');
    expect(await shoebox(['--home', tempDir(), 'models', 'import', missing])).toEqual({ code: 1, stdout: '', stderr: `shoebox: model folder not found: ${missing}\n` });
  });

  it('says a file is a file, not a model folder', async () => {
    const file = path.join(tempDir(), 'model.onnx');
    fs.writeFileSync(file, 'not a folder');
    expect(await shoebox(['--home', tempDir(), 'models', 'import', file])).toEqual({ code: 1, stdout: '', stderr: `shoebox: ${file} is a file, not a model folder\n` });
  });

  it("says a folder without a model's files is not a CLIP model folder", async () => {
    const empty = tempDir();
    const res = await shoebox(['--home', tempDir(), 'models', 'import', empty]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`^shoebox: ${empty} is not a CLIP model folder: expected Immich's visual/`));
  });
});
