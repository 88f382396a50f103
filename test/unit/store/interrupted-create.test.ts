// A kill -9 while LanceDB creates a table (its folder and first files written, its first
// version not yet) must not break the next run: the writer creates the table again.
import fs from 'node:fs';
import path from 'node:path';
import { Field, Float64, Schema, Utf8 } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryConnection } from '../../../src/core/store/connection';
import { tempDir } from '../../helpers/images';

const schema = () => new Schema([new Field('name', new Utf8(), false), new Field('value', new Float64(), false)]);
const opened: LibraryConnection[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.release()));

describe('a table whose creation was cut short', () => {
  it('is created again by the writer, and read as not there yet by a reader', async () => {
    const dir = tempDir('shoebox-interrupted-create-');
    const first = await LibraryConnection.acquire(dir, false);
    await first.ensureTable('frames', schema());
    first.release();
    // What a kill between the first files and the first version leaves: no _versions.
    fs.rmSync(path.join(dir, 'frames.lance', '_versions'), { recursive: true, force: true });

    const reader = await LibraryConnection.acquire(dir, true);
    opened.push(reader);
    expect(await reader.table('frames')).toBeNull();

    const writer = await LibraryConnection.acquire(dir, false);
    opened.push(writer);
    const table = await writer.ensureTable('frames', schema());
    expect(await table.countRows()).toBe(0);
    await table.add([{ name: 'a', value: 1 }]);
    expect(await table.countRows()).toBe(1);
  });
});
