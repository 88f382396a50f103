// The real photos with GPS the Places e2e tests index (../shared/photos/exif-samples), and
// two without (ImageNet): copied into temp folders, never into the repository.
import fs from 'node:fs';
import path from 'node:path';
import { sharedAvailable, sharedPath } from '../../helpers/shared-data';

const SAMPLES = ['photos', 'exif-samples', 'jpg'];
/** Arezzo, Italy: taken 22 October 2008, a few minutes apart, oldest first. */
export const AREZZO = ['DSCN0010.jpg', 'DSCN0012.jpg', 'DSCN0021.jpg', 'DSCN0025.jpg', 'DSCN0027.jpg', 'DSCN0029.jpg', 'DSCN0038.jpg', 'DSCN0040.jpg', 'DSCN0042.jpg'];
/** Newest first, as the timeline shows them. */
export const AREZZO_NEWEST_FIRST = [...AREZZO].reverse();
export const FLORENCE = '87_OSError.jpg';
export const MADRID = ['iphone_hdr_NO.jpg', 'iphone_hdr_YES.jpg'];
export const HELSINKI = 'HMD_Nokia_8.3_5G.jpg';
export const NO_GPS = ['n01440764_tench.JPEG', 'n01530575_brambling.JPEG'];

/** Whether ../shared holds them (the tests skip without). */
export const placePhotosAvailable = sharedAvailable(...SAMPLES) && sharedAvailable('photos', 'imagenet');

function copy(from: string[], to: string): void {
  fs.copyFileSync(sharedPath(...from), path.join(to, from[from.length - 1]!));
}

/** Copies the located photos into `located` and the two without a position into `unlocated`. */
export function copyPlacePhotos(located: string, unlocated: string): void {
  for (const name of NO_GPS) copy(['photos', 'imagenet', name], unlocated);
  for (const name of AREZZO) copy([...SAMPLES, 'gps', name], located);
  copy([...SAMPLES, 'tests', FLORENCE], located);
  for (const name of MADRID) copy([...SAMPLES, 'hdr', name], located);
  copy([...SAMPLES, 'mobile', HELSINKI], located);
}
