// The slideshow's pure logic (lib/slideshow-steps.ts, lib/slideshow-settings.ts): where it goes
// next and back, with and without Loop, over a list whose end may not be known yet (search
// results); where it starts when the list is shorter than the photo asked for; the counter;
// the remembered interval and Loop, and the tests' interval override.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INTERVAL,
  INTERVAL_KEY,
  intervalMs,
  LOOP_KEY,
  readSettings,
  TEST_INTERVAL_KEY,
  writeSettings,
  type SettingsStore,
} from '../../../src/renderer/lib/slideshow-settings';
import { counterText, nextStep, placeInList, previousStep } from '../../../src/renderer/lib/slideshow-steps';

const known = (count: number) => ({ count, complete: true });
const growing = (count: number) => ({ count, complete: false });

function memoryStore(initial: Record<string, string> = {}): SettingsStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe('slideshow steps', () => {
  it('goes on one photo at a time through the list', () => {
    expect(nextStep(0, known(3), false)).toEqual({ kind: 'go', index: 1 });
    expect(nextStep(1, known(3), false)).toEqual({ kind: 'go', index: 2 });
    expect(nextStep(1, known(3), true)).toEqual({ kind: 'go', index: 2 });
  });

  it('stops at the last photo without Loop, and starts again at the first with it', () => {
    expect(nextStep(2, known(3), false)).toEqual({ kind: 'end' });
    expect(nextStep(2, known(3), true)).toEqual({ kind: 'go', index: 0 });
    // One photo: the end, or itself again.
    expect(nextStep(0, known(1), false)).toEqual({ kind: 'end' });
    expect(nextStep(0, known(1), true)).toEqual({ kind: 'go', index: 0 });
    expect(nextStep(0, known(0), true)).toEqual({ kind: 'end' });
  });

  it('waits at the end of the loaded photos while the list may go on (search results), Loop or not', () => {
    expect(nextStep(199, growing(200), false)).toEqual({ kind: 'wait' });
    expect(nextStep(199, growing(200), true)).toEqual({ kind: 'wait' });
    expect(nextStep(150, growing(200), false)).toEqual({ kind: 'go', index: 151 });
    // A 10,000-photo timeline knows its total: no wait for pages not loaded, they load on the way.
    expect(nextStep(4_321, known(10_000), false)).toEqual({ kind: 'go', index: 4_322 });
  });

  it('goes back one, to the last from the first only with Loop and a known end', () => {
    expect(previousStep(2, known(3), false)).toEqual({ kind: 'go', index: 1 });
    expect(previousStep(0, known(3), false)).toEqual({ kind: 'end' });
    expect(previousStep(0, known(3), true)).toEqual({ kind: 'go', index: 2 });
    expect(previousStep(0, growing(200), true)).toEqual({ kind: 'end' });
    // A list that shrank under the slideshow: back from past its end is its last photo.
    expect(previousStep(7, known(3), false)).toEqual({ kind: 'go', index: 2 });
  });

  it('starts on the photo asked for, on the last one when the list is shorter, nowhere when it is empty', () => {
    expect(placeInList(4, known(10))).toBe(4);
    expect(placeInList(12, known(10))).toBe(9);
    expect(placeInList(10, known(10))).toBe(9);
    expect(placeInList(3, known(0))).toBeNull();
    expect(placeInList(0, known(0))).toBeNull();
    // Not known yet: the photo may still come.
    expect(placeInList(250, growing(200))).toBe(250);
    expect(placeInList(-1, known(5))).toBe(0);
  });

  it('counts as the viewer does: "12 of 240", "12 of 200+" while the end is not known', () => {
    expect(counterText(11, known(240))).toBe('12 of 240');
    expect(counterText(11, growing(200))).toBe('12 of 200+');
    expect(counterText(0, known(1))).toBe('1 of 1');
    expect(counterText(9_999, known(10_000))).toBe(`${(10_000).toLocaleString()} of ${(10_000).toLocaleString()}`);
  });
});

describe('slideshow settings', () => {
  it('start at 5 seconds, no Loop', () => {
    expect(DEFAULT_INTERVAL).toBe(5);
    expect(readSettings(memoryStore())).toEqual({ interval: 5, loop: false });
    expect(readSettings(null)).toEqual({ interval: 5, loop: false });
  });

  it('remember the interval and Loop', () => {
    const store = memoryStore();
    writeSettings(store, { interval: 10, loop: true });
    expect(store.data.get(INTERVAL_KEY)).toBe('10');
    expect(store.data.get(LOOP_KEY)).toBe('true');
    expect(readSettings(store)).toEqual({ interval: 10, loop: true });
    writeSettings(store, { interval: 3, loop: false });
    expect(readSettings(store)).toEqual({ interval: 3, loop: false });
  });

  it('read anything else stored as the defaults, and storage that throws as none', () => {
    expect(readSettings(memoryStore({ [INTERVAL_KEY]: '7', [LOOP_KEY]: 'yes' }))).toEqual({ interval: 5, loop: false });
    expect(readSettings(memoryStore({ [INTERVAL_KEY]: 'ten' }))).toEqual({ interval: 5, loop: false });
    const broken: SettingsStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readSettings(broken)).toEqual({ interval: 5, loop: false });
    expect(() => writeSettings(broken, { interval: 3, loop: true })).not.toThrow();
  });

  it('time each photo by the chosen seconds, unless a test overrides it in milliseconds', () => {
    expect(intervalMs({ interval: 5, loop: false }, memoryStore())).toBe(5000);
    expect(intervalMs({ interval: 3, loop: false }, null)).toBe(3000);
    expect(intervalMs({ interval: 5, loop: false }, memoryStore({ [TEST_INTERVAL_KEY]: '1000' }))).toBe(1000);
    // Nonsense or out of range: the chosen seconds.
    for (const bad of ['', 'fast', '0', '-5', '1.5', '99999999']) expect(intervalMs({ interval: 10, loop: false }, memoryStore({ [TEST_INTERVAL_KEY]: bad }))).toBe(10_000);
  });
});
