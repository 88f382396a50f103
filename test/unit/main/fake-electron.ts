// A stand-in for the `electron` module: the real one needs the Electron binary, which
// tests never launch. Each test file does
//   vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron)
// and inspects the same objects through `fakeElectron`.
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** Records listeners so a test can emit the events Electron would. */
class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  });
  once = this.on;
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class FakeWebContents extends FakeEmitter {
  url = 'shoebox://app/index.html';
  destroyed = false;
  windowOpenHandler: Listener | null = null;
  setWindowOpenHandler = vi.fn((handler: Listener) => {
    this.windowOpenHandler = handler;
  });
  send = vi.fn();
  getURL = vi.fn(() => this.url);
  isDestroyed = vi.fn(() => this.destroyed);
  forcefullyCrashRenderer = vi.fn();
}

export const createdWindows: FakeBrowserWindow[] = [];

export class FakeBrowserWindow extends FakeEmitter {
  static getAllWindows = vi.fn(() => createdWindows);
  static getFocusedWindow = vi.fn((): FakeBrowserWindow | null => createdWindows[0] ?? null);
  static fromWebContents = vi.fn((contents: unknown) => createdWindows.find((w) => w.webContents === contents) ?? null);
  readonly webContents = new FakeWebContents();
  /** What the window looks like now; tests move it about and emit 'resize', 'move', 'close'. */
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  maximized = false;
  fullscreen = false;
  destroyed = false;
  loadURL = vi.fn((_url: string) => Promise.resolve());
  isMinimized = vi.fn(() => false);
  restore = vi.fn();
  focus = vi.fn();
  getNormalBounds = vi.fn(() => ({ ...this.bounds }));
  isMaximized = vi.fn(() => this.maximized);
  isFullScreen = vi.fn(() => this.fullscreen);
  isDestroyed = vi.fn(() => this.destroyed);
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  setFullScreen = vi.fn((on: boolean) => {
    this.fullscreen = on;
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    const { x = 0, y = 0, width = 800, height = 600 } = options as Record<string, number>;
    this.bounds = { x, y, width, height };
    createdWindows.push(this);
  }
}

/** A display as screen.getAllDisplays() describes it (only what our code reads). */
export interface FakeDisplay {
  workArea: { x: number; y: number; width: number; height: number };
}

/** One 1920×1080 screen until a test plugs in others. */
export const displays: FakeDisplay[] = [];
const DEFAULT_DISPLAY: FakeDisplay = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

export class FakeIpcRenderer extends FakeEmitter {
  invoke = vi.fn((_channel: string, ..._args: unknown[]) => Promise.resolve('answer'));
  removeListener = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
    );
    return this;
  });
}

/** One end of a MessageChannelMain; a message posted here arrives at the other end. */
export class FakeMessagePort extends FakeEmitter {
  other: FakeMessagePort | null = null;
  closed = false;
  postMessage = vi.fn((message: unknown) => {
    const other = this.other;
    if (!this.closed) queueMicrotask(() => other?.emit('message', { data: structuredClone(message), ports: [] }));
  });
  start = vi.fn();
  close = vi.fn(() => {
    this.closed = true;
  });
}

export class FakeMessageChannelMain {
  readonly port1 = new FakeMessagePort();
  readonly port2 = new FakeMessagePort();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}

/** A process utilityProcess.fork() pretended to start; tests play the engine through it. */
export class FakeUtilityProcess extends FakeEmitter {
  postMessage = vi.fn();
  kill = vi.fn(() => {
    this.emit('exit', -15);
    return true;
  });
  constructor(
    readonly modulePath: string,
    readonly options: Record<string, unknown> | undefined,
  ) {
    super();
  }
}

export const forkedProcesses: FakeUtilityProcess[] = [];

export const fakeElectron = {
  app: Object.assign(new FakeEmitter(), {
    isPackaged: false,
    getVersion: vi.fn(() => '0.1.0-test'),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    getAppPath: vi.fn(() => '/fake/app'),
    getName: vi.fn(() => 'Shoebox'),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    relaunch: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
  }),
  BrowserWindow: FakeBrowserWindow,
  screen: { getAllDisplays: vi.fn(() => displays) },
  dialog: {
    showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
    showErrorBox: vi.fn((_title: string, _content: string) => {}),
    // The index of the button the user picked: tests say which with mockReturnValueOnce.
    showMessageBoxSync: vi.fn((_window: unknown, _options: { buttons?: string[] }) => 0),
    // Open until a test answers (mockResolvedValueOnce) or its signal closes it, which
    // Electron answers as a cancel (cancelId).
    showMessageBox: vi.fn(
      (_window: unknown, options: { message?: string; detail?: string; buttons?: string[]; cancelId?: number; signal?: AbortSignal }) =>
        new Promise<{ response: number; checkboxChecked: boolean }>((resolve) => {
          options.signal?.addEventListener('abort', () => resolve({ response: options.cancelId ?? 0, checkboxChecked: false }));
        }),
    ),
  },
  Menu: {
    // The template itself stands for the built menu: tests read what was installed.
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template, popup: vi.fn() })),
    setApplicationMenu: vi.fn((_menu: unknown) => {}),
  },
  shell: { openPath: vi.fn((_path: string) => Promise.resolve('')), showItemInFolder: vi.fn((_path: string) => {}) },
  nativeTheme: { shouldUseDarkColors: false },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  // An OS keychain stand-in: reversible, and never the plain text (what tests check).
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
    encryptString: vi.fn((plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a))),
    decryptString: vi.fn((encrypted: Buffer) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8')),
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: vi.fn() },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn((_enable: boolean) => {}),
    },
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  MessageChannelMain: FakeMessageChannelMain,
  utilityProcess: {
    fork: vi.fn((modulePath: string, _args?: string[], options?: Record<string, unknown>) => {
      const child = new FakeUtilityProcess(modulePath, options);
      forkedProcesses.push(child);
      return child;
    }),
  },
  ipcRenderer: new FakeIpcRenderer(),
};

/**
 * Back to a fresh, unpackaged app with no windows, listeners or recorded calls. Objects
 * are reset in place: modules under test hold on to them through their imports.
 */
export function resetFakeElectron(): void {
  // resetAllMocks also restores each vi.fn's original implementation.
  vi.resetAllMocks();
  createdWindows.length = 0;
  displays.splice(0, displays.length, { workArea: { ...DEFAULT_DISPLAY.workArea } });
  forkedProcesses.length = 0;
  fakeElectron.app.listeners.clear();
  fakeElectron.app.isPackaged = false;
  fakeElectron.ipcRenderer.listeners.clear();
  fakeElectron.nativeTheme.shouldUseDarkColors = false;
  delete process.env['ELECTRON_RENDERER_URL'];
}
