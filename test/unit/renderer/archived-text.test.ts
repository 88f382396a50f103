// The archive's count in words, shared by the app's status bar and `shoebox status`.
import { describe, expect, it } from 'vitest';
import { archivedText } from '../../../src/shared/archived-text';
import { formatCount } from '../../../src/renderer/lib/format';

describe('archivedText', () => {
  it('says photos as a bare count, videos as videos, both apart', () => {
    expect(archivedText({ total: 3 })).toBe('3 archived');
    expect(archivedText({ total: 1, videos: 1 })).toBe('1 archived video');
    expect(archivedText({ total: 2, videos: 2 })).toBe('2 archived videos');
    expect(archivedText({ total: 2, videos: 1 })).toBe('1 photo, 1 video archived');
    expect(archivedText({ total: 1204 }, formatCount)).toBe('1,204 archived');
  });
});
