// The duplicates report is kept under the key of the tables its vectors came from: the id's
// own key where reports always were (an upgraded library finds its report), a build's own
// for other weights under the same id, and never another model's.
import { describe, expect, it } from 'vitest';
import { reportKey } from '../../../src/core/dupes/report-store';
import { modelKey, weightsKey } from '../../../src/core/store/model-key';

const ID = 'ViT-B-32__openai';

describe('reportKey', () => {
  it("is the id's own key by default, where reports were saved before builds were told apart", () => {
    expect(reportKey(ID)).toBe(`duplicates/${modelKey(ID)}.json`);
    expect(reportKey(ID, modelKey(ID))).toBe(reportKey(ID));
  });

  it('is a file of its own for each other build of the id', () => {
    const first = reportKey(ID, weightsKey(ID, 'a'.repeat(64)));
    const second = reportKey(ID, weightsKey(ID, 'b'.repeat(64)));
    expect(new Set([reportKey(ID), first, second]).size).toBe(3);
  });

  it("refuses another model's tables key", () => {
    expect(() => reportKey(ID, modelKey('other'))).toThrow(`is not a key of model ${ID}'s tables`);
  });
});
