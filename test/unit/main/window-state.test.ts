// The main window reopens where it was left: bounds, maximized and full screen, saved in
// userData; a state file that is corrupt, or bounds no display shows any more, are ignored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createdWindows, displays, resetFakeElectron, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { createMainWindow } = await import('../../../src/main/window');
const { SAVE_DELAY_MS } = await import('../../../src/main/window-state');

let dir: string;
let stateFile: string;

function openWindow(): FakeBrowserWindow {
  createMainWindow({ preloadPath: '/fake/app/out/preload/index.cjs', url: 'shoebox://app/index.html', stateFile });
  return createdWindows.at(-1)!;
}

const saved = () => JSON.parse(fs.readFileSync(stateFile, 'utf8')) as unknown;

beforeEach(() => {
  resetFakeElectron();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-window-'));
  stateFile = path.join(dir, 'userData', 'window-state.json');
});

afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('remembered window state', () => {
  it('opens at the default size the first time', () => {
    expect(openWindow().options).toMatchObject({ width: 1280, height: 820 });
    expect(openWindow().options).not.toHaveProperty('x');
  });

  it('saves bounds a moment after the last move or resize, then restores them on the next start', () => {
    vi.useFakeTimers();
    const first = openWindow();
    first.bounds = { x: 100, y: 50, width: 1000, height: 700 };
    first.emit('move');
    first.bounds = { x: 120, y: 60, width: 1100, height: 720 };
    first.emit('resize');
    expect(fs.existsSync(stateFile)).toBe(false); // debounced: nothing written mid-drag
    vi.advanceTimersByTime(SAVE_DELAY_MS + 10);
    expect(saved()).toEqual({ bounds: { x: 120, y: 60, width: 1100, height: 720 }, maximized: false, fullscreen: false });
    // Written whole: no temporary file left beside it.
    expect(fs.readdirSync(path.dirname(stateFile))).toEqual(['window-state.json']);

    const second = openWindow();
    expect(second.options).toMatchObject({ x: 120, y: 60, width: 1100, height: 720 });
    expect(second.maximize).not.toHaveBeenCalled();
    expect(second.setFullScreen).not.toHaveBeenCalled();
  });

  it('saves on close, and restores a maximized or full-screen window as such, over its normal bounds', () => {
    const first = openWindow();
    first.bounds = { x: 30, y: 40, width: 900, height: 600 };
    first.maximized = true;
    first.emit('close');
    expect(saved()).toMatchObject({ bounds: { x: 30, y: 40, width: 900, height: 600 }, maximized: true });
    const second = openWindow();
    expect(second.options).toMatchObject({ x: 30, y: 40, width: 900, height: 600 });
    expect(second.maximize).toHaveBeenCalled();

    second.maximized = false;
    second.fullscreen = true;
    second.emit('close');
    expect(openWindow().setFullScreen).toHaveBeenCalledWith(true);
  });

  it('ignores bounds that fall off every current display (a monitor unplugged since)', () => {
    displays.push({ workArea: { x: 1920, y: 0, width: 2560, height: 1400 } });
    const first = openWindow();
    first.bounds = { x: 2500, y: 200, width: 1200, height: 800 };
    first.emit('close');
    // Both screens still there: restored on the second one.
    expect(openWindow().options).toMatchObject({ x: 2500, y: 200 });

    displays.splice(1); // the second screen is gone
    const third = openWindow();
    expect(third.options).toMatchObject({ width: 1280, height: 820 });
    expect(third.options).not.toHaveProperty('x');
  });

  it('ignores a window that would show only a sliver at a screen edge', () => {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    fs.writeFileSync(stateFile, JSON.stringify({ bounds: { x: 1900, y: 100, width: 1000, height: 700 }, maximized: false, fullscreen: false }));
    expect(openWindow().options).not.toHaveProperty('x');
  });

  it('ignores a window whose title bar would be off every screen, however much of it shows', () => {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    const restoredX = (bounds: object) => {
      fs.writeFileSync(stateFile, JSON.stringify({ bounds, maximized: false, fullscreen: false }));
      return openWindow().options['x'];
    };
    expect(restoredX({ x: 100, y: -700, width: 1280, height: 820 })).toBeUndefined(); // a monitor above, unplugged
    expect(restoredX({ x: 100, y: -10, width: 1280, height: 820 })).toBeUndefined();
    expect(restoredX({ x: 100, y: 1020, width: 1280, height: 820 })).toBeUndefined(); // only 20 px of it at the bottom
    expect(restoredX({ x: -1200, y: 100, width: 1280, height: 820 })).toBeUndefined(); // 80 px of title bar
    expect(restoredX({ x: -1100, y: 1000, width: 1280, height: 820 })).toBe(-1100); // a 180×32 px grip is enough
  });

  it('ignores a corrupt or malformed state file and starts at the default size', () => {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    for (const content of ['{"bounds": {"x": 1', 'null', '[]', '{"bounds": {"x": "10", "y": 0, "width": 800, "height": 600}}', '{"bounds": {"x": 0, "y": 0, "width": -5, "height": 600}}']) {
      fs.writeFileSync(stateFile, content);
      const window = openWindow();
      expect(window.options, content).toMatchObject({ width: 1280, height: 820 });
      expect(window.options, content).not.toHaveProperty('x');
    }
  });

  it('does not write after the window is gone', () => {
    vi.useFakeTimers();
    const window = openWindow();
    window.emit('resize');
    window.destroyed = true;
    vi.advanceTimersByTime(SAVE_DELAY_MS + 10);
    expect(fs.existsSync(stateFile)).toBe(false);
  });
});
