// The status bar says whether folders are followed. A watcher the engine stopped for good (the
// model replaced on disk: LibraryStatus.watchStopped) is said with the core's why, so a page
// opened or reloaded after the one event that told it still knows, rather than "Watching for
// changes" just gone and new photos never showing.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LibraryStatus } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { StatusBar } from '../../../src/renderer/components/StatusBar';

const client = { transport: 'websocket', info: () => new Promise(() => {}), imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const footer = (status: LibraryStatus) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <StatusBar status={status} error={null} />
    </ClientContext.Provider>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const REFUSAL = 'model tiny-immich was replaced on disk after this shoebox serve started: restart it to use the new build';
const status: LibraryStatus = { model: { id: 'tiny-immich', dir: '/models/tiny-immich' }, modelProblem: null, photos: 3, folders: 1, failed: 0, watching: true, jobs: [] };

describe('the status bar on watching', () => {
  it('says "Watching for changes" while folders are followed', () => {
    expect(text(footer(status))).toContain(' Watching for changes ');
  });

  it('says that watching stopped, and why, once the engine stopped it for good', () => {
    const html = footer({ ...status, watching: false, watchStopped: REFUSAL });
    expect(text(html)).toContain(` Not watching: ${REFUSAL} `);
    expect(html).toContain(`title="Not watching: ${REFUSAL}"`); // whole, when the line is cut
    expect(text(html)).not.toContain('Watching for changes');
  });

  it('says nothing about watching when it is merely off', () => {
    expect(text(footer({ ...status, watching: false }))).not.toMatch(/watching/i);
  });
});
