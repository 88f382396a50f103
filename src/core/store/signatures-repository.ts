// Perceptual signatures (`signatures` table), one row per content hash: what near-duplicate
// detection compares (src/core/dupes/signature.ts). Model-independent and keyed by content,
// like thumbnails: a photo that moves keeps its signature, identical copies share one, and
// switching models recomputes nothing. The table is created by the first write (a library
// without it reads as having no signatures), so adding it changed no existing table and
// needed no schema version. Rows whose content left the library stay (about 0.5 KB each)
// and serve again if the content comes back.
import { Binary, Field, Float64, Int32, Schema, Utf8 } from 'apache-arrow';
import type { SignatureRecord } from './types';
import type { LibraryConnection } from './connection';
import { rowsToArrow } from './arrow-rows';
import { chunkForPredicate, inList } from './sql';

export const SIGNATURES_TABLE = 'signatures';

/** `signature` holds the bytes as src/core/dupes lays them out; `version` says which layout. */
export function signaturesSchema(): Schema {
  return new Schema([
    new Field('hash', new Utf8(), false),
    new Field('version', new Int32(), false),
    new Field('signature', new Binary(), false),
    new Field('sharpness', new Float64(), false),
  ]);
}

/** What the reader needs of an Arrow batch (LanceDB's CommonJS classes: duck-typed). */
interface ArrowColumn {
  get(i: number): unknown;
}
interface ArrowBatch {
  numRows: number;
  getChild(name: string): ArrowColumn | null;
}

export class SignaturesRepository {
  constructor(private readonly conn: LibraryConnection) {}

  /** Inserts or replaces by hash, in one commit (the last record of a hash wins). */
  async put(records: readonly SignatureRecord[]): Promise<void> {
    if (records.length === 0) return;
    const byHash = new Map(records.map((r) => [r.hash, r]));
    const table = await this.conn.ensureTable(SIGNATURES_TABLE, signaturesSchema());
    const data = rowsToArrow(signaturesSchema(), [...byHash.values()]);
    await table.mergeInsert('hash').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
  }

  /** All signatures, or those of `hashes` (which may be many: read in IN-list chunks). */
  async get(hashes?: readonly string[]): Promise<SignatureRecord[]> {
    const table = await this.conn.table(SIGNATURES_TABLE);
    if (!table) return [];
    const out: SignatureRecord[] = [];
    const read = async (where: string | null) => {
      let query = table.query().select(['hash', 'version', 'signature', 'sharpness']);
      if (where !== null) query = query.where(where);
      // Streamed batch by batch: at 100k rows the result is ~50 MB of signatures.
      for await (const batch of query as AsyncIterable<ArrowBatch>) readBatch(batch, out);
    };
    if (hashes === undefined) await read(null);
    else for (const chunk of chunkForPredicate([...new Set(hashes)])) await read(inList('hash', chunk));
    return out;
  }
}

function readBatch(batch: ArrowBatch, out: SignatureRecord[]): void {
  const column = (name: string): ArrowColumn => {
    const c = batch.getChild(name);
    if (!c) throw new Error(`signatures: column ${name} missing`);
    return c;
  };
  const hash = column('hash');
  const version = column('version');
  const signature = column('signature');
  const sharpness = column('sharpness');
  for (let i = 0; i < batch.numRows; i++) {
    const bytes = signature.get(i);
    if (!(bytes instanceof Uint8Array)) throw new Error(`signatures: row ${i} has no signature bytes`);
    out.push({
      hash: String(hash.get(i)),
      version: Number(version.get(i)),
      // A copy: the batch's buffer is shared by every row.
      signature: bytes.slice(),
      sharpness: Number(sharpness.get(i)),
    });
  }
}
