// The import form, without a page: the files an import could not copy are named, each with
// why (capitalised), the first few and then how many more; the folders to import into go by
// the names that tell them apart, each in full on hover.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { capitalised, ImportFailures, ImportPhotosForm } from '../../../src/renderer/components/ImportPhotosForm';

const result = (failed: number, named: number) => ({
  added: 7,
  updated: 0,
  removed: 0,
  embedded: 7,
  failed,
  failures: Array.from({ length: named }, (_, i) => ({ path: `/media/card/DCIM/IMG_${i}.JPG`, reason: 'permission denied' })),
});

describe('an import’s failures in the form', () => {
  it('names the first few files with their reasons, then how many more', () => {
    const html = renderToStaticMarkup(<ImportFailures result={result(56, 50)} />);
    expect(html).toContain('aria-label="Files that could not be imported"');
    expect(html.match(/<li title=/g)).toHaveLength(5);
    expect(html).toContain('<span class="failures__name">/media/card/DCIM/IMG_0.JPG</span><span class="failures__reason">Permission denied</span>');
    expect(html).toContain('and 51 more');
  });

  it('shows all when few, and nothing when none were named', () => {
    const html = renderToStaticMarkup(<ImportFailures result={result(2, 2)} />);
    expect(html.match(/<li title=/g)).toHaveLength(2);
    expect(html).not.toContain('more');
    expect(renderToStaticMarkup(<ImportFailures result={result(0, 0)} />)).toBe('');
    expect(renderToStaticMarkup(<ImportFailures result={null} />)).toBe('');
  });

  it('capitalises an engine’s message for display', () => {
    expect(capitalised('no folder at /x')).toBe('No folder at /x');
  });
});

describe('the import form’s folders', () => {
  const client = { transport: 'websocket', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
  const folder = (path: string) => ({ path, addedAt: 0, photos: 0, failed: 0 });

  it('names each by what tells it from the others, the full path on hover', () => {
    const html = renderToStaticMarkup(
      <ClientContext.Provider value={client}>
        <ImportPhotosForm folders={[folder('/tmp/walk2-scratch/library-one/Photos'), folder('/tmp/walk2-scratch/library-two/Photos')]} />
      </ClientContext.Provider>,
    );
    expect(html).toContain('<option value="/tmp/walk2-scratch/library-one/Photos" title="/tmp/walk2-scratch/library-one/Photos" selected="">library-one/Photos</option>');
    expect(html).toContain('<option value="/tmp/walk2-scratch/library-two/Photos" title="/tmp/walk2-scratch/library-two/Photos">library-two/Photos</option>');
  });
});
