// The UI's one door to the engine: LibraryApi plus the two things only a transport knows,
// where a photo's images are and whether the connection is up. Components get it from
// ClientContext and never learn which transport they have (Electron IPC or WebSocket).
import type { LibraryApi } from '../../shared/api';
import type { DesktopLibrary } from '../../shared/library-choice';

/** What a media URL serves: a thumbnail, a full image, or a video (played from its ranged URL). */
export type ImageKind = 'thumb' | 'image' | 'video';

/** 'lost': the server is not reachable (retried); 'ended': it answered that this page's access
 *  is no longer valid (`shoebox serve` restarted with a new token: never retried). */
export type ConnectionState = 'connecting' | 'open' | 'lost' | 'ended';

export interface ShoeboxClient extends LibraryApi {
  /** 'ipc' in the desktop app, 'websocket' under `shoebox serve`. */
  readonly transport: 'ipc' | 'websocket';
  /** A URL the page can put in <img src>, served only for library photos. `rotation`: the
   *  photo's (Photo.rotation), so a photo turned since has another URL than the browser's cached image. */
  imageUrl(id: string, kind: ImageKind, rotation?: number): string;
  /**
   * Shows a library photo in the platform's file manager: the desktop app only (a page
   * under `shoebox serve` may be on another machine than the files), absent there, so the
   * UI hides the action.
   */
  readonly revealPhoto?: (id: string) => Promise<void>;
  /** Settings → Library: which library this device opens (desktop app only; `shoebox serve` takes --library). */
  readonly library?: DesktopLibrary['library'];
  readonly setLibrary?: DesktopLibrary['setLibrary'];
  /** Connection changes (a WebSocket can drop and come back; IPC is always 'open'). */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}
