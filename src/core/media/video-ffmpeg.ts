// Which ffmpeg reads videos. In order: SHOEBOX_FFMPEG (or the same setting, given by the
// caller) naming a binary; the one the npm package @ffmpeg-installer/ffmpeg ships for this
// platform (the packaged app's, GPL build: see the README); the first `ffmpeg` on PATH.
// None found: videos are skipped (not failed, so they are read once one is installed) and
// the run says so in ONE line, never one per video. So too for one that cannot be used: a
// setting naming no binary, or a binary that does not answer `-version` as ffmpeg does (a
// wrapper script gone wrong, /bin/false): that is the setup's fault, never a video's.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { unpackedPath } from '../../base/unpacked-path';
import { countText } from '../../shared/count-text';

export const FFMPEG_ENV = 'SHOEBOX_FFMPEG';

export interface FfmpegLocation {
  path: string;
  /** Where it was found: the user's choice, the bundled package, or the system. */
  source: 'setting' | 'package' | 'path';
}

export interface LocateOptions {
  /** An explicit binary (a setting); wins over the environment. */
  configured?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Tests: pretend the package is not installed. */
  skipPackage?: boolean;
}

/** The ffmpeg to use, or null with none anywhere. A configured path that is not a binary is an error (said, not ignored). */
export function locateFfmpeg(options: LocateOptions = {}): FfmpegLocation | null {
  const env = options.env ?? process.env;
  const configured = options.configured ?? env[FFMPEG_ENV];
  if (configured) {
    if (!isExecutable(configured)) throw new Error(`${FFMPEG_ENV}=${configured} is not an executable file`);
    return { path: configured, source: 'setting' };
  }
  const bundled = options.skipPackage ? null : packageBinary();
  if (bundled) return { path: bundled, source: 'package' };
  const onPath = findOnPath(env);
  return onPath ? { path: onPath, source: 'path' } : null;
}

/**
 * The one line a run prints when it skips videos for want of ffmpeg; with `problem`, why the
 * ffmpeg there is cannot be used (ffmpegProblem, or locateFfmpeg's error).
 */
export function missingFfmpegLine(skipped: number, problem?: string): string {
  const found = problem ? `ffmpeg cannot be used (${problem})` : 'ffmpeg not found';
  return `${found}: ${countText(skipped, 'video')} skipped (install ffmpeg, or set ${FFMPEG_ENV} to its path)`;
}

/** How long `-version` may take: ffmpeg answers in milliseconds, a cold disk in a few seconds. */
const VERSION_TIMEOUT_MS = 20_000;

/**
 * Why the binary at `file` is not a working ffmpeg, or null when it is: it must run, exit 0 on
 * `-version` and say "ffmpeg version" (every build does). Checked once per run, before the
 * first video: a binary failing this would otherwise fail each video as if the video were bad.
 */
export function ffmpegProblem(file: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(file, ['-hide_banner', '-version'], { timeout: VERSION_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout) => {
      if (!error) return resolve(/ffmpeg version/i.test(stdout) ? null : `${file} -version does not say "ffmpeg version"`);
      const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals | null; code?: number | string | null };
      if (typeof e.code === 'string') return resolve(`${file} cannot be run (${e.code})`);
      if (e.killed && e.signal === 'SIGKILL') return resolve(`${file} -version did not answer in ${VERSION_TIMEOUT_MS / 1000} s`);
      if (e.signal) return resolve(`${file} -version was stopped (${e.signal})`);
      resolve(`${file} -version exited with code ${e.code ?? 'unknown'}`);
    });
  });
}

function packageBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const found = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    // Inside a packaged Electron app the binary must be run from the unpacked copy of the archive.
    const unpacked = unpackedPath(found);
    return isExecutable(unpacked) ? unpacked : isExecutable(found) ? found : null;
  } catch {
    return null; // not installed, or no binary for this platform (the package throws a string)
  }
}

function findOnPath(env: NodeJS.ProcessEnv): string | null {
  const names = process.platform === 'win32' ? ['ffmpeg.exe'] : ['ffmpeg'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
