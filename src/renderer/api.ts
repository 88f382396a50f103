// The UI's only door to the engine. Components call libraryApi() and never learn the
// transport: Electron IPC today, a WebSocket client under `shoebox serve` later.
import type { LibraryApi } from '../shared/api';

export function libraryApi(): LibraryApi {
  if (window.shoebox) return window.shoebox;
  // The `shoebox serve` WebSocket transport will be chosen here.
  throw new Error('Shoebox cannot reach its library: no transport is available in this window.');
}
