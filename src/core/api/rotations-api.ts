// Rotate, as every photo app's: the user turns a photo a quarter at a time. Kept by content in
// the library (the store's rotations table: every copy shares it, a move or a re-index keeps
// it, every device sees it); the images the app is served are turned (image-files.ts),
// listings show the turned size, and the photo is embedded again turned, so search sees it as
// the user does (library/turned-embeddings.ts). The file is never touched. Videos are not turned (a player
// shows them as their file says). The app (by id) and the CLI (`shoebox rotate`, by path) share this.
// With "Text in photos" on, the turned photos' text is read again turned (the recogniser reads
// level text only): the app queues the reading job at once; the CLI's next `index` or `watch` reads it.
import type { RotateResult } from '../../shared/api';
import type { ApiContext, ApiMethods } from './api-context';
import { emitChanged, pathsOf, photosAtPaths } from './edits-by-path';
import { embedTurned } from '../library/turned-embeddings';
import { textInPhotosEnabled } from '../text';
import type { TextReading } from './text-api';

/** The CLI's share: by path, with what was turned, what the library does not hold, the videos left
 *  as they are and (`upright`) the photos a reset found as their files show them already. */
export interface RotationsForeground {
  /** Turns the photos at these paths by `turns` clockwise quarter turns, or with 'reset' back to how their files show them. */
  rotateByPath(paths: string[], turns: number | 'reset'): Promise<{ changed: string[]; missing: string[]; videos: string[]; unread: string[]; upright: string[] }>;
}

export function rotationsApi(ctx: ApiContext, reading: Pick<TextReading, 'queue'>): ApiMethods<'rotatePhotos'> & RotationsForeground {
  const rotateByPath = async (paths: string[], turns: number | 'reset') => {
    if (turns !== 'reset' && !Number.isInteger(turns)) throw new Error(`a rotation is whole quarter turns (got ${turns})`);
    const at = await photosAtPaths(ctx, paths);
    const isVideo = (p: string) => typeof at.rows.get(p)!.durationMs === 'number';
    // A reset of a photo never turned changes nothing: not written, not embedded again, and
    // said as it is (a count of "put back" would claim a change that did not happen).
    const turned = turns === 'reset' ? await at.store.rotations() : null;
    const isUpright = (hash: string) => turned !== null && !turned.get(hash);
    const photos = at.contents.filter((r) => typeof r.durationMs !== 'number' && !isUpright(r.hash));
    if (photos.length) await at.store.rotate(photos.map((r) => r.hash), turns);
    const upright = at.found.filter((p) => !isVideo(p) && isUpright(at.rows.get(p)!.hash));
    const changed = at.found.filter((p) => !isVideo(p) && !isUpright(at.rows.get(p)!.hash));
    if (changed.length === 0) return { changed, missing: at.missing, videos: at.found.filter(isVideo), unread: [], upright };
    emitChanged(ctx, changed); // the app shows the turned images while the embeddings follow
    // The turn is kept whatever happens here: a failure to embed is said, not thrown (a second
    // press after an error would turn the photo twice).
    const warn = (message: string) => ctx.emit({ type: 'log', level: 'warn', message });
    const unread = await embedTurned(await ctx.need(), at.store, photos).then(
      (done) => done.unread,
      (error: unknown) => {
        warn(`the turned photos could not be embedded again (${(error as Error).message.split('\n')[0]}): search still sees them as before the turn`);
        return [] as string[];
      },
    );
    if (unread.length) {
      const what = unread.length === 1 ? `${unread[0]} could not be read here` : `${unread.length} turned photos could not be read here (${unread[0]}, …)`;
      warn(`${what}: search still sees ${unread.length === 1 ? 'it' : 'them'} as before the turn`);
    }
    emitChanged(ctx, changed); // their search results and similar photos may have moved
    return { changed, missing: at.missing, videos: at.found.filter(isVideo), unread, upright };
  };
  return {
    rotateByPath,
    async rotatePhotos(ids, turns): Promise<RotateResult> {
      const { changed, videos, upright } = await rotateByPath(pathsOf(ids), turns);
      // The turn is made: a failure to queue the reading is said, not thrown (a second press would turn it twice).
      if (changed.length > 0) {
        await ctx
          .need()
          .then(async (lib) => (await textInPhotosEnabled(await lib.readable())) && reading.queue(lib))
          .catch((error: unknown) => ctx.emit({ type: 'log', level: 'warn', message: `the turned photos' text will be read again at the next index run (${(error as Error).message.split('\n')[0]})` }));
      }
      return { done: changed.length, missing: new Set(ids).size - changed.length - videos.length - upright.length, videos: videos.length };
    },
  };
}
