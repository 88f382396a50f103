// Two devices deciding about duplicates at once in one shared library (issue #13, review of
// the S3 library): the decisions file is read, changed and written by each, so a plain write
// would keep only the last. With the conditional write (S3: If-Match / If-None-Match; a
// folder: a lock file around compare-and-write) the loser reads again: both decisions kept.
import { afterAll, describe, expect, it } from 'vitest';
import { changeDecisions, libraryDecisions, loadDecisions } from '../../src/core/dupes/decisions-file';
import type { DuplicateDecision } from '../../src/core/dupes/decisions';
import { FolderFiles, resolveLibraryLocation, S3Files, type LibraryFile, type LibraryFiles } from '../../src/core/location';
import { tempDir } from '../helpers/images';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Prefix } from '../helpers/s3-gateway';

const s3 = await s3Gateway();
afterAll(async () => {
  if (s3) await removeTestPrefixes(s3);
});

function decision(n: number): DuplicateDecision {
  const hex = n.toString(16).padStart(8, '0');
  return { id: hex, kind: 'not-duplicates', decidedAt: n, members: [{ hash: `a${hex}`, path: `/p/a${n}.jpg` }, { hash: `b${hex}`, path: `/p/b${n}.jpg` }] };
}

const add = (file: LibraryFile, d: DuplicateDecision) => changeDecisions(file, (all) => ({ decisions: [...all, d], value: d.id }));

/** Device A's view of the file, where `between` runs after A has read and before it writes:
 *  another device's whole change lands in A's read-modify-write, every time. */
function interleaved(file: LibraryFile, between: () => Promise<void>): LibraryFile {
  let pending: Promise<void> | null = null;
  const once = () => (pending ??= between());
  return {
    where: `${file.where} (device A)`, // its own queue: another device, not this process
    stamp: () => file.stamp(),
    write: (data, options) => file.write(data, options),
    read: async () => {
      const out = await file.read();
      await once();
      return out;
    },
    readVersioned: async () => {
      const out = await file.readVersioned();
      await once();
      return out;
    },
    writeIfVersion: (data, version) => file.writeIfVersion(data, version),
  };
}

async function bothKept(deviceA: LibraryFiles, deviceB: LibraryFiles): Promise<void> {
  const b = libraryDecisions(deviceB);
  await add(b, decision(1)); // the file exists: A's write is an If-Match, not If-None-Match
  const a = interleaved(libraryDecisions(deviceA), () => add(b, decision(2)).then(() => undefined));
  await add(a, decision(3));
  const ids = (await loadDecisions(libraryDecisions(deviceB), (m) => expect.fail(m))).map((d) => d.id).sort();
  expect(ids).toEqual([1, 2, 3].map((n) => decision(n).id));
}

async function manyAtOnce(deviceA: LibraryFiles, deviceB: LibraryFiles): Promise<void> {
  // Two devices, each its own queue (where differs), five decisions each, all at once.
  const a = { ...libraryDecisions(deviceA), where: 'device A' };
  const b = { ...libraryDecisions(deviceB), where: 'device B' };
  await Promise.all([...[10, 11, 12, 13, 14].map((n) => add(a, decision(n))), ...[20, 21, 22, 23, 24].map((n) => add(b, decision(n)))]);
  const ids = (await loadDecisions(libraryDecisions(deviceA), (m) => expect.fail(m))).map((d) => d.id).sort();
  expect(ids).toEqual([10, 11, 12, 13, 14, 20, 21, 22, 23, 24].map((n) => decision(n).id));
}

describe('duplicate decisions from two devices at once, in a folder library', () => {
  it('keeps both when one decides between the other reading and writing', async () => {
    const dir = tempDir('shoebox-shared-lib-');
    await bothKept(new FolderFiles(dir), new FolderFiles(dir));
  });

  it('keeps every decision of two devices deciding at the same time', async () => {
    const dir = tempDir('shoebox-shared-lib-');
    await manyAtOnce(new FolderFiles(dir), new FolderFiles(dir));
  });
});

describe.skipIf(!s3)('duplicate decisions from two devices at once, on one S3 prefix', () => {
  const device = async (uri: string) => new S3Files(await resolveLibraryLocation(uri, { defaultDir: '/unused', env: awsEnv(s3!) }));

  it('keeps both when one decides between the other reading and writing', async () => {
    const uri = s3LibraryUri(s3!, s3Prefix('f2-race'));
    await bothKept(await device(uri), await device(uri));
  });

  it('keeps every decision of two devices deciding at the same time', async () => {
    const uri = s3LibraryUri(s3!, s3Prefix('f2-race'));
    await manyAtOnce(await device(uri), await device(uri));
  });

  it('refuses a write over a version that is no longer the object (and a create over an object)', async () => {
    const files = await device(s3LibraryUri(s3!, s3Prefix('f2-cas')));
    expect(await files.writeIfVersion('x.json', '1', null)).toBe(true);
    expect(await files.writeIfVersion('x.json', '2', null)).toBe(false);
    const first = await files.readVersioned('x.json');
    expect(first.data!.toString()).toBe('1');
    expect(await files.writeIfVersion('x.json', '3', first.version)).toBe(true);
    expect(await files.writeIfVersion('x.json', '4', first.version)).toBe(false);
    expect((await files.read('x.json'))!.toString()).toBe('3');
  });
});
