// What the window's main process and the engine process say to each other over their
// MessagePort: LibraryApi's requests, responses and events (src/shared/rpc.ts), plus the few
// things only the host needs. Shared by engine-host.ts (main) and engine-port.ts (engine).
import type { ExecutionProviderName } from '../shared/api';

/** The first message, sent on the utility process's parentPort with the port attached. */
export interface EngineStart {
  type: 'start';
  options: {
    home: string;
    provider: ExecutionProviderName | 'auto';
    /** Settings → Library (library-setting.ts): the library URI, and S3 keys/endpoint kept
     *  with safeStorage. In memory on the port only: never in argv or the environment. */
    library?: string;
    s3?: EngineS3;
  };
}

/** An S3 library's endpoint, region and keys, as main hands them to the engine. */
export interface EngineS3 {
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The engine's first message on the port: ready to answer, or why it cannot (an unreadable data folder, an unreachable S3 library). */
export type EngineHello = { type: 'ready' } | { type: 'fatal'; error: { name: string; message: string } };

/** Methods on the port beyond LibraryApi's. */
export const HOST_METHODS = {
  /** (id, 'thumb' | 'image') -> { contentType, data: Uint8Array } | null */
  readImage: 'host:readImage',
  /** (id, Range header | null) -> VideoPiece | null: a piece of a library video (core/api/video-files.ts) */
  readVideo: 'host:readVideo',
  /** (library URI, S3 overrides | null) -> CopyReport: Settings → Library's "copy this library
   *  there" (core copyLibraryNow), the target's keys in memory on the port only. */
  copyLibrary: 'host:copyLibrary',
  /** () -> undefined, after the library is closed; the process then exits. */
  shutdown: 'host:shutdown',
} as const;
