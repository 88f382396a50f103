// saveAlbum's `pins` (a new album's first photos, saved with it in one step) crosses IPC and the
// WebSocket: the validator passes a list of ids and refuses anything else; the live preview's
// draft takes none (it saves nothing).
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../../src/shared/api-methods';

describe("saveAlbum's pins over the wire", () => {
  it('passes a list of photo ids, refuses other values, and is no option of a preview', () => {
    expect(validateArgs('saveAlbum', [{ name: 'Trip', query: '', pins: ['a', 'b'] }])).toEqual([{ name: 'Trip', query: '', pins: ['a', 'b'] }]);
    expect(() => validateArgs('saveAlbum', [{ name: 'Trip', query: '', pins: 'a' }])).toThrow();
    expect(() => validateArgs('saveAlbum', [{ name: 'Trip', query: '', pins: [1] }])).toThrow(/id/);
    expect(() => validateArgs('previewAlbum', [{ query: 'red', pins: ['a'] }])).toThrow(/unknown option "pins"/);
  });
});
