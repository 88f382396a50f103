// A camera's name as a person says it, the same in the viewer's details and in `shoebox show`.
// EXIF keeps the maker and the model apart, and most makers repeat themselves in the model
// ("Canon" + "Canon EOS 40D", "NIKON CORPORATION" + "NIKON D70"), so joining them reads
// "Canon Canon EOS 40D". The model alone says it where it already names the maker; elsewhere
// the maker goes first without its company form ("OLYMPUS IMAGING CORP." + "C8080WZ":
// "Olympus C8080WZ"). The library keeps both as the file has them (`--json` prints them so).

/** A maker's company form at the end of its name: "Corporation", "Co., Ltd.", "Imaging Corp."… */
const COMPANY_FORM = /[\s,]+(?:(?:imaging|optical)\s+)?(?:corporation|corp\.?|company|co\.?,?\s*ltd\.?|co\.|inc\.?|ltd\.?|limited)$/i;

/** "NIKON CORPORATION" → "Nikon", "PENTAX Corporation" → "PENTAX", "Canon" and "SONY" as they are. */
export function makerName(make: string): string {
  const whole = make.trim();
  const name = whole.replace(COMPANY_FORM, '').trim();
  if (!name || name === whole) return whole;
  // A maker shouting its company name: its name as written elsewhere ("Nikon", "Seiko Epson"),
  // short words kept as the acronyms they are ("LG ELECTRONICS INC.": "LG Electronics").
  if (whole !== whole.toUpperCase()) return name;
  return name.replace(/\p{L}{4,}/gu, (word) => word[0] + word.slice(1).toLowerCase());
}

const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Canon EOS 40D", "NIKON D70", "Olympus C8080WZ", "Apple iPhone 6"; '' when EXIF names neither. */
export function cameraName(make: string | null | undefined, model: string | null | undefined): string {
  const maker = make?.trim() ? makerName(make) : '';
  const name = model?.trim() ?? '';
  if (!name) return maker;
  if (!maker) return name;
  // The model names the maker already: it starts with one of the maker's words ("Canon EOS
  // 40D"; "KODAK CX7530" of "EASTMAN KODAK COMPANY"; "LG-H850"), not just its letters ("HTCONE").
  const names = make!.split(/[\s,]+/).filter(Boolean).some((word) => new RegExp(`^${escaped(word)}(?![\\p{L}\\p{N}])`, 'iu').test(name));
  return names ? name : `${maker} ${name}`;
}
