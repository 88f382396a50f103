// What the slideshow shows of a photo whose file cannot be loaded (moved away since it was
// indexed): its thumbnail, as the viewer does, and only a note when that fails too.
import { describe, expect, it } from 'vitest';
import type { SlideImageState } from '../../../src/renderer/hooks/slideshow-images';
import { slideImage } from '../../../src/renderer/components/slideshow/slide-image';

const states = (known: Record<string, SlideImageState>) => (src: string) => known[src];

describe("a slide's image", () => {
  it('is the photo itself once it has loaded, and nothing while it loads', () => {
    expect(slideImage('/image/p', '/thumb/p', states({ '/image/p': 'loaded' }))).toEqual({ kind: 'show', src: '/image/p', failed: false });
    expect(slideImage('/image/p', '/thumb/p', states({ '/image/p': 'loading' }))).toEqual({ kind: 'wait' });
  });

  it('is the thumbnail when the photo cannot be loaded (its file moved away), as in the viewer', () => {
    expect(slideImage('/image/p', '/thumb/p', states({ '/image/p': 'error' }))).toEqual({ kind: 'wait', load: '/thumb/p' });
    expect(slideImage('/image/p', '/thumb/p', states({ '/image/p': 'error', '/thumb/p': 'loading' }))).toEqual({ kind: 'wait' });
    expect(slideImage('/image/p', '/thumb/p', states({ '/image/p': 'error', '/thumb/p': 'loaded' }))).toEqual({ kind: 'show', src: '/thumb/p', failed: false, standIn: true });
  });

  it('says it could not be loaded only when the thumbnail fails too', () => {
    expect(slideImage('/image/p', '/thumb/p', states({ '/image/p': 'error', '/thumb/p': 'error' }))).toEqual({ kind: 'show', src: '/image/p', failed: true });
    expect(slideImage('/thumb/v', '/thumb/v', states({ '/thumb/v': 'error' }))).toEqual({ kind: 'show', src: '/thumb/v', failed: true });
  });
});
