// What a screen reader's lists of buttons and headings show (a keyboard and screen reader walk
// of the app): the sidebar's two "+ New" buttons are told apart by name, and every screen's
// title is its one h1, as the photo, album and places screens have it.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { AlbumsSection } from '../../../src/renderer/components/albums/AlbumsSection';
import { DuplicatesScreen } from '../../../src/renderer/components/dupes/DuplicatesScreen';
import { LabelSetScreen } from '../../../src/renderer/components/tags/LabelSetScreen';
import { LabelSetsSection } from '../../../src/renderer/components/tags/LabelSetsSection';
import { TagReviewScreen } from '../../../src/renderer/components/tags/TagReviewScreen';
import type { LibraryState } from '../../../src/renderer/hooks/useLibrary';
import { PHOTOS_SCREEN, type Screen, type ScreenProps } from '../../../src/renderer/lib/screen';

const never = () => new Promise<never>(() => {});
const client = new Proxy({ transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {}, onEvent: () => () => {} } as Record<string, unknown>, {
  get: (target, key) => (key in target ? target[key as string] : never),
}) as unknown as ShoeboxClient;
const library = { photosVersion: 0, folders: [], jobs: [] } as unknown as LibraryState;
const props = (screen: Screen): ScreenProps => ({ screen, navigate: () => {}, library, showPlace: () => {}, showWithoutPlace: () => {} });
const render = (node: ReactNode) => renderToStaticMarkup(<ClientContext.Provider value={client}>{node}</ClientContext.Provider>);
const buttonNamed = (html: string, name: string) => new RegExp(`<button[^>]*aria-label="${name}"[^>]*>\\+ New</button>`).test(html);

describe('the sidebar\'s "+ New" buttons', () => {
  it('are named for what they make, showing "+ New"', () => {
    expect(buttonNamed(render(<LabelSetsSection {...props(PHOTOS_SCREEN)} />), 'New label set')).toBe(true);
    expect(buttonNamed(render(<AlbumsSection {...props(PHOTOS_SCREEN)} />), 'New album')).toBe(true);
  });
});

describe("a screen's title", () => {
  const h1s = (html: string) => [...html.matchAll(/<h1[^>]*>(.*?)<\/h1>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

  it('is the h1 of the label set editor, tag review and Duplicates', () => {
    expect(h1s(render(<LabelSetScreen {...props({ kind: 'label-set', name: null })} />))).toEqual(['New label set']);
    expect(h1s(render(<TagReviewScreen {...props({ kind: 'tag-review', set: 'colours', label: null })} />))).toEqual(['Review “colours”']);
    expect(h1s(render(<DuplicatesScreen {...props({ kind: 'duplicates' })} />))).toEqual(['Duplicates']);
  });
});
