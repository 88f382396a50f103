// sharp passes libvips' error text on as is, led by where it came from: sharp's own prefix
// ("Input buffer has corrupt header: "), a loader class ("VipsJpeg: ") or a C function
// ("gifload_buffer: ", "heifload: "). None of it says anything about the photo, and a function
// name in a failure reason ("unreadable GIF header: gifload_buffer: …") reads like a crash: only
// the detail is kept.

/** One leading origin: sharp's prefix, a Vips class, or a libvips function (…load, …_buffer, …_source). */
const ORIGIN = /^(?:Input buffer has corrupt header|Vips\w*|\w+load(?:_\w+)?|\w+_(?:buffer|source|file)):\s*/i;

/** "Unexpected end of GIF source data" from "gifload_buffer: Unexpected end of GIF source data". */
export function libvipsDetail(message: string): string {
  let detail = message.trim();
  for (let next = detail.replace(ORIGIN, ''); next !== detail && next !== ''; next = detail.replace(ORIGIN, '')) detail = next;
  return detail;
}
