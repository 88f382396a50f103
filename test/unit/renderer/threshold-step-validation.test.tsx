// The album editor and the label-set editor keep their number fields' arrow steps (0.005,
// 0.01) but leave the browser's step check out (novalidate): any threshold or margin the
// engine takes (the CLI's 0.812, an automatic cut-off of 0.813, a set's 0.333 and 0.025) can be
// saved, the forms' own checks say what is out of range. Chromium's refusal itself is
// exercised in test/e2e/album-threshold-any-value.test.ts and label-set-any-value.test.ts.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { AlbumEditor } from '../../../src/renderer/components/albums/AlbumEditor';
import { emptyForm, formToInput } from '../../../src/renderer/components/albums/album-form';
import { LabelSetScreen } from '../../../src/renderer/components/tags/LabelSetScreen';
import type { ScreenProps } from '../../../src/renderer/lib/screen';

const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const props = (screen: ScreenProps['screen']): ScreenProps =>
  ({ screen, navigate: () => {}, library: { folders: [], jobs: [] }, showPlace: () => {}, showWithoutPlace: () => {} }) as unknown as ScreenProps;
const render = (node: ReactNode) => renderToStaticMarkup(<ClientContext.Provider value={client}>{node}</ClientContext.Provider>);
const formTag = (html: string) => /<form[^>]*>/.exec(html)?.[0] ?? '';

describe('threshold fields and the browser’s step check', () => {
  it('the album editor’s form does its own checking (novalidate)', () => {
    const html = render(<AlbumEditor {...props({ kind: 'album-editor', name: null })} />);
    expect(formTag(html)).toMatch(/aria-label="New album"/);
    expect(formTag(html)).toMatch(/noValidate=""|novalidate=""/i);
  });

  it('the album form takes any cosine from -1 to 1 and refuses what is outside, in its own words', () => {
    const form = { ...emptyForm(), name: 'Fixed', query: 'blue', automatic: false };
    expect(formToInput({ ...form, threshold: 0.812 })).toEqual({ name: 'Fixed', query: 'blue', threshold: 0.812 });
    expect(formToInput({ ...form, threshold: 0.813 })).toEqual({ name: 'Fixed', query: 'blue', threshold: 0.813 });
    expect(formToInput({ ...form, threshold: 1.2 })).toBe('The threshold is a cosine from -1 to 1.');
    expect(formToInput({ ...form, threshold: Number.NaN })).toBe('The threshold is a cosine from -1 to 1.');
  });

  it('the label-set editor’s form does its own checking (novalidate)', () => {
    const html = render(<LabelSetScreen {...props({ kind: 'label-set', name: null })} />);
    expect(formTag(html)).toMatch(/class="label-set-form"/);
    expect(formTag(html)).toMatch(/noValidate=""|novalidate=""/i);
    expect(html).toMatch(/<input type="number" min="-2" max="2" step="0.01" value="0.05"\/>/);
  });
});
