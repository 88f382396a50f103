import type { Command } from 'commander';
import { printJson, printLine, printable, vectorToJson } from '../output';
import { openModel, withModelOptions, type ModelOptions } from '../model-options';
import type { GlobalOptions } from '../global-options';

export function registerEmbedText(program: Command): void {
  withModelOptions(program.command('embed-text'), 'texts')
    .description('embed texts with the CLIP text model (L2-normalised)')
    .argument('<text...>', 'texts to embed')
    .option('--json', 'print [{"text", "ids", "embedding"}]')
    .action(async (texts: string[], opts: ModelOptions & { json?: boolean }, cmd: Command) => {
      const model = await openModel(opts, cmd.optsWithGlobals<GlobalOptions>());
      try {
        const results = await model.embedTexts(texts);
        if (opts.json) {
          printJson(results.map((r) => ({ text: r.text, ids: r.ids, embedding: vectorToJson(r.embedding) })));
          return;
        }
        for (const r of results) {
          const head = Array.from(r.embedding.subarray(0, 4), (x) => x.toFixed(4)).join(', ');
          // A newline or tab in the text shown escaped, as every name is: one entry stays one line.
          printLine(`${printable(r.text)}\t${r.embedding.length}-d [${head}, …]`);
        }
      } finally {
        await model.close();
      }
    });
}
