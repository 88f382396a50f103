// Library items are counted with their videos said apart, in one wording for status and the
// app: a folder of clips is "5 videos", never "5 photos" nor "0 photos, 5 videos".
import { describe, expect, it } from 'vitest';
import { itemsText } from '../../../src/shared/count-text';

describe('itemsText', () => {
  it('says photos and videos apart, and leaves out the kind there is none of', () => {
    expect(itemsText(25, 5)).toBe('20 photos, 5 videos');
    expect(itemsText(5, 5)).toBe('5 videos');
    expect(itemsText(1, 1)).toBe('1 video');
    expect(itemsText(2, 1)).toBe('1 photo, 1 video');
    expect(itemsText(74, 0)).toBe('74 photos');
    expect(itemsText(0, 0)).toBe('0 photos');
  });

  it("words each part as the caller counts (the app groups digits)", () => {
    const grouped = (n: number, one: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
    expect(itemsText(1234, 10, grouped)).toBe('1,224 photos, 10 videos');
  });
});
