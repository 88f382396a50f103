// An album's fixed threshold is a cosine from -1 to 1 by one rule (shared/album-threshold.ts):
// the album editor, the API's argument check (the app's IPC, `shoebox serve`) and the core
// take and refuse the same values, and the API refuses in the core's words, not its own.
import { describe, expect, it } from 'vitest';
import { checkThreshold } from '../../../src/core/albums/album';
import { validateArgs } from '../../../src/shared/api-methods';
import { emptyForm, formToInput } from '../../../src/renderer/components/albums/album-form';

const api = (threshold: number) => () => validateArgs('saveAlbum', [{ name: 'Fixed', query: 'blue', threshold }]);

describe("an album's threshold", () => {
  it.each([-1, -0.25, 0, 0.812, 1])('%s is taken everywhere', (threshold) => {
    expect(checkThreshold(threshold)).toBe(threshold);
    expect(api(threshold)()).toEqual([{ name: 'Fixed', query: 'blue', threshold }]);
    expect(formToInput({ ...emptyForm(), name: 'Fixed', query: 'blue', automatic: false, threshold })).toMatchObject({ threshold });
  });

  it.each([1.0001, -1.5, 2, Number.NaN, Number.POSITIVE_INFINITY])('%s is refused everywhere, in one wording', (threshold) => {
    const line = `the threshold must be a cosine from -1 to 1, got ${threshold}`;
    expect(() => checkThreshold(threshold)).toThrow(line);
    expect(api(threshold)).toThrow(line);
    expect(formToInput({ ...emptyForm(), name: 'Fixed', query: 'blue', automatic: false, threshold })).toBe('The threshold is a cosine from -1 to 1.');
  });
});
