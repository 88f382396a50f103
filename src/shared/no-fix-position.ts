// 0, 0 (the Gulf of Guinea, "Null Island") is what a camera writes when it had no GPS fix, so
// Shoebox reads it as no position (media/exif.ts). A place typed or chosen at exactly 0, 0 is
// refused for the same reason: it would read back as a position far from any town that no
// camera could tell from "none". Removing a place is `place remove` / the app's Remove place.

/** Whether a position is the cameras' "no fix" value. */
export function isNoFixPosition(lat: number, lon: number): boolean {
  return lat === 0 && lon === 0;
}

export const NO_FIX_REFUSAL = "0, 0 is the position cameras write without a GPS fix, so Shoebox reads it as no position: to show a photo without a place, remove its place ('shoebox place remove')";
