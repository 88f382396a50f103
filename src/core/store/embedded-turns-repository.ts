// At which turn each content's vector was embedded, one table per model
// (`embedded_turns__<model key>`): the record that lets every model's vectors follow Rotate.
// A turn embeds the photo again with the active model only (library/turned-embeddings.ts); a
// model switched to later, or a copy this device could not read then, still holds the vector
// of the photo as it was. Comparing this record with the rotations tells the index run which
// contents to embed again (library/turn-alignment.ts). Only contents ever turned have a row:
// no row means the vector shows the photo as its file does. Small: read whole, per version.
//
// Created by the first write (no schema version needed: no existing table changed).
import { Field, Int32, Schema, Utf8 } from 'apache-arrow';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { modelKey } from './model-key';
import { PerVersionRead } from './per-version-read';
import { oneAtATime } from '../../base/one-at-a-time';

export const EMBEDDED_TURNS_PREFIX = 'embedded_turns__';

/** `key`: the model's tables' (model-tables.ts), by default its id's own. */
export function embeddedTurnsTableName(modelId: string, key = modelKey(modelId)): string {
  return EMBEDDED_TURNS_PREFIX + key;
}

function embeddedTurnsSchema(): Schema {
  return new Schema([new Field('hash', new Utf8(), false), new Field('turns', new Int32(), false)]);
}

export class EmbeddedTurnsRepository {
  private readonly turns: PerVersionRead<ReadonlyMap<string, number>>;
  // The indexer and a turn may record at once: the first write creates the table.
  private readonly queue = oneAtATime();

  constructor(
    private readonly conn: LibraryConnection,
    private readonly tableName: string,
  ) {
    this.turns = new PerVersionRead(conn, tableName, async (table) => {
      const rows = new ColumnReader(await table.query().select(['hash', 'turns']).toArrow());
      return new Map(Array.from({ length: rows.length }, (_, i) => [rows.string('hash', i), rows.number('turns', i)] as const));
    }, new Map());
  }

  /** The turn each recorded content's vector shows it at (shared: callers must not change it). */
  all(): Promise<ReadonlyMap<string, number>> {
    return this.turns.get();
  }

  /** Records that these contents' vectors now show them at these turns (0: as their files show them). */
  record(entries: readonly { hash: string; turns: number }[]): Promise<void> {
    return this.queue(async () => {
      const unique = [...new Map(entries.map((e) => [e.hash, e.turns])).entries()].map(([hash, turns]) => ({ hash, turns }));
      if (unique.length === 0) return;
      const data = rowsToArrow(embeddedTurnsSchema(), unique);
      const table = await this.conn.table(this.tableName);
      if (!table) await this.conn.createTable(this.tableName, data);
      else await table.mergeInsert('hash').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
    });
  }
}
