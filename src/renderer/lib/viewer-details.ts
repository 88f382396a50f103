// Whether the viewer shows its details (tags, camera, exposure, place, …; the ⓘ button or I):
// remembered in localStorage like the theme and the slideshow's choices, apart for narrow
// windows and wide ones. Under NARROW_WIDTH the 320 px panel would leave the photo a strip,
// so there it starts hidden; elsewhere shown. A choice made in a narrow window is not imposed
// on a wide one, nor the other way round. Storage unavailable: the defaults, each time.
import type { SettingsStore } from './slideshow-settings';

/** Below this window width (px) the details start hidden: the photo would get under 480 px. */
export const NARROW_WIDTH = 800;

export const DETAILS_KEY = { narrow: 'shoebox.viewer.details.narrow', wide: 'shoebox.viewer.details.wide' } as const;

const keyFor = (width: number) => (width < NARROW_WIDTH ? DETAILS_KEY.narrow : DETAILS_KEY.wide);

/** Whether the viewer opens with its details shown, in a window `width` px wide. */
export function detailsShown(store: SettingsStore | null, width: number): boolean {
  let value: string | null = null;
  try {
    value = store?.getItem(keyFor(width)) ?? null;
  } catch {
    // unreadable storage: the default
  }
  if (value === 'shown') return true;
  if (value === 'hidden') return false;
  return width >= NARROW_WIDTH;
}

/** Remembers the user's choice for windows as wide as `width`. */
export function rememberDetails(store: SettingsStore | null, width: number, shown: boolean): void {
  try {
    store?.setItem(keyFor(width), shown ? 'shown' : 'hidden');
  } catch {
    // Storage full or refused: the choice lasts while the viewer is open.
  }
}
