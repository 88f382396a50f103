// The measured choice of provider. A GPU provider that loads is not yet a GPU that helps:
// WebGPU also loads on a CPU emulating a GPU (SwiftShader), and a weak GPU can lose to a
// strong CPU. So `auto` skips adapters known to be software, times a few batches of the real
// model on the GPU provider against the CPU, and keeps the GPU only when it is faster. The
// verdict is remembered per model and machine (a small JSON file in the home's cache
// folder) so that later starts load straight onto the winner. A forced provider is used
// even when slower (the user asked); its figures are measured and shown all the same.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import type { ExecutionProviderName, ProviderAdapter, ProviderMeasurement } from '../../shared/api';
import { writeFileAtomicSync } from '../../base/atomic-write';
import type { AdapterGuess } from './webgpu-adapter';
import { providerSetupHint } from './providers';

export interface Choice<S> {
  session: S;
  provider: ExecutionProviderName;
  /** Why each better provider was passed over, joined; null when the first choice won. */
  fallbackReason: string | null;
  adapter: ProviderAdapter | null;
  measured: ProviderMeasurement | null;
}

export interface ChooseDeps<S> {
  /** Creates a session on one provider; throws when it cannot. */
  load(provider: ExecutionProviderName): Promise<S>;
  /**
   * Items per second on a few batches, after one untimed warm-up run; throws when a run fails.
   * null: nothing worth timing (a probe without a model); a provider that loads is kept.
   */
  measure: ((session: S) => Promise<number>) | null;
  release(session: S): Promise<void>;
  /** What can be told about a provider's adapter; null where nothing can. */
  adapterOf(provider: ExecutionProviderName): AdapterGuess | null;
  cache: VerdictCache | null;
  /** Identifies the model file (modelFingerprint) for the cache. */
  modelKey: string;
}

/**
 * Goes through `order` (GPU providers best first, CPU last). In 'auto' mode a provider must
 * also be a real GPU and beat the CPU; in 'forced' mode loading and running is enough.
 */
export async function chooseSession<S>(order: readonly ExecutionProviderName[], mode: 'auto' | 'forced', deps: ChooseDeps<S>): Promise<Choice<S>> {
  const failures: string[] = [];
  let cpu: { session: S; rate?: number } | undefined;
  const cpuSession = async () => (cpu ??= { session: await deps.load('cpu') });
  const cpuRate = async (measure: (session: S) => Promise<number>) => {
    const c = await cpuSession();
    c.rate ??= await measure(c.session);
    return c.rate;
  };
  let lastAdapter: ProviderAdapter | null = null;
  let lastMeasured: ProviderMeasurement | null = null;
  const reason = () => (failures.length ? failures.join('; ') : null);

  for (const provider of order) {
    if (provider === 'cpu') {
      const session = (await cpuSession()).session;
      return { session, provider, fallbackReason: reason(), adapter: lastAdapter, measured: lastMeasured };
    }
    const guess = deps.adapterOf(provider);
    const adapter = guess?.adapter ?? null;
    if (adapter) lastAdapter = adapter;
    if (mode === 'auto' && guess?.missing) {
      failures.push(`${provider} not tried: ${guess.missing}`);
      continue;
    }
    if (mode === 'auto' && adapter?.kind === 'software') {
      failures.push(`${provider} adapter is a software renderer (${adapter.name})`);
      continue;
    }
    const key = verdictKey(deps.modelKey, provider, guess?.driverKey ?? '');
    const cached = deps.cache?.get(key) ?? null;
    if (mode === 'auto' && cached && !faster(cached)) {
      lastMeasured = cached;
      failures.push(slowerReason(cached));
      continue;
    }
    // A provider that could not load on this hardware is not tried again until a driver or a
    // device changes: each try costs a start ~60 ms and Dawn's lines on stderr (a CPU-only
    // Linux box: "XDG_RUNTIME_DIR is invalid", "Vulkan ... required") at every command.
    const failureKey = guess?.hardwareKey ? loadFailureKey(provider, guess.hardwareKey) : null;
    const failedBefore = mode === 'auto' && failureKey ? (deps.cache?.failure(failureKey) ?? null) : null;
    if (failedBefore) {
      failures.push(`${provider} not tried: it failed to load on ${new Date(failedBefore.at).toISOString().slice(0, 10)} with the same drivers and devices (${failedBefore.reason})`);
      continue;
    }
    let session: S;
    try {
      session = await deps.load(provider);
    } catch (err) {
      const hint = providerSetupHint(provider);
      failures.push(`${provider} failed to load: ${oneLine(err)}${hint ? ` (${hint})` : ''}`);
      if (failureKey && NO_ADAPTER.test(oneLine(err))) deps.cache?.setFailure(failureKey, { provider, reason: oneLine(err) });
      continue;
    }
    if (failureKey) deps.cache?.clearFailure(failureKey); // it loads now (the user forced it): auto tries it again
    let measured = cached;
    const measure = deps.measure;
    if (!measured && measure) {
      let rate: number;
      try {
        rate = await measure(session);
      } catch (err) {
        await deps.release(session).catch(() => {});
        failures.push(`${provider} failed at first run: ${oneLine(err)}`);
        continue;
      }
      measured = { provider, rate, cpuRate: await cpuRate(measure) };
      deps.cache?.set(key, measured);
    }
    if (measured) lastMeasured = measured;
    if (mode === 'auto' && measured && !faster(measured)) {
      await deps.release(session).catch(() => {});
      failures.push(slowerReason(measured));
      continue;
    }
    if (cpu) await deps.release(cpu.session).catch(() => {});
    return { session, provider, fallbackReason: reason(), adapter, measured };
  }
  throw new Error(`no execution provider loads: ${reason() ?? 'none tried'}`);
}

