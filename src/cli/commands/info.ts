import type { Command } from 'commander';
import { printJson, printLine } from '../output';
import type { GlobalOptions } from '../global-options';

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('show the version, data folder and the execution provider CLIP runs on')
    .option('--json', 'print one JSON document')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const { createEngine, formatRate, parseProvider } = await import('../../core/index');
      const engine = await createEngine({ ...(globals.home ? { home: globals.home } : {}), provider: parseProvider(globals.provider) });
      const info = await engine.info();
      await engine.close();
      if (opts.json) return printJson(info);
      printLine(`Shoebox ${info.version} (${info.platform})`);
      printLine(`data folder: ${info.home}`);
      const { available, inUse, adapter, measured, fallbackReason } = info.providers;
      printLine(`execution providers: ${available.join(', ')}; in use: ${inUse}`);
      if (adapter) printLine(`gpu adapter: ${adapter.name}${adapter.kind === 'software' ? ' (software renderer)' : ''}`);
      if (measured) printLine(`measured: ${measured.provider} ${formatRate(measured.rate)} vs cpu ${formatRate(measured.cpuRate)}`);
      // A GPU provider in use with no figures yet: they come with the first model loaded on it.
      else if (inUse && inUse !== 'cpu') printLine(`measured: not yet (${inUse} is timed against the CPU the first time a model loads on it)`);
      if (fallbackReason) printLine(`note: ${fallbackReason}`);
      const { cores, decodes, pool } = info.threads;
      printLine(`indexing: ${cores} cores, up to ${decodes} photos decoded at once (libuv pool ${pool})`);
    });
}
