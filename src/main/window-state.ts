// The main window comes back where the user left it: bounds, maximized, full screen, kept in
// <userData>/window-state.json. Saved a moment after the last resize or move, and at close.
// A state file that is unreadable, or bounds that put the title bar on no current display (a
// monitor unplugged since), is ignored: a window restored there could not be reached at all.
import fs from 'node:fs';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { writeFileAtomicSync } from '../base/atomic-write';

export interface WindowState {
  /** The normal (not maximized, not full-screen) bounds, so un-maximizing goes back to them. */
  bounds: Rectangle;
  maximized: boolean;
  fullscreen: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';

/** How long moves and resizes settle before the state is written (a drag fires dozens). */
export const SAVE_DELAY_MS = 400;

/** To be restored, a window's title bar (this strip along its top, over at least this
 *  width) must lie within some display's work area: the user must be able to grab it. Any
 *  corner showing is not enough: a window whose top is off-screen (a monitor above
 *  unplugged) could not be moved. */
const TITLE_BAR_HEIGHT = 32;
const TITLE_BAR_MIN_WIDTH = 100;
const INVISIBLE_BORDER = 8;

/** The saved state, or null when there is none, it is corrupt, or it would be off-screen. */
export function loadWindowState(file: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const state = parseState(raw);
  if (!state) return null;
  return isOnSomeDisplay(state.bounds) ? state : null;
}

/** Keeps `file` up to date with the window's state until the window is closed. */
export function trackWindowState(window: BrowserWindow, file: string): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    saveWindowState(file, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
      fullscreen: window.isFullScreen(),
    });
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('enter-full-screen', saveSoon);
  window.on('leave-full-screen', saveSoon);
  // 'close' comes before the window is destroyed, while its bounds can still be read.
  window.on('close', save);
}

/** Written atomically (src/base/atomic-write.ts), so a crash never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeFileAtomicSync(file, `${JSON.stringify(state)}\n`);
  } catch (error) {
    // Losing the window's position is not worth failing over; the next save tries again.
    console.error('[shoebox] could not save the window state:', error);
  }
}

function parseState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized, fullscreen } = raw as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  const sane = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && Math.abs(n) < 100_000;
  if (!sane(x, -100_000) || !sane(y, -100_000) || !sane(width, 1) || !sane(height, 1)) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true, fullscreen: fullscreen === true };
}

function isOnSomeDisplay(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: area }) => {
    const w = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    // Windows counts an invisible resize border of a few pixels above the title bar.
    const top = bounds.y + INVISIBLE_BORDER >= area.y && bounds.y + Math.min(TITLE_BAR_HEIGHT, bounds.height) <= area.y + area.height;
    return top && w >= Math.min(TITLE_BAR_MIN_WIDTH, bounds.width);
  });
}
