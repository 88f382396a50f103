import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClipTokenizer } from '../../../src/core/clip/tokenizer';
import { sharedAvailable, sharedPath } from '../../helpers/shared-data';
import { fixtureModelDir, TINY_IMMICH } from '../../fixtures/models/paths';
import { tempDir } from '../../helpers/images';

interface Case {
  text: string;
  ids: number[];
  context77: number[];
}

const haveShared = sharedAvailable('clip', 'tokenizer-cases.json');

describe.skipIf(!haveShared)("CLIP tokenizer against OpenAI's reference ids", () => {
  const cases = haveShared ? (JSON.parse(fs.readFileSync(sharedPath('clip', 'tokenizer-cases.json'), 'utf8')).cases as Case[]) : [];
  // OpenAI's clip.tokenize pads with 0; a folder without a pad_token gets the same.
  const tokenizer = haveShared ? ClipTokenizer.fromFile(sharedPath('clip', 'tokenizer.json'), {}, 77) : undefined;

  it('reproduces every reference case exactly', () => {
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) expect(tokenizer!.textIds(c.text), c.text).toEqual(c.ids);
  });

  it('frames rows like clip.tokenize(truncate=True): start, 75 ids, end, zero padding', () => {
    for (const c of cases) expect(tokenizer!.encode([c.text]).rows[0], c.text).toEqual(c.context77);
    expect(cases.some((c) => c.ids.length > 75)).toBe(true);
  });

  it('keeps the end token when truncating and masks only the padding', () => {
    const long = 'a dog '.repeat(100);
    const { rows, attentionMask } = tokenizer!.encode([long, 'dog']);
    expect(rows[0]).toHaveLength(77);
    expect(rows[0]![76]).toBe(49407);
    expect(attentionMask[0]!.every((m) => m === 1)).toBe(true);
    expect(rows[1]!.slice(0, 3)).toEqual([49406, 1929, 49407]);
    expect(attentionMask[1]!.slice(0, 4)).toEqual([1, 1, 1, 0]);
  });

  it('pads with the pad token the tokenizer_config names', () => {
    const padded = ClipTokenizer.fromFile(sharedPath('clip', 'tokenizer.json'), { pad_token: '<|endoftext|>' }, 77);
    expect(padded.encode(['dog']).rows[0]!.slice(3, 6)).toEqual([49407, 49407, 49407]);
  });
});

describe('tokenizer from a generated model folder', () => {
  it("uses the folder's context length", () => {
    const dir = fixtureModelDir(TINY_IMMICH);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'textual/tokenizer_config.json'), 'utf8'));
    const tokenizer = ClipTokenizer.fromFile(path.join(dir, 'textual/tokenizer.json'), config, 16);
    const row = tokenizer.encode(['red green blue '.repeat(20)]).rows[0]!;
    expect(row).toHaveLength(16);
    expect(row[0]).toBe(tokenizer.startId);
    expect(row[15]).toBe(tokenizer.endId);
  });
});

describe("framing follows the tokenizer's own post-processor", () => {
  it('a SigLIP-style template (text then end token, no start token) truncates keeping the end token', () => {
    const dir = fixtureModelDir(TINY_IMMICH);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'textual/tokenizer.json'), 'utf8'));
    const eot = '<|endoftext|>';
    const eotId = (json.added_tokens as { id: number; content: string }[]).find((t) => t.content === eot)!.id;
    json.post_processor = {
      type: 'TemplateProcessing',
      single: [{ Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: eot, type_id: 0 } }],
      pair: [{ Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 0 } }, { SpecialToken: { id: eot, type_id: 0 } }],
      special_tokens: { [eot]: { id: eot, ids: [eotId], tokens: [eot] } },
    };
    const file = path.join(tempDir(), 'tokenizer.json');
    fs.writeFileSync(file, JSON.stringify(json));
    const tokenizer = ClipTokenizer.fromFile(file, { pad_token: '!' }, 8);
    expect(tokenizer.prefix).toEqual([]);
    expect(tokenizer.suffix).toEqual([eotId]);
    const red = tokenizer.textIds('red');
    const [short, long] = tokenizer.encode(['red', 'red green blue '.repeat(5)]).rows;
    expect(short).toEqual([...red, eotId, ...Array(8 - red.length - 1).fill(tokenizer.padId)]);
    expect(long).toHaveLength(8);
    expect(long![7]).toBe(eotId);
  });
});
