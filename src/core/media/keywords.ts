// The keywords another app gave a photo (Lightroom's and digiKam's keywords, Bridge's and
// Photoshop's, darktable's tags): what `shoebox description import` brings in as the photo's
// tags, so years of keywording are not left behind when a user switches. Read as those apps
// write them: an XMP sidecar's dc:subject, else the photo's own XMP dc:subject, else its IPTC
// Keywords; a sidecar named for the shot (Lightroom's `IMG_1.xmp`) is the caller's last try.
// The keywords Shoebox itself wrote into a sidecar (`--write-xmp`, listed in its
// shoebox:addedSubjects) are its tags already and are left out.
import { DOMParser, type Document } from '@xmldom/xmldom';
import { iptcText, readTextTags, type TextTags } from './caption';

const DC = 'http://purl.org/dc/elements/1.1/';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const SHOEBOX = 'urn:shoebox:xmp:1.0:';
/** The longest keyword kept (a label's longest name). */
const MAX_KEYWORD = 200;

/** The photo's keywords (trimmed, each once whatever its case), [] when it has none. `photo`: its bytes, or its path. */
export async function readKeywords(photo: Uint8Array | string, sidecarXml: string | null = null): Promise<string[]> {
  const fromSidecar = sidecarXml === null ? [] : sidecarKeywords(sidecarXml);
  return fromSidecar.length ? fromSidecar : keywordsFromTags(await readTextTags(photo));
}

/** The keywords in the photo's own segments: XMP dc:subject, else IPTC Keywords. */
export function keywordsFromTags(tags: TextTags | null): string[] {
  const xmp = keywordList(listOf(tags?.dc?.subject));
  return xmp.length ? xmp : keywordList(listOf(tags?.iptc?.Keywords).map(iptcText));
}

/** dc:subject of an XMP sidecar, without the keywords Shoebox added there; [] when none. */
export function sidecarKeywords(xml: string): string[] {
  let doc: Document;
  try {
    doc = new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml');
  } catch {
    return []; // not XML: no keywords
  }
  const items = (ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name)).flatMap((el) => Array.from(el.getElementsByTagNameNS(RDF, 'li')).map((li) => li.textContent ?? ''));
  const shoeboxs = new Set(items(SHOEBOX, 'addedSubjects').map((k) => k.trim().toLowerCase()));
  return keywordList(items(DC, 'subject').filter((k) => !shoeboxs.has(k.trim().toLowerCase())));
}

function listOf(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Keywords as labels can hold them: trimmed, control characters as spaces, "|" (which
 * separates the levels of hierarchical keywords) as "/", each once whatever its case (the
 * first spelling kept); none without a letter or digit, none longer than a label may be.
 */
function keywordList(values: readonly unknown[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    // eslint-disable-next-line no-control-regex
    const keyword = String(value).replace(/[\u0000-\u001f\u007f]+/g, ' ').replaceAll('|', '/').replace(/\s+/g, ' ').trim();
    if (!/\p{L}|\p{N}/u.test(keyword) || keyword.length > MAX_KEYWORD) continue;
    if (!seen.has(keyword.toLowerCase())) seen.set(keyword.toLowerCase(), keyword);
  }
  return [...seen.values()];
}
