// Reads a video the way the indexer needs it: its length and creation date (probe), then the
// frames worth embedding, each with its time. ffmpeg does the decoding (video-ffmpeg.ts says
// which one) and hands frames over a pipe as PPM (a tiny header plus raw RGB), so no temp
// files and no second probe tool (the npm package ships ffmpeg alone, no ffprobe).
//
// Which frames: one every few seconds, plus one at each scene change (ffmpeg's select filter
// and its scene score), never two within half a second, at most `maxFrames` for a long video
// (the interval widens). Frames leave ffmpeg already reduced to at most three times the model's
// input on their short side: the raster preprocess.ts cuts a non-JPEG photo's model input from,
// so a frame goes through the same pipeline as a photo from there on.
//
// A truncated or damaged file fails with a one-line reason, after the last frame it gave:
// callers commit nothing of a video until the frames are all read. The reason is ffmpeg's own
// error line, never its description of the input (stream info, metadata) or a filter's log.
//
// Two failures say nothing of the file: ffmpeg stopped from outside (the OOM killer, a kill,
// not a crash of its own) is FfmpegStoppedError, whose reason starts FFMPEG_STOPPED (the
// indexer tries the video again at its next run); an ffmpeg that cannot be started (gone,
// not executable) is FfmpegUnusableError (the indexer skips the run's videos, as without one).
import { spawn } from 'node:child_process';
import { parseIso6709, type Iso6709Position } from './iso6709';
import { isNoFixPosition } from '../../shared/no-fix-position';

export class VideoReadError extends Error {
  override name = 'VideoReadError';
}

/** How the reason of a video whose ffmpeg was stopped by a signal starts. */
export const FFMPEG_STOPPED = 'ffmpeg was stopped';

/** ffmpeg was stopped from outside (the OOM killer, a kill, a hang-up) before it had read the video. */
export class FfmpegStoppedError extends VideoReadError {
  override name = 'FfmpegStoppedError';
  constructor(readonly signal: NodeJS.Signals | string) {
    super(`${FFMPEG_STOPPED} (${signal}) before it had read the video: read again at the next run`);
  }
}

// The signals another process sends to stop one. Any other (SIGSEGV, SIGABRT, SIGBUS…) is
// ffmpeg crashing on this file, which it would do again at every run: the file's failure.
const STOPPING = new Set(['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP']);
// ffmpeg catches SIGTERM, SIGINT and SIGHUP itself and exits (code 255) saying so.
const SIGNAL_NUMBERS: Record<string, string> = { '1': 'SIGHUP', '2': 'SIGINT', '15': 'SIGTERM' };

/** The error of an ffmpeg that ended on `killedBy`, or said it received a stopping signal; null otherwise. */
function endedBySignal(killedBy: string | null, stderr: string): VideoReadError | null {
  if (killedBy) return STOPPING.has(killedBy) ? new FfmpegStoppedError(killedBy) : new VideoReadError(`ffmpeg crashed (${killedBy}) reading the video`);
  const received = /received signal (\d+)/.exec(stderr)?.[1];
  const name = received ? SIGNAL_NUMBERS[received] : undefined;
  return name ? new FfmpegStoppedError(name) : null;
}

/** The ffmpeg binary could not be run at all (not there, not executable): no video can be read. */
export class FfmpegUnusableError extends VideoReadError {
  override name = 'FfmpegUnusableError';
}

export interface VideoProbe {
  /** Seconds, from the container; null when it does not say (a stream cut short). */
  durationS: number | null;
  /** The container's creation_time (UTC epoch ms), null without one. */
  createdAt: number | null;
  /**
   * When it was recorded as a photo's EXIF says it (media/exif.ts `takenAt`: the wall clock
   * where it was shot, read as UTC) and that clock's offset in minutes east: from Apple's
   * `com.apple.quicktime.creationdate`, which carries both; else creation_time as it is, with
   * no offset (phones write it in UTC; many cameras write their clock there as if it were).
   */
  takenAt: number | null;
  takenOffset: number | null;
  /** The picture's size as shown (after the stream's rotation), null when ffmpeg does not say. */
  size: { width: number; height: number } | null;
  /**
   * Where it was recorded, as a phone writes it (ISO 6709: iso6709.ts): Apple's
   * `com.apple.quicktime.location.ISO6709`, else `location` (Android; QuickTime's ©xyz).
   * Null without one, and for 0,0, as a photo's EXIF (media/exif.ts): a blank, not a place.
   */
  gps: Iso6709Position | null;
  /** The first video stream's codec as ffmpeg names it ("h264", "hevc", "mjpeg"), null when it does not say. */
  codec: string | null;
}

