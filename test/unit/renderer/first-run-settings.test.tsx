// The first run (no model installed, no folder yet): Settings' "Import captions and keywords"
// and "Text in photos" were offered, and used said "no model: install one (shoebox models
// install …)", the command line's words. The library is then viewed without a model, as a
// shared library on a second device is ('no-model'): they wait, and say why in the app's words.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LibraryStatus } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { DescriptionsSection } from '../../../src/renderer/components/settings/DescriptionsSection';
import { ViewingOnlyContext, viewingOnlyOf } from '../../../src/renderer/hooks/useViewingOnly';

type Status = Pick<LibraryStatus, 'model' | 'damaged' | 'writerElsewhere'>;
const FIRST_RUN: Status = { model: null, damaged: null, writerElsewhere: null };
const MODEL = { id: 'tiny' } as LibraryStatus['model'];
const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {}, onEvent: () => () => {} } as unknown as ShoeboxClient;

const settingsSection = (status: Status) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ViewingOnlyContext.Provider value={viewingOnlyOf(status)}>
        <DescriptionsSection />
      </ViewingOnlyContext.Provider>
    </ClientContext.Provider>,
  );

describe('the first run, without a model', () => {
  it('is viewing only for want of a model, as a library with folders is', () => {
    expect(viewingOnlyOf(FIRST_RUN)).toBe('no-model');
    expect(viewingOnlyOf({ ...FIRST_RUN, model: MODEL })).toBe(false);
    expect(viewingOnlyOf({ ...FIRST_RUN, model: MODEL, writerElsewhere: 'library busy: …' })).toBe('writer-elsewhere');
    // A damaged library says so on its own screen, and is repaired rather than waited on.
    expect(viewingOnlyOf({ ...FIRST_RUN, damaged: 'library damaged: …' })).toBe(false);
    expect(viewingOnlyOf(null)).toBe(false);
  });

  it('offers "Import captions and keywords" disabled, saying why in the app\'s words', () => {
    const html = settingsSection(FIRST_RUN);
    expect(html).toMatch(/<button type="button" class="button" disabled="">Import captions and keywords<\/button>/);
    expect(html).toContain('Can be changed once this device has a model.');
    expect(html).not.toContain('shoebox models');
    expect(settingsSection({ ...FIRST_RUN, model: MODEL })).not.toMatch(/disabled="">Import captions/);
  });
});
