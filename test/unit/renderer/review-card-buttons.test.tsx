// Tag review from the keyboard alone: the focused card's Accept / Reject (or Undo) are in the
// Tab order, so a keyboard user reaches the buttons seen on screen, not only the a / r keys;
// the other cards' buttons stay out of it (the grid is one stop, the arrows move in it); and
// the card and its buttons say their keys.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TaggedPhoto, TagState } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { ReviewCard } from '../../../src/renderer/components/tags/ReviewCard';

const client = { transport: 'websocket', imageUrl: () => '/thumb', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const item = (state: TagState) => ({ id: 'p1', path: '/m/red.jpg', rotation: 0, tag: { set: 'colours', label: 'red', score: 0.4, state } }) as unknown as TaggedPhoto;
const card = (state: TagState, tabbable: boolean) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ReviewCard item={item(state)} tabbable={tabbable} onFocus={() => {}} onDecide={() => {}} />
    </ClientContext.Provider>,
  );
const buttons = (html: string) => [...html.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].map(([, attributes, text]) => ({ text, tab: /tabindex="(-?\d)"/.exec(attributes!)?.[1], key: /aria-keyshortcuts="([^"]*)"/.exec(attributes!)?.[1] }));

describe("a review card's buttons", () => {
  it('the focused card: Accept and Reject in the Tab order, each with its key', () => {
    expect(buttons(card('auto', true))).toEqual([
      { text: 'Accept', tab: '0', key: 'a' },
      { text: 'Reject', tab: '0', key: 'r' },
    ]);
    expect(buttons(card('accepted', true))).toEqual([
      { text: 'Reject', tab: '0', key: 'r' },
      { text: 'Undo', tab: '0', key: 'u' },
    ]);
  });

  it("another card's: out of the Tab order", () => {
    expect(buttons(card('auto', false)).map((b) => b.tab)).toEqual(['-1', '-1']);
  });

  it('the card says its keys', () => {
    expect(card('auto', true)).toContain('aria-description="Press a to accept, r to reject"');
    expect(card('rejected', true)).toContain('aria-description="Press u to undo, a to accept"');
  });
});
