// How a photo was taken (shutter time, aperture, ISO, focal length, lens), read from its file
// when one photo's details are asked (getPhoto: the viewer's details, `shoebox show`), never
// kept in the store: only the Exif IFD's few tags are parsed, and exifr reads the file's header
// in small chunks, so it costs one short read. Photos indexed before this existed show it too.
// Nothing here throws: a file missing, unreadable, without EXIF or with broken EXIF reads as {}.
import fs from 'node:fs';
import exifr from 'exifr';
import type { PhotoExposure } from '../../shared/api';
import { NARROW_READ, text } from './exif';

export interface ShotFacts {
  exposure?: PhotoExposure;
  lens?: string;
}

const OPTIONS = {
  ...NARROW_READ,
  // IFD0 is walked for its pointer to the Exif IFD, not kept.
  ifd0: { pick: [] as string[] },
  exif: { pick: ['ExposureTime', 'FNumber', 'ISO', 'FocalLength', 'FocalLengthIn35mmFormat', 'LensModel'] },
  gps: false,
};

/** A positive finite figure under `max` (garbage and the 0 "unknown" of some cameras read as none). */
function figure(value: unknown, max: number): number | undefined {
  // ISO is a list in EXIF 2.2 (ISOSpeedRatings); its first entry is the one.
  const x = Array.isArray(value) ? value[0] : value;
  return typeof x === 'number' && Number.isFinite(x) && x > 0 && x < max ? x : undefined;
}

/** The figures and the lens EXIF recorded; an absent one is left out. */
export function shotFacts(tags: Record<string, unknown>): ShotFacts {
  const exposure: PhotoExposure = {};
  const set = <K extends keyof PhotoExposure>(key: K, value: number | undefined) => value !== undefined && (exposure[key] = value);
  set('time', figure(tags.ExposureTime, 100_000));
  set('fNumber', figure(tags.FNumber, 1000));
  set('iso', figure(tags.ISO, 10_000_000));
  set('focalLength', figure(tags.FocalLength, 100_000));
  set('focalLength35mm', figure(tags.FocalLengthIn35mmFormat, 100_000));
  const lens = text(tags.LensModel);
  return { ...(Object.keys(exposure).length ? { exposure } : {}), ...(lens ? { lens } : {}) };
}

/** Reads `file`'s shot facts; {} where it cannot (gone, another device's path, no EXIF). */
export async function readShotFacts(file: string): Promise<ShotFacts> {
  try {
    // exifr opens a file and throws before closing it when the file is all but empty (a file
    // being written, or truncated by an editor): the descriptor would leak until GC.
    if ((await fs.promises.stat(file)).size < 16) return {};
    const tags = (await exifr.parse(file, OPTIONS)) as Record<string, unknown> | undefined;
    return tags && typeof tags === 'object' ? shotFacts(tags) : {};
  } catch {
    return {};
  }
}
