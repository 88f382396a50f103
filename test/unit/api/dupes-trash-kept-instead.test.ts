// The trash's "kept instead of X, which is gone" is said only of a picture whose chosen keeper
// went: another picture's own keeper (a chained group of a picture whose chosen keeper stays)
// is skipped as the photo its group keeps, whatever vanished elsewhere.
import { describe, expect, it } from 'vitest';
import { selectForTrash } from '../../../src/core/api/dupes-trash';
import type { KeptReport } from '../../../src/core/api/dupes-report';
import { photoId } from '../../../src/core/api/photo-id';
import type { DuplicateGroup } from '../../../src/core/dupes/types';

const member = (path: string) => ({ path, width: 10, height: 10, bytes: 100 });
const group = (keep: string, ...others: string[]): DuplicateGroup => ({ kind: 'near', keep, members: [keep, ...others].map(member) });

describe('a chosen keeper gone while the trash dialog was open', () => {
  it('names the copy kept in its place only in its own picture', async () => {
    // Picture 1: {X, Z} and {Y, Z} chained by Z, the user keeps X. Picture 2: {A, B}; the user
    // chose C, deleted since (it left the report), so the group keeps A now.
    const groups = [group('/p/X.jpg', '/p/Z.jpg'), group('/p/Y.jpg', '/p/Z.jpg'), group('/q/A.jpg', '/q/B.jpg')];
    const kept: KeptReport = { scannedAt: 0, kinds: ['near'], photos: 5, seconds: 0, groups, states: new Map() };
    const selection = await selectForTrash(kept, ['/p/Y.jpg', '/p/Z.jpg', '/q/A.jpg', '/q/B.jpg'].map(photoId), ['/p/X.jpg', '/q/C.jpg'].map(photoId), new Map());
    const reason = (path: string) => selection.skipped.find((s) => s.path === path)?.reason;
    expect(reason('/p/Y.jpg')).toBe('it is the photo its group keeps');
    expect(reason('/q/A.jpg')).toBe('kept instead of /q/C.jpg, which is gone');
  });
});
