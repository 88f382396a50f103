import type { LibraryApi } from '../shared/api';
import type { DesktopLibrary } from '../shared/library-choice';

/** What the desktop app's preload exposes: the LibraryApi and main's own revealPhoto and Settings → Library. */
export type DesktopBridge = LibraryApi & Partial<DesktopLibrary> & { revealPhoto?(id: string): Promise<void> };

declare global {
  interface Window {
    /**
     * Set by the Electron preload. Absent when the same UI runs in a plain browser under
     * `shoebox serve`, hence optional: go through ./api.ts instead of reading it directly.
     */
    readonly shoebox?: DesktopBridge;
  }
}

export {};
