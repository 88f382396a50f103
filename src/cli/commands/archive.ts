// `shoebox archive`: put photos out of the way without deleting them, bring them back, list
// them. Archived photos leave the app's All photos, Recently added and On this day (and
// `shoebox on-this-day`) but search, similar and albums still find them; the files are not
// touched. The archive is the library's, kept by content like favourites (core/api/archive-api.ts).
import type { Command } from 'commander';
import { registerMarkCommand } from './mark-commands';

export function registerArchive(program: Command): void {
  registerMarkCommand(program, {
    name: 'archive',
    description: 'photos kept out of the timeline and On this day but still found by search: archive, bring back and list them',
    add: { description: 'archive photos (every copy of the same photo; the files are not touched)', done: 'archived', already: (n) => (n === 1 ? 'was archived already' : 'were archived already') },
    remove: { description: 'bring archived photos back to the timeline', done: 'brought back', already: (n) => (n === 1 ? 'was not archived' : 'were not archived') },
    listDescription: 'every archived photo, by path',
    listEmpty: 'no archived photos (shoebox archive add PHOTO... archives them)',
    mark: (library, paths, on) => library.api.markArchived(paths, on),
    list: (library) => library.api.archivedPhotos(),
  });
}