export interface FrameSampling {
  /** A frame at least this often, seconds. */
  everyS: number;
  /** ffmpeg's scene score (0..1) above which a frame starts a new scene. */
  sceneThreshold: number;
  /** Never two frames closer than this, seconds (a flickering scene is not many scenes). */
  minGapS: number;
  /** Most frames read from one video: a long one is sampled more sparsely. */
  maxFrames: number;
  /** Frames are reduced (never enlarged) to this many pixels on their short side. */
  shortSide: number;
}

export const DEFAULT_SAMPLING: Omit<FrameSampling, 'shortSide'> = { everyS: 2, sceneThreshold: 0.3, minGapS: 0.5, maxFrames: 300 };

export interface VideoFrame {
  /** Presentation time of the frame, seconds from the start. */
  timeS: number;
  /** Packed 8-bit RGB. */
  raster: { data: Buffer; width: number; height: number };
}

/** Lines ffmpeg writes when the file ends before its data does: the video is truncated. */
const TRUNCATED = /partial file|ended prematurely|moov atom not found|truncat|unexpected end/i;

/** Length and date, from ffmpeg's description of its input (no output asked: it exits 1 by design). */
export async function probeVideo(ffmpeg: string, file: string, signal?: AbortSignal): Promise<VideoProbe> {
  const { stderr, killedBy } = await run(ffmpeg, ['-hide_banner', '-nostdin', '-i', file], signal);
  const stopped = endedBySignal(killedBy, stderr);
  if (stopped) throw stopped;
  if (!/Stream #\d+:\d+.*: Video:/.test(stderr)) throw new VideoReadError(reasonFrom(stderr, 'no video stream'));
  const d = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(stderr);
  const durationS = d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : null;
  const c = /creation_time\s*:\s*(\S+)/.exec(stderr);
  const created = c ? Date.parse(c[1]!) : NaN;
  // 1970 or 1904 epochs are what muxers write when they know no date.
  const createdAt = Number.isFinite(created) && created > Date.UTC(1971, 0, 1) ? created : null;
  const local = appleCreationDate(stderr);
  return { durationS, createdAt, takenAt: local?.takenAt ?? createdAt, takenOffset: local?.takenOffset ?? null, size: shownSize(stderr), gps: recordedAtPlace(stderr), codec: videoCodec(stderr) };
}

/** The position in the container's metadata (the iPhone's key first: it is the one iOS reads back), null without one. */
function recordedAtPlace(stderr: string): Iso6709Position | null {
  const tags = [...stderr.matchAll(/^\s+(com\.apple\.quicktime\.location\.ISO6709|location(?:-[a-z]{3})?)\s*:\s*(\S+)\s*$/gm)];
  const apple = tags.filter((t) => t[1]!.startsWith('com.apple'));
  for (const [, , value] of [...apple, ...tags.filter((t) => !apple.includes(t))]) {
    const at = parseIso6709(value!);
    if (at) return isNoFixPosition(at.lat, at.lon) ? null : at;
  }
  return null;
}

/** "Stream #0:0[0x1](und): Video: hevc (Main) (hvc1 / ...)": ffmpeg's name of the first video stream's codec. */
function videoCodec(stderr: string): string | null {
  return /Stream #\d+:\d+.*: Video: ([A-Za-z0-9_]+)/.exec(stderr)?.[1] ?? null;
}

/** "2024-06-15T21:00:00-0500" (an iPhone's clip): the wall clock, read as UTC, and its offset in minutes east. */
function appleCreationDate(stderr: string): { takenAt: number; takenOffset: number } | null {
  const m = /com\.apple\.quicktime\.creationdate\s*:\s*(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?([+-])(\d\d):?(\d\d)/.exec(stderr);
  if (!m) return null;
  const takenAt = Date.parse(`${m[1]}Z`);
  const takenOffset = (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
  // Clocks run from UTC-12 to UTC+14: anything else is a damaged tag.
  if (!Number.isFinite(takenAt) || takenAt <= Date.UTC(1971, 0, 1) || Math.abs(takenOffset) > 14 * 60) return null;
  return { takenAt, takenOffset };
}

/** The first video stream's coded size, turned as a phone's rotation metadata says (ffmpeg turns the frames so too). */
function shownSize(stderr: string): { width: number; height: number } | null {
  const m = /Stream #\d+:\d+.*: Video: .*?\b(\d{2,5})x(\d{2,5})\b/.exec(stderr);
  if (!m) return null;
  const rotation = /rotation of (-?\d+(?:\.\d+)?) degrees|rotate\s*:\s*(-?\d+)/.exec(stderr);
  const turned = rotation ? Math.abs(Math.round(Number(rotation[1] ?? rotation[2]) / 90)) % 2 === 1 : false;
  const [width, height] = [Number(m[1]), Number(m[2])];
  return turned ? { width: height, height: width } : { width, height };
}

/** The sampled frames in order; throws VideoReadError (after the frames it read) when the file is damaged. */
export async function* readVideoFrames(ffmpeg: string, file: string, sampling: FrameSampling, durationS: number | null, signal?: AbortSignal): AsyncGenerator<VideoFrame> {
  const every = Math.max(sampling.everyS, durationS ? durationS / sampling.maxFrames : 0);
  const s = Math.round(sampling.shortSide);
  const filter = [
    // Square pixels first, then at most `s` on the short side (bicubic, as photos).
    "scale='trunc(iw*sar/2)*2':ih,setsar=1",
    `scale='if(lte(iw,ih),min(iw,${s}),-2)':'if(lte(iw,ih),-2,min(ih,${s}))':flags=bicubic`,
    `select='isnan(prev_selected_t)+gte(t-prev_selected_t,${every})+gt(scene,${sampling.sceneThreshold})*gte(t-prev_selected_t,${sampling.minGapS})'`,
    'showinfo',
  ].join(',');
  const args = ['-hide_banner', '-nostdin', '-i', file, '-an', '-sn', '-dn', '-vf', filter, '-vsync', 'vfr', '-frames:v', String(sampling.maxFrames * 2), '-f', 'image2pipe', '-c:v', 'ppm', '-pix_fmt', 'rgb24', '-'];
  const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const onAbort = () => child.kill('SIGKILL');
  signal?.addEventListener('abort', onAbort, { once: true });
  const times: number[] = [];
  // What ffmpeg said besides the frames' times: its head (the input's description, early
  // errors) and its last lines (the error it stopped on), however much a damaged file made it say.
  let stderr = '';
  const tail: string[] = [];
  let waiting: (() => void) | null = null;
  const wake = () => {
    waiting?.();
    waiting = null;
  };
  let pendingLine = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    const lines = (pendingLine + text).split(/\r?\n|\r/);
    pendingLine = lines.pop() ?? '';
    for (const line of lines) {
      const t = /\bn:\s*\d+\b.*?\bpts_time:\s*(-?[\d.]+(?:e-?\d+)?)/.exec(line);
      if (t) times.push(Math.max(0, Number(t[1])));
      else if (FILTER_LOG.test(line)) continue; // showinfo's other lines about each frame
      else if (stderr.length < 16_000) stderr += line + '\n';
      else if (tail.push(line) > 20) tail.shift();
    }
    wake();
  });
  const exited = new Promise<{ code: number | null; killedBy: string | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, killedBy) => {
      if (pendingLine && !FILTER_LOG.test(pendingLine)) tail.push(pendingLine);
      stderr += tail.map((l) => l + '\n').join('');
      wake();
      resolve({ code, killedBy });
    });
  });
  let stderrClosed = false;
  void exited.finally(() => (stderrClosed = true)).catch(() => {});
  const timeOf = async (n: number): Promise<number> => {
    while (times.length <= n && !stderrClosed) await new Promise<void>((r) => (waiting = r));
    return times[n] ?? (n > 0 ? times[times.length - 1] ?? 0 : 0);
  };

  let count = 0;
  try {
    let buffer: Buffer = Buffer.alloc(0);
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        const frame = takePpm(buffer);
        if (!frame) break;
        buffer = frame.rest;
        yield { timeS: await timeOf(count), raster: frame.raster };
        count++;
      }
    }
    const { code, killedBy } = await exited;
    if (signal?.aborted) return;
    const stopped = endedBySignal(killedBy, stderr);
    if (stopped) throw stopped;
    const truncated = saidLines(stderr).find((l) => TRUNCATED.test(l));
    if (code !== 0) throw new VideoReadError(reasonFrom(stderr, `ffmpeg exited with code ${code}`));
    if (truncated) throw new VideoReadError(`video is truncated or damaged (${truncated})`);
    if (count === 0) throw new VideoReadError('no frame could be decoded');
  } catch (error) {
    if (error instanceof VideoReadError) throw error;
    throw cannotStart(error, ffmpeg) ?? error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** One PPM (P6, 8-bit) frame from the head of `b`, or null until it has arrived whole. */
function takePpm(b: Buffer): { raster: VideoFrame['raster']; rest: Buffer } | null {
  // "P6" whitespace width whitespace height whitespace maxval single-whitespace data
  const head = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(b.subarray(0, 64).toString('latin1'));
  if (!head) {
    if (b.length >= 64) throw new VideoReadError('ffmpeg sent an unreadable frame');
    return null;
  }
  const width = Number(head[1]);
  const height = Number(head[2]);
  if (Number(head[3]) !== 255) throw new VideoReadError(`unexpected frame depth ${head[3]}`);
  const start = head[0].length;
  const end = start + width * height * 3;
  if (b.length < end) return null;
  // A copy: the frame outlives the chunk it came in, which Node may reuse.
  return { raster: { data: Buffer.from(b.subarray(start, end)), width, height }, rest: b.subarray(end) };
}

/** Runs ffmpeg to its end and returns what it said (stdout is not wanted), and the signal that ended it, if one did. */
function run(ffmpeg: string, args: string[], signal?: AbortSignal): Promise<{ code: number | null; killedBy: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(signal ? { signal } : {}) });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t: string) => {
      if (stderr.length < 64_000) stderr += t;
    });
    child.on('error', (error: NodeJS.ErrnoException) => reject(cannotStart(error, ffmpeg) ?? error));
    child.on('close', (code, killedBy) => resolve({ code, killedBy, stderr }));
  });
}

