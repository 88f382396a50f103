// How a photo was taken, in one line, the same in the viewer's details and in `shoebox show`:
// "f/7.1 · 1/160 s · 135 mm · ISO 100", the order and the words of Google Photos and Immich.
// Figures the camera did not record are left out; nothing recorded is the empty string.
import type { PhotoExposure } from './api';

/** One decimal at most, none when whole: 7.1, 8 (not 8.0), 4.2 for 4.15. */
function decimal(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/**
 * A shutter time as photographers say it: "1/160 s" under a quarter second (the camera's
 * own fractions; 1/159.7 from a rounding rational is 1/160), else seconds, "0.3 s", "2 s".
 * The quarter-second line is exiftool's, so both read alike.
 */
export function exposureTimeText(seconds: number): string {
  if (seconds < 0.25001) return `1/${Math.round(1 / seconds)} s`;
  return `${decimal(seconds)} s`;
}

/** A focal length, with the camera's 35 mm equivalent where it differs: "4.2 mm (29 mm in 35 mm)". */
export function focalLengthText(exposure: Pick<PhotoExposure, 'focalLength' | 'focalLength35mm'>): string | null {
  const { focalLength, focalLength35mm } = exposure;
  if (focalLength === undefined) return focalLength35mm === undefined ? null : `${decimal(focalLength35mm)} mm in 35 mm`;
  const own = `${decimal(focalLength)} mm`;
  return focalLength35mm === undefined || decimal(focalLength35mm) === decimal(focalLength) ? own : `${own} (${decimal(focalLength35mm)} mm in 35 mm)`;
}

/** "f/7.1 · 1/160 s · 135 mm · ISO 100"; '' when the camera recorded none of them. */
export function exposureText(exposure: PhotoExposure | undefined): string {
  if (!exposure) return '';
  return [
    exposure.fNumber !== undefined ? `f/${decimal(exposure.fNumber)}` : null,
    exposure.time !== undefined ? exposureTimeText(exposure.time) : null,
    focalLengthText(exposure),
    exposure.iso !== undefined ? `ISO ${Math.round(exposure.iso)}` : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
}
