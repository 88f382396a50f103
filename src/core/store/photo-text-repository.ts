// Text read in photos (`photo_text` table, issue #14), one row per content hash like the
// signatures: a photo that moves keeps its text, identical copies share one row, and
// switching CLIP models reads nothing again. `lines` keeps each line with its box as JSON
// (the viewer highlights words from it), in the photo's pixels as its file shows it, also for
// a photo the user turned (read turned, its boxes put back: `model` names the turn, so a
// photo turned again is read again); `error` marks a content the OCR could not read,
// so the reading pass does not retry it for ever. The table is created by the first write
// (a library without it has no text yet), so it changes no existing table or schema version.
//
// The full-text index: LanceDB's inverted index on `text` with ICU word segmentation (Latin
// words split at spaces and punctuation, Chinese and Japanese at dictionary words: the
// recogniser reads both), lowercased and ASCII-folded ("Café" is found by "cafe"), no
// stemming or stop words (text in photos is names, numbers, signs). Rows written after the
// index was built are searched too (LanceDB scans them flat) until `optimize` folds them in.
// ICU keeps letters and digits run together as one token ("24HOURS", "B12"), which the index
// can find only whole, and so words joined by a point or an apostrophe ("321Dogs.com",
// "McDonald's"): rows where a query word is joined to digits, a point or an apostrophe (a word of letters) or to
// letters (a number, an amount such as "3.50" too) come from a scan of the text (`regexp_like`, case ignored, accents not
// folded: 13 ms more over 20,000 rows of text when none matches), which the caller checks word by word as any candidate.
import { Field, Float64, Int32, Schema, Utf8 } from 'apache-arrow';
import type { PhotoTextHit, PhotoTextRecord } from './types';
import type { LibraryConnection } from './connection';
import { loadLanceDb } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { chunkForPredicate, column, inList, sqlString } from './sql';

export const PHOTO_TEXT_TABLE = 'photo_text';

export function photoTextSchema(): Schema {
  return new Schema([
    new Field('hash', new Utf8(), false),
    new Field('text', new Utf8(), false),
    new Field('lines', new Utf8(), false),
    new Field('width', new Int32(), false),
    new Field('height', new Int32(), false),
    new Field('model', new Utf8(), false),
    new Field('error', new Utf8(), true),
    new Field('readAt', new Float64(), false),
  ]);
}

const COLUMNS = ['hash', 'text', 'lines', 'width', 'height', 'model', 'error', 'readAt'];

export class PhotoTextRepository {
  constructor(private readonly conn: LibraryConnection) {}

  /** Inserts or replaces by hash, in one commit; builds the full-text index on the first write. */
  async put(records: readonly PhotoTextRecord[]): Promise<void> {
    if (records.length === 0) return;
    const byHash = new Map(records.map((r) => [r.hash, r]));
    const table = await this.conn.ensureTable(PHOTO_TEXT_TABLE, photoTextSchema());
    await table.mergeInsert('hash').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(rowsToArrow(photoTextSchema(), [...byHash.values()]));
    if (!(await table.listIndices()).some((i) => i.columns.includes('text'))) {
      const { Index } = await loadLanceDb();
      const config = Index.fts({ baseTokenizer: 'icu', lowercase: true, asciiFolding: true, stem: false, removeStopWords: false, withPosition: false });
      await table.createIndex('text', { config });
    }
  }

  /** Every content hash that has a row (read or failed), with what read it: the reading pass
   *  skips those read by the current OCR at the photo's current turn. */
  async models(): Promise<Map<string, string>> {
    const table = await this.conn.table(PHOTO_TEXT_TABLE);
    if (!table) return new Map();
    const rows = new ColumnReader(await table.query().select(['hash', 'model']).toArrow());
    return new Map(Array.from({ length: rows.length }, (_, i) => [rows.string('hash', i), rows.string('model', i)]));
  }

  async get(hashes: readonly string[]): Promise<PhotoTextRecord[]> {
    const table = await this.conn.table(PHOTO_TEXT_TABLE);
    if (!table) return [];
    const out: PhotoTextRecord[] = [];
    for (const chunk of chunkForPredicate([...new Set(hashes)])) {
      out.push(...readRows(new ColumnReader(await table.query().where(inList('hash', chunk)).select(COLUMNS).toArrow())));
    }
    return out;
  }

  /**
   * Full-text search: rows whose text holds any of the query's words (each within
   * `fuzziness` edits), best BM25 score first, then the rows that hold one only run together
   * with digits or letters (score 0). The caller decides how many words must match.
   */
  async search(query: string, options: { limit: number; fuzziness: number }): Promise<PhotoTextHit[]> {
    const table = await this.conn.table(PHOTO_TEXT_TABLE);
    if (!table) return [];
    const { MatchQuery } = await loadLanceDb();
    const match = new MatchQuery(query, 'text', { fuzziness: options.fuzziness, maxExpansions: 50 });
    const rows = new ColumnReader(await table.query().fullTextSearch(match).select([...COLUMNS, '_score']).limit(options.limit).toArrow());
    const hits: PhotoTextHit[] = readRows(rows).map((r, i) => ({ ...r, score: rows.number('_score', i) }));
    const joined = joinedWordsPredicate(query.split(/\s+/));
    if (joined === null) return hits;
    const seen = new Set(hits.map((h) => h.hash));
    const scanned = readRows(new ColumnReader(await table.query().where(joined).select(COLUMNS).limit(options.limit).toArrow()));
    return [...hits, ...scanned.filter((r) => !seen.has(r.hash)).map((r) => ({ ...r, score: 0 }))];
  }
}

/**
 * The rows where a word of letters has a digit, a point or an apostrophe beside it, or a number a letter (one regex,
 * one pass); null when no word is all letters or a number. A number may be an amount ("3.50",
 * "3,50": either separator, as the text search treats them), so that "TOTAL3.50" at a line's
 * end is found: its ends alone ("50") have no letter beside them. Such words need no escaping
 * in a regex once their separator is a class, and the literal goes through sqlString.
 */
function joinedWordsPredicate(words: readonly string[]): string | null {
  const letters = words.filter((w) => /^\p{L}+$/u.test(w));
  const digits = [...new Set(words.filter((w) => /^\p{Nd}+(?:[.,]\p{Nd}+)*$/u.test(w)).map((w) => w.replace(/[.,]/g, '[.,]')))];
  // A word of letters beside a digit ("24HOURS"), or inside a word that ICU keeps whole across
  // a point or an apostrophe ("321Dogs.com", "www.example.com", "McDonald's"): text-match.ts splits those there.
  const beside = `[\\d.'’]`;
  const alternatives = [...(letters.length > 0 ? [`${beside}(?:${letters.join('|')})`, `(?:${letters.join('|')})${beside}`] : []), ...(digits.length > 0 ? [`\\pL(?:${digits.join('|')})`, `(?:${digits.join('|')})\\pL`] : [])];
  return alternatives.length > 0 ? `regexp_like(${column('text')}, ${sqlString(`(?i)${alternatives.join('|')}`)})` : null;
}

function readRows(rows: ColumnReader): PhotoTextRecord[] {
  return Array.from({ length: rows.length }, (_, i) => ({
    hash: rows.string('hash', i),
    text: rows.string('text', i),
    lines: rows.string('lines', i),
    width: rows.number('width', i),
    height: rows.number('height', i),
    model: rows.string('model', i),
    error: rows.optionalString('error', i),
    readAt: rows.number('readAt', i),
  }));
}
