// The slideshow's remembered choices: how long each photo shows (3, 5 or 10 seconds; 5 the
// first time) and whether it loops, kept in localStorage like the theme. Storage that is
// unavailable (a private window) or holds something else reads as the defaults.

export const INTERVAL_CHOICES = [3, 5, 10] as const;
export type IntervalChoice = (typeof INTERVAL_CHOICES)[number];
export const DEFAULT_INTERVAL: IntervalChoice = 5;

export interface SlideshowSettings {
  /** Seconds each photo shows while playing. */
  interval: IntervalChoice;
  /** After the last photo, start again at the first (else stop there). */
  loop: boolean;
}

export const INTERVAL_KEY = 'shoebox.slideshow.interval';
export const LOOP_KEY = 'shoebox.slideshow.loop';
/**
 * For tests only, never set by the UI: milliseconds each photo shows, in place of the chosen
 * seconds, so an end-to-end test steps in 1 s rather than 5 (the choice still shows as chosen).
 */
export const TEST_INTERVAL_KEY = 'shoebox.slideshow.test-interval-ms';
const TEST_INTERVAL_RANGE = { min: 100, max: 60_000 };

/** The part of Storage the settings use (localStorage in the app, a Map in unit tests). */
export type SettingsStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage, or null where it cannot be used. */
export function browserStore(): SettingsStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(store: SettingsStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function isIntervalChoice(value: number): value is IntervalChoice {
  return (INTERVAL_CHOICES as readonly number[]).includes(value);
}

export function readSettings(store: SettingsStore | null): SlideshowSettings {
  const interval = Number(read(store, INTERVAL_KEY));
  return { interval: isIntervalChoice(interval) ? interval : DEFAULT_INTERVAL, loop: read(store, LOOP_KEY) === 'true' };
}

export function writeSettings(store: SettingsStore | null, settings: SlideshowSettings): void {
  try {
    store?.setItem(INTERVAL_KEY, String(settings.interval));
    store?.setItem(LOOP_KEY, String(settings.loop));
  } catch {
    // Storage full or refused: the choice lasts this slideshow.
  }
}

/** How long each photo shows, in milliseconds: the chosen seconds, or a test's override. */
export function intervalMs(settings: SlideshowSettings, store: SettingsStore | null): number {
  const raw = read(store, TEST_INTERVAL_KEY);
  const override = raw === null || raw.trim() === '' ? NaN : Number(raw);
  if (Number.isInteger(override) && override >= TEST_INTERVAL_RANGE.min && override <= TEST_INTERVAL_RANGE.max) return override;
  return settings.interval * 1000;
}
