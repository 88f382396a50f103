// "Locate folder…" (issue #13 item 3): a library folder this device cannot find offers it, with
// the note that its photos still search; a reachable folder does not. The form maps the folder
// as the library keeps it, through the client's mapFolder.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { FolderInfo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { FolderRow } from '../../../src/renderer/components/FolderRow';
import { LocateFolder } from '../../../src/renderer/components/LocateFolder';

const served = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {}, mapFolder: vi.fn() } as unknown as ShoeboxClient;
const REACHABLE: FolderInfo = { path: '/Volumes/photos', libraryPath: '/mnt/nas/photos', addedAt: 0, photos: 12, failed: 0 };
const AWAY: FolderInfo = { path: '/mnt/nas/photos', unreachable: true, addedAt: 0, photos: 12, failed: 0 };

function render(node: React.ReactNode): string {
  return renderToStaticMarkup(<ClientContext.Provider value={served}>{node}</ClientContext.Provider>);
}

describe('Locate folder…', () => {
  it('is offered on a folder this device cannot find, with what still works', () => {
    const html = render(<FolderRow folder={AWAY} job={undefined} selected={false} onSelect={() => {}} />);
    expect(html).toContain('Locate folder…');
    expect(html).toContain('Not reachable from this device: its photos search and show thumbnails');
    // An unplugged disk is the common case on one device: the note says what to do about it too.
    expect(html).toContain('On a disk? Connect it.');
  });

  it('a folder not found whose photos are all in the library under another folder says so (moved there?)', () => {
    const moved: FolderInfo = { ...AWAY, path: '/home/me/A', copiesAt: '/home/me/B/A' };
    const html = render(<FolderRow folder={moved} job={undefined} selected={false} onSelect={() => {}} />);
    expect(html).toContain('Not found, and all its photos are in the library under /home/me/B/A too: moved there? Remove this folder to show each photo once');
    expect(html).not.toContain('Not reachable from this device');
    expect(html).toContain('aria-label="Remove /home/me/A from the library"');
  });

  it('is not offered on a folder this device reaches (a mapped one names its library path)', () => {
    const html = render(<FolderRow folder={REACHABLE} job={undefined} selected={false} onSelect={() => {}} />);
    expect(html).not.toContain('Locate folder');
    expect(html).toContain('title="/Volumes/photos (library folder /mnt/nas/photos)"');
  });

  it('asks where the folder, as the library keeps it, is on this device (typed under serve: no folder dialog)', () => {
    const html = render(<LocateFolder folder={AWAY} onDone={() => {}} />);
    expect(html).toContain('Where is /mnt/nas/photos on this device?');
    expect(html).not.toContain('Browse…');
  });
});
