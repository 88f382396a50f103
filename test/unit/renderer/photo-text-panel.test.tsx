// The viewer's "Text in photo" box is capped and scrolls. A 5-line page showed 4, cut off with
// no cue that more followed: the heading says how many lines there are, and a long text's box
// can be scrolled with the keys (a tab stop, named for it).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PhotoTextPanel } from '../../../src/renderer/components/PhotoTextPanel';

const page = (lines: number) => Array.from({ length: lines }, (_, i) => `Line ${i + 1} of the page`).join('\n');

describe("the viewer's Text in photo box", () => {
  it('says how many lines the text has', () => {
    const html = renderToStaticMarkup(<PhotoTextPanel text={page(5)} />);
    expect(html).toContain('Text in photo<span class="muted"> · 5 lines</span>');
    expect(html).toContain('Line 5 of the page');
  });

  it('makes a long text scrollable with the keys and says more follows', () => {
    const html = renderToStaticMarkup(<PhotoTextPanel text={page(30)} />);
    expect(html).toMatch(/<p class="viewer__photo-text small" tabindex="0" aria-label="Text in photo, 30 lines: scroll for more">/);
  });

  it('keeps a one-line text plain: no count, no tab stop', () => {
    const html = renderToStaticMarkup(<PhotoTextPanel text="OPEN 24 HOURS" />);
    expect(html).toContain('<h3 class="small">Text in photo</h3>');
    expect(html).not.toContain('tabindex');
  });
});
