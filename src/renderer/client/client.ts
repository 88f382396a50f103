// The UI's one door to the engine: LibraryApi plus the two things only a transport knows,
// where a photo's images are and whether the connection is up. Components get it from
// ClientContext and never learn which transport they have (Electron IPC or WebSocket).
import type { LibraryApi } from '../../shared/api';

export type ImageKind = 'thumb' | 'image';

export type ConnectionState = 'connecting' | 'open' | 'lost';

export interface ShoeboxClient extends LibraryApi {
  /** 'ipc' in the desktop app, 'websocket' under `shoebox serve`. */
  readonly transport: 'ipc' | 'websocket';
  /** A URL the page can put in <img src>, served only for library photos. */
  imageUrl(id: string, kind: ImageKind): string;
  /**
   * Shows a library photo in the platform's file manager: the desktop app only (a page
   * under `shoebox serve` may be on another machine than the files), absent there, so the
   * UI hides the action.
   */
  readonly revealPhoto?: (id: string) => Promise<void>;
  /** Connection changes (a WebSocket can drop and come back; IPC is always 'open'). */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}
