// A build's tables key is its id's key, or that plus weightsKey's part. An id whose key merely
// begins with another id's key (the id `vit-b-<8 hex>`, `vit-b`'s key taken as an id) is
// another model: its report, calibration and auto tags must never pass for this one's.
import { describe, expect, it } from 'vitest';
import { isBuildKeyOf, modelKey, weightsKey } from '../../../src/core/store/model-key';
import { reportKey } from '../../../src/core/dupes/report-store';
import { calibrationKey } from '../../../src/core/search/search-service';
import { autoTagsOwner } from '../../../src/core/store/auto-tags-owner';

const ID = 'vit-b';
/** Another model's id, whose key begins with ID's key. */
const LONGER = modelKey(ID);

describe('isBuildKeyOf', () => {
  it("accepts the id's own key and each build's", () => {
    expect(isBuildKeyOf(modelKey(ID), ID)).toBe(true);
    expect(isBuildKeyOf(weightsKey(ID, 'a'.repeat(64)), ID)).toBe(true);
  });

  it("refuses the key of an id that merely begins with this one's key", () => {
    expect(modelKey(LONGER).startsWith(modelKey(ID))).toBe(true);
    expect(isBuildKeyOf(modelKey(LONGER), ID)).toBe(false);
    expect(isBuildKeyOf(weightsKey(LONGER, 'a'.repeat(64)), ID)).toBe(false);
    expect(isBuildKeyOf(`${modelKey(ID)}-wabc`, ID)).toBe(false);
  });

  it("keeps another model's report, calibration and auto tags apart", () => {
    for (const key of [modelKey(LONGER), weightsKey(LONGER, 'b'.repeat(64))]) {
      expect(() => reportKey(ID, key)).toThrow(`is not a key of model ${ID}'s tables`);
      expect(() => calibrationKey(ID, key)).toThrow(`is not a key of model ${ID}'s tables`);
      expect(() => autoTagsOwner(ID, key)).toThrow(`is not a key of model ${ID}'s tables`);
    }
    expect(autoTagsOwner(ID, weightsKey(ID, 'c'.repeat(64)))).toBe(`${ID}@${weightsKey(ID, 'c'.repeat(64))}`);
  });
});
