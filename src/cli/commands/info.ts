import path from 'node:path';
import type { Command } from 'commander';
import { printJson, printLine, printable } from '../output';
import { libraryChoice, type GlobalOptions } from '../global-options';
import { gpuAdapterText, providerCaveat } from '../../shared/gpu-text';

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('show the version, data folder and the execution provider CLIP runs on')
    .option('--json', 'print one JSON document')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const { createEngine, formatRate, parseLibraryUri, parseProvider } = await import('../../core/index');
      const chosen = libraryChoice(globals).library;
      const engine = await createEngine({ ...(globals.home ? { home: globals.home } : {}), provider: parseProvider(globals.provider) });
      const info = await engine.info();
      await engine.close();
      // The library the other commands would open (--library, SHOEBOX_LIBRARY, the app's saved choice, else the data
      // folder's), named as they name it, from the URI alone: info opens no library.
      const library = { ...info, library: info.library ?? libraryShown(chosen, info.home, parseLibraryUri) };
      if (opts.json) return printJson(library);
      printLine(`Shoebox ${info.version} (${info.platform})`);
      printLine(`data folder: ${info.home}`);
      printLine(`library: ${printable(library.library)}`);
      const { available, inUse, measured, fallbackReason } = info.providers;
      // --provider, SHOEBOX_PROVIDER or settings.json (program.ts's preAction hook), else auto.
      const asked = globals.provider ?? 'auto';
      // The words Settings uses: a software renderer is said to be no GPU, not named as one. A
      // provider forced away from auto is the only one tried (and no GPU is probed), so the
      // others are said to be untried rather than listed as if they had been checked.
      const provider = (name: (typeof available)[number]) => {
        const caveat = providerCaveat(name, info.providers) ?? (asked !== 'auto' && name !== asked && name !== 'cpu' ? 'not tried' : null);
        return caveat ? `${name} (${caveat})` : name;
      };
      printLine(`execution providers: ${available.map(provider).join(', ')}; in use: ${inUse}${inUseWhy(asked, inUse)}`);
      const gpu = gpuAdapterText(info.providers);
      if (gpu) printLine(`gpu adapter: ${gpu}`);
      if (measured) printLine(`measured: ${measured.provider} ${formatRate(measured.rate)} vs cpu ${formatRate(measured.cpuRate)}`);
      // A GPU provider in use with no figures yet: they come with the first model loaded on it.
      else if (inUse && inUse !== 'cpu') printLine(`measured: not yet (${inUse} is timed against the CPU the first time a model loads on it)`);
      if (fallbackReason) printLine(`note: ${fallbackReason}`);
      const { cores, decodes, pool } = info.threads;
      printLine(`indexing: ${cores} cores, up to ${decodes} photos decoded at once (libuv pool ${pool})`);
    });
}

/** Why this run uses the provider it does: auto's choice, the one asked for, or not the one asked for. */
function inUseWhy(asked: string, inUse: string | null): string {
  if (asked === 'auto') return ' (chosen by auto)';
  return inUse === asked ? ` (as asked: ${asked})` : ` (${asked} was asked for)`;
}

/** A folder's absolute path or s3://bucket/prefix, as LibraryLocation.uri shows it (no keys, no endpoint). */
function libraryShown(uri: string | undefined, home: string, parse: (uri: string) => { kind: 'local'; dir: string } | { kind: 's3'; bucket: string; prefix: string }): string {
  if (uri === undefined) return path.join(home, 'library');
  const parsed = parse(uri);
  return parsed.kind === 'local' ? parsed.dir : `s3://${parsed.bucket}${parsed.prefix ? `/${parsed.prefix}` : ''}`;
}
