// The S3 repair deletes only what it copied aside first: a table whose key listing comes back
// empty (an S3 listing gone wrong) is refused, never dropped; a torn manifest is removed with
// Lance's version hint (as the repair of a folder moves the hint aside), and only keys kept are.
import { describe, expect, it } from 'vitest';
import { CopyObjectCommand, DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { LibraryLocation } from '../../../src/core/location/library-location';
import { LibraryLocationError } from '../../../src/core/location/location-error';
import type { LibraryConnection } from '../../../src/core/store/connection';
import { repairTable } from '../../../src/core/store/repair';
import { S3DamagedCopies, type S3Sender } from '../../../src/core/store/repair-s3';

const location = LibraryLocation.s3('bucket', 'lib', { credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' }, region: 'us-east-1' });

/** An S3 client that lists `keys` under any prefix and records what it was asked to copy and delete. */
function fakeS3(keys: string[]) {
  const copied: string[] = [];
  const deleted: string[] = [];
  const sender = {
    send: (command: unknown) => {
      if (command instanceof ListObjectsV2Command) return Promise.resolve({ Contents: keys.filter((k) => k.startsWith(command.input.Prefix!)).map((Key) => ({ Key })), IsTruncated: false });
      if (command instanceof CopyObjectCommand) copied.push(command.input.Key!);
      else if (command instanceof DeleteObjectCommand) deleted.push(command.input.Key!);
      return Promise.resolve({});
    },
  } as unknown as S3Sender;
  return { sender, copied, deleted };
}

/** A connection whose table never opens (its latest manifest torn) until `opensAfter` forgets; records drops. */
function fakeConn(opensAfter = Infinity) {
  const dropped: string[] = [];
  let forgets = 0;
  const conn = {
    table: () =>
      forgets > opensAfter
        ? Promise.resolve({ version: () => Promise.resolve(1), query: () => [{ numRows: 3 }] })
        : Promise.reject(new Error('Invalid data: truncated manifest')),
    forget: () => {
      forgets++;
    },
    dropTable: (name: string) => {
      dropped.push(name);
      return Promise.resolve();
    },
  } as unknown as LibraryConnection;
  return { conn, dropped };
}

describe('the S3 repair deletes only what it kept', () => {
  it('refuses a table whose listing returned no keys: nothing copied, nothing deleted, nothing dropped', async () => {
    const s3 = fakeS3([]);
    const { conn, dropped } = fakeConn();
    const copies = new S3DamagedCopies(location, () => s3.sender);
    const error = await repairTable(conn, 'photos', copies).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryLocationError);
    expect((error as Error).message).toMatch(/photos.*returned none.*nothing was changed/);
    expect(s3.copied).toEqual([]);
    expect(s3.deleted).toEqual([]);
    expect(dropped).toEqual([]);
    expect(copies.movedAside()).toBeNull();
  });

  it('removes the version hint and the torn manifest, both kept first, and never the oldest manifest', async () => {
    const versions = 'lib/photos.lance/_versions/';
    const keys = [`${versions}18446744073709551613.manifest`, `${versions}18446744073709551614.manifest`, `${versions}latest_version_hint.json`, 'lib/photos.lance/data/a.lance'];
    const s3 = fakeS3(keys);
    // Opens once the hint and the newest manifest are gone (two forgets in: the failed open, the removal).
    const { conn, dropped } = fakeConn(1);
    const copies = new S3DamagedCopies(location, () => s3.sender);
    const result = await repairTable(conn, 'photos', copies);
    expect(result).toMatchObject({ state: 'restored' });
    expect(s3.copied.map((k) => k.replace(/^lib\/\.damaged\/[^/]+\//, 'lib/'))).toEqual(keys);
    expect(s3.deleted).toEqual([`${versions}latest_version_hint.json`, `${versions}18446744073709551613.manifest`]);
    expect(dropped).toEqual([]);
  });

  it('never deletes a key it did not copy aside', async () => {
    const copies = new S3DamagedCopies(location, () => fakeS3([]).sender);
    await expect(copies.remove('lib/photos.lance/_versions/1.manifest')).rejects.toThrow(/not copied aside/);
  });
});
