import type { LibraryApi } from '../shared/api';

declare global {
  interface Window {
    /**
     * Set by the Electron preload. Absent when the same UI runs in a plain browser under
     * `shoebox serve`, hence optional: go through ./api.ts instead of reading it directly.
     */
    readonly shoebox?: LibraryApi;
  }
}

export {};
