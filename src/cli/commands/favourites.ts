// `shoebox favourites`: mark photos as favourites, unmark them, list them. Favourites are the
// library's (every device of a shared library sees them) and follow a photo's content through
// renames; the policy is the core's (core/api/favourites-api.ts), the same the app uses.
import type { Command } from 'commander';
import { registerMarkCommand } from './mark-commands';

export function registerFavourites(program: Command): void {
  registerMarkCommand(program, {
    name: 'favourites',
    description: 'your favourite photos: mark, unmark and list them (the app shows them with a heart)',
    add: { description: 'mark photos as favourites (every copy of the same photo is one favourite)', done: 'marked', already: (n) => (n === 1 ? 'was a favourite already' : 'were favourites already') },
    remove: { description: 'unmark photos (the files are not touched)', done: 'unmarked', already: (n) => (n === 1 ? 'was not a favourite' : 'were not favourites') },
    listDescription: 'every favourite photo, by path (search --favourites searches among them)',
    listEmpty: 'no favourites yet (shoebox favourites add PHOTO... marks them)',
    mark: (library, paths, on) => library.api.markFavourites(paths, on),
    list: (library) => library.api.favouritePhotos(),
  });
}
