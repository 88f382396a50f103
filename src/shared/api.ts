// The one contract between the UI and the engine (DESIGN.md "One contract, three
// transports"). It travels over Electron IPC, over WebSocket (`shoebox serve`) and as
// direct calls (CLI, tests), so every argument and result must be plain JSON data.

/** Execution providers ONNX Runtime may run CLIP on, in our order of preference. */
export type ExecutionProviderName = 'cuda' | 'dml' | 'coreml' | 'cpu';

export interface ProviderStatus {
  /** Providers this build of ONNX Runtime supports on this platform. */
  available: ExecutionProviderName[];
  /** The provider sessions actually run on; null until a model is loaded. */
  inUse: ExecutionProviderName | null;
  /** Why a preferred provider was not used (it failed to load), if it was not. */
  fallbackReason: string | null;
}

export interface EngineInfo {
  version: string;
  home: string;
  platform: string;
  providers: ProviderStatus;
}

export interface IndexProgress {
  done: number;
  total: number;
  /** Photos per second so far. */
  rate: number;
  etaSeconds: number | null;
}

/** Events the engine pushes to the UI. */
export type LibraryEvent =
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'index-progress'; progress: IndexProgress }
  | { type: 'photos-changed'; added: number; removed: number };

export type Unsubscribe = () => void;

export interface LibraryApi {
  info(): Promise<EngineInfo>;
  subscribe(listener: (event: LibraryEvent) => void): Unsubscribe;
}