/** The error of a spawn whose binary could not be started, said as such; null for any other error. */
function cannotStart(error: unknown, ffmpeg: string): FfmpegUnusableError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new FfmpegUnusableError(`ffmpeg not found at ${ffmpeg}`);
  if (code === 'EACCES' || code === 'ENOEXEC' || code === 'EISDIR') return new FfmpegUnusableError(`ffmpeg at ${ffmpeg} cannot be run (${code})`);
  return null;
}

/** A filter's log line (showinfo describes every frame it passes): never a reason. */
const FILTER_LOG = /^\[Parsed_/;

/**
 * The lines in which ffmpeg speaks of a problem, without their "[demuxer @ 0x...]" prefix: not
 * its description of the input (indented: metadata, "Stream #0:0: Video: ... unknown ..."),
 * not its headings, progress or filters' logs.
 */
function saidLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s/.test(l) && !FILTER_LOG.test(l) && !/^(Input|Output) #\d|^Stream mapping:|^Press \[q\]|^(frame|size)=/.test(l))
    .map(clean)
    .filter(Boolean);
}

/** What ffmpeg says when it cannot read something; its closing "Conversion failed!" and the probe's "At least one output file" say nothing. */
const ERROR_LINE = /\berror\b|\binvalid\b|not found|could not (find|open|read|seek)|no such file|permission denied|not supported|unsupported|unknown (en|de)coder|corrupt|failed to/i;

/** The line of ffmpeg's output that says what is wrong (its first error line), or `fallback`. */
export function reasonFrom(stderr: string, fallback: string): string {
  const lines = saidLines(stderr);
  const truncated = lines.find((l) => TRUNCATED.test(l));
  if (truncated) return `video is truncated or damaged (${truncated})`;
  const bad = lines.find((l) => ERROR_LINE.test(l) && !/^At least one output|^Conversion failed/i.test(l));
  return bad ? `video cannot be read (${bad})` : fallback;
}

function clean(line: string): string {
  return line.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '').trim().slice(0, 200);
}
