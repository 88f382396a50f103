import type { Command } from 'commander';
import { printJson, printLine } from '../output';
import { libraryFor, positiveInt, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { imageVector, searchByVector, textVector } from '../../core/search/vector-search';
import type { VectorHit } from '../../core/store/types';

type SearchCliOptions = LibraryCommandOptions & { limit: string; offset: string; folder?: string };

function printHits(hits: VectorHit[], json: boolean | undefined): void {
  if (json) return printJson(hits.map((h) => ({ path: h.path, score: Number(h.score.toFixed(6)) })));
  for (const h of hits) printLine(`${h.score.toFixed(4)}\t${h.path}`);
}

function withPaging(cmd: Command): Command {
  return cmd
    .option('--limit <n>', 'results per page', '20')
    .option('--offset <n>', 'skip this many results (pagination)', '0')
    .option('--folder <dir>', 'only photos under this library folder');
}

export function registerSearch(program: Command): void {
  withPaging(withLibraryOptions(program.command('search')))
    .description('find photos by a text description, best first')
    .argument('<query...>', 'what to look for, e.g. "dog on the beach at sunset"')
    .action(async (words: string[], opts: SearchCliOptions, cmd: Command) => {
      const library = libraryFor(cmd, opts, 'shoebox search');
      try {
        const vector = await textVector(library, words.join(' '));
        const hits = await searchByVector(library, vector, pageOptions(opts));
        printHits(hits, opts.json);
      } finally {
        await library.close();
      }
    });

  withPaging(withLibraryOptions(program.command('similar')))
    .description('find photos that look like an image (indexed or not), best first')
    .argument('<image>', 'an image file')
    .action(async (image: string, opts: SearchCliOptions, cmd: Command) => {
      const library = libraryFor(cmd, opts, 'shoebox similar');
      try {
        const vector = await imageVector(library, image);
        printHits(await searchByVector(library, vector, pageOptions(opts)), opts.json);
      } finally {
        await library.close();
      }
    });
}

function pageOptions(opts: SearchCliOptions) {
  return {
    limit: positiveInt(opts.limit, '--limit'),
    offset: Number(opts.offset) || 0,
    ...(opts.folder ? { folder: opts.folder } : {}),
  };
}
