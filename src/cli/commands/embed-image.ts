import type { Command } from 'commander';
import { EXIT_FAILURE, printJson, printLine, printable, progressLine, vectorToJson } from '../output';
import { absentFile, noSuchFileText } from '../no-such-file';
import { openModel, withModelOptions, type ModelOptions } from '../model-options';
import type { GlobalOptions } from '../global-options';
import type { ImageResult } from '../../core/index';

/** Why a file was not embedded: a path that names nothing on disk as `show` says it, not Node's "ENOENT: …, open 'x'". */
function failure(r: ImageResult): { line: string; json: string | undefined } {
  const absent = absentFile(r.path);
  if (absent !== null) return { line: noSuchFileText(absent), json: 'no such file' };
  return { line: `${r.path}: ${String(r.error)}`, json: r.error };
}

export function registerEmbedImage(program: Command): void {
  withModelOptions(program.command('embed-image'), 'photos')
    .description('embed image files with the CLIP vision model (L2-normalised); unreadable files are reported, the rest still done')
    .argument('<file...>', 'image files')
    .option('--json', 'print [{"path", "embedding"} | {"path", "error"}] in input order')
    .action(async (files: string[], opts: ModelOptions & { json?: boolean }, cmd: Command) => {
      const model = await openModel(opts, cmd.optsWithGlobals<GlobalOptions>());
      const results: ImageResult[] = new Array(files.length);
      const progress = progressLine(true);
      let done = 0;
      try {
        // Files are read as indexing reads them (HEIC, RAW previews), not only what sharp opens.
        await model.embedImageFiles(files, (r) => {
          results[r.index] = r;
          progress.update(++done, files.length);
        });
      } finally {
        progress.end();
        await model.close();
      }
      const failed = results.filter((r) => r.error !== undefined);
      if (opts.json) {
        printJson(results.map((r) => (r.embedding ? { path: r.path, embedding: vectorToJson(r.embedding) } : { path: r.path, error: failure(r).json })));
      } else {
        for (const r of results) {
          if (r.embedding) printLine(`${printable(r.path)}\t${r.embedding.length}-d`);
          else process.stderr.write(`shoebox: ${printable(failure(r).line)}\n`);
        }
      }
      if (failed.length) process.exitCode = EXIT_FAILURE;
    });
}
