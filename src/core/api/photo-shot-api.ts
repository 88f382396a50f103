// How one photo was taken (exposure, lens), read from its file when asked (media/exposure.ts),
// apart from getPhoto: getPhoto answers from the library alone, so the many callers that only
// check that a photo is there or want its name (album pins, excluded photos, a URL's photo)
// never wait on a file read (slow on a NAS). Only the viewer's details and `shoebox show` ask.
import type { PhotoShot } from '../../shared/api';
import type { ApiContext, ApiMethods } from './api-context';
import { pathFromPhotoId } from './photo-id';
import { folderReachable } from './folder-reach';
import { readShotFacts } from '../media/exposure';

export function photoShotApi(ctx: ApiContext): ApiMethods<'photoShot'> {
  return {
    async photoShot(id: string): Promise<PhotoShot | null> {
      const photoPath = pathFromPhotoId(id);
      const lib = await ctx.open();
      if (!photoPath || !lib) return null;
      const row = (await (await lib.readable()).photosByPath([photoPath])).get(photoPath);
      if (!row) return null;
      // A video, or a file not reachable from this device (another device's path), has none.
      return typeof row.durationMs !== 'number' && folderReachable(row.folder) ? readShotFacts(row.path) : {};
    },
  };
}
