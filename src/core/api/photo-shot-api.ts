// How one photo was taken (exposure, lens), read from its file when asked (media/exposure.ts),
// apart from getPhoto: getPhoto answers from the library alone, so the many callers that only
// check that a photo is there or want its name (album pins, excluded photos, a URL's photo)
// never wait on a file read (slow on a NAS). Only the viewer's details and `shoebox show` ask.
import type { PhotoShot } from '../../shared/api';
import type { ApiContext, ApiMethods } from './api-context';
import { pathFromPhotoId } from './photo-id';
import { folderReachable } from './folder-reach';
import { readShotFacts } from '../media/exposure';
import { readVideoCodec } from '../media/video-codec';

export function photoShotApi(ctx: ApiContext): ApiMethods<'photoShot'> {
  return {
    async photoShot(id: string): Promise<PhotoShot | null> {
      const photoPath = pathFromPhotoId(id);
      const lib = await ctx.open();
      if (!photoPath || !lib) return null;
      const row = (await (await lib.readable()).photosByPath([photoPath])).get(photoPath);
      if (!row) return null;
      // A file not reachable from this device (another device's path) has none.
      if (!folderReachable(row.folder)) return {};
      if (typeof row.durationMs !== 'number') return readShotFacts(row.path);
      // A video's encoding, for the viewer's "cannot play" line (never stored: read when asked).
      const videoCodec = await readVideoCodec(row.path);
      return videoCodec ? { videoCodec } : {};
    },
  };
}