/**
 * A load that failed for want of an adapter: the hardware is not there, and will not be until a
 * driver or a device changes. Other failures (a device lost, out of memory) may pass: not remembered.
 */
const NO_ADAPTER = /no supported adapters|failed to get a webgpu adapter/i;

function faster(m: ProviderMeasurement): boolean {
  return m.rate > m.cpuRate;
}

export function formatRate(rate: number): string {
  return `${rate >= 100 ? Math.round(rate) : rate.toFixed(1)}/s`;
}

export function slowerReason(m: ProviderMeasurement): string {
  return `${m.provider} slower than CPU: ${formatRate(m.rate)} vs ${formatRate(m.cpuRate)}`;
}

export function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split('\n').map((s) => s.trim()).filter(Boolean).join(' ');
  // ONNX Runtime prefixes its own source location and the failed check; the user needs
  // what follows ("Failed to get a WebGPU adapter: No supported adapters").
  return line.replace(/^\/onnxruntime_src\/\S+:\d+ .*? was false\.\s*/, '').slice(0, 400);
}

// ---- the remembered verdicts ------------------------------------------------------------

/** The verdicts' file name in the home's cache folder. */
export const PROVIDER_VERDICTS_FILE = 'provider-verdicts.json';

/** A verdict is re-measured after this long: drivers and the machine's load change. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

interface CacheFile {
  version: 1;
  entries: Record<string, ProviderMeasurement & { at: number }>;
  /** Providers that failed to load, by loadFailureKey (absent in files of older versions). */
  failures?: Record<string, LoadFailure>;
}

/** A provider that failed to load on some hardware, with ONNX Runtime's reason. */
export interface LoadFailure {
  provider: ExecutionProviderName;
  reason: string;
  at: number;
}

/** provider-verdicts.json: derived data, safe to delete; unreadable means empty. */
export class VerdictCache {
  constructor(readonly file: string, private readonly now: () => number = Date.now) {}

  get(key: string): ProviderMeasurement | null {
    const entry = this.read().entries[key];
    if (!entry || this.now() - entry.at > MAX_AGE_MS) return null;
    return { provider: entry.provider, rate: entry.rate, cpuRate: entry.cpuRate };
  }

  set(key: string, value: ProviderMeasurement): void {
    const data = this.read();
    data.entries[key] = { ...value, at: this.now() };
    this.write(data);
  }

  /** The remembered load failure under `key` (loadFailureKey), within the same month. */
  failure(key: string): LoadFailure | null {
    const entry = this.read().failures?.[key];
    return entry && this.now() - entry.at <= MAX_AGE_MS ? entry : null;
  }

  setFailure(key: string, value: Omit<LoadFailure, 'at'>): void {
    const data = this.read();
    data.failures = { ...data.failures, [key]: { ...value, at: this.now() } };
    this.write(data);
  }

  clearFailure(key: string): void {
    const data = this.read();
    if (!data.failures?.[key]) return;
    delete data.failures[key];
    this.write(data);
  }

  private write(data: CacheFile): void {
    try {
      writeFileAtomicSync(this.file, `${JSON.stringify(data, null, 2)}\n`);
    } catch {
      // A cache that cannot be written only costs the next start a new measurement.
    }
  }

  private read(): CacheFile {
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as CacheFile;
      if (data.version === 1 && data.entries && typeof data.entries === 'object') return data;
    } catch {
      // Missing or corrupt: measure again.
    }
    return { version: 1, entries: {} };
  }
}

/** The machine side of a verdict: the CPU it was measured against and ONNX Runtime's build. */
function machineKey(): string {
  const cpus = os.cpus();
  return [process.platform, process.arch, cpus[0]?.model ?? '?', cpus.length, ortVersion()].join('|');
}

/** Whether a provider loads depends on the machine and its GPU hardware, not on the model. */
export function loadFailureKey(provider: ExecutionProviderName, hardwareKey: string): string {
  return crypto.createHash('sha256').update([machineKey(), 'load', provider, hardwareKey].join('\n')).digest('hex').slice(0, 32);
}

export function verdictKey(modelKey: string, provider: ExecutionProviderName, driverKey: string): string {
  return crypto.createHash('sha256').update([machineKey(), modelKey, provider, driverKey].join('\n')).digest('hex').slice(0, 32);
}

/**
 * Identifies a model file without reading all of it (CLIP's vision model is ~350 MB and
 * start-up must stay fast): its size and its first and last MiB.
 */
export function modelFingerprint(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    hash.update(String(size));
    const chunk = Buffer.alloc(Math.min(size, 1 << 20));
    fs.readSync(fd, chunk, 0, chunk.length, 0);
    hash.update(chunk);
    fs.readSync(fd, chunk, 0, chunk.length, Math.max(0, size - chunk.length));
    hash.update(chunk);
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function ortVersion(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('onnxruntime-node/package.json');
    return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}
