// "Show in folder" exists in the desktop app only: its client (the preload's bridge) has
// revealPhoto; a page under `shoebox serve` has no file manager to open, so no button.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { LibraryApi, Photo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { ipcClient } from '../../../src/renderer/client/ipc-client';
import { RevealButton } from '../../../src/renderer/components/RevealButton';
import { SelectionBar } from '../../../src/renderer/components/SelectionBar';

const PHOTO = { id: 'id-1', path: '/home/me/Pictures/a.jpg', folder: '/home/me/Pictures', width: 4, height: 3, takenAt: null } satisfies Photo;

const desktop = (revealPhoto = vi.fn(async (_id: string) => {})) => ({ client: ipcClient({ revealPhoto } as unknown as LibraryApi & { revealPhoto(id: string): Promise<void> }), revealPhoto });
/** A serve page's client: the LibraryApi over a WebSocket, nothing more. */
const served = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;

function render(client: ShoeboxClient, count: number): string {
  return renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <SelectionBar count={count} photos={async () => [PHOTO]} onClear={() => {}} onTrashed={() => {}} onMoved={() => {}} askTrash={0} />
      <RevealButton photo={async () => PHOTO} />
    </ClientContext.Provider>,
  );
}

describe('Show in folder', () => {
  it('is offered in the desktop app, on the selection bar for one selected photo and in the viewer', () => {
    const html = render(desktop().client, 1);
    expect(html.match(/Show in folder/g)).toHaveLength(2);
    expect(html).not.toMatch(/<button[^>]*disabled[^>]*>Show in folder/);
  });

  it('is disabled on the selection bar when more than one photo is selected', () => {
    const html = render(desktop().client, 3);
    expect(html).toMatch(/<button[^>]*disabled[^>]*title="Select one photo to show it in its folder"[^>]*>Show in folder/);
  });

  it('is hidden under shoebox serve', () => {
    const html = render(served, 1);
    expect(html).toContain('1 selected'); // the bar's count before its photos are looked up (videos said apart then)
    expect(html).not.toContain('Show in folder');
  });

  it("the desktop client asks main by the photo's id, never its path", async () => {
    const { client, revealPhoto } = desktop();
    await client.revealPhoto!(PHOTO.id);
    expect(revealPhoto).toHaveBeenCalledWith('id-1');
  });
});
