// Chooses the transport once, at start: the preload's window.shoebox inside the desktop
// app, else the WebSocket of the `shoebox serve` page this was loaded from, with the access
// token the printed URL brought (serve-token.ts).
import type { ShoeboxClient } from './client';
import { ipcClient } from './ipc-client';
import { takeServeToken } from './serve-token';
import { webSocketClient } from './ws-client';

export function connectClient(): ShoeboxClient {
  if (window.shoebox) return ipcClient(window.shoebox);
  if (location.protocol === 'http:' || location.protocol === 'https:') {
    return webSocketClient(location, takeServeToken(location, history, sessionStorageOrNull()));
  }
  throw new Error('Shoebox cannot reach its library: no transport is available in this window.');
}

/** sessionStorage, or null where the browser refuses it (reading the property can throw). */
function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
