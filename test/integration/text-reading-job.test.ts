// The reading pass as the host runs it (src/core/api/text-reading-job.ts): turning "Text in
// photos" on queues one 'read-text' job for the whole library (not an index job per folder),
// with progress events for the app's job list and the CLI's bar; index runs then only queue
// it; closing the app mid-way cancels it, and the next pass goes on with what is left. Real
// OCR, real library, the tiny CLIP fixture.
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRecognizeText } from '../../src/core/ocr';
import type { JobState, LibraryEvent } from '../../src/shared/api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sharedAvailable } from '../helpers/shared-data';
import { writeTextPhotos } from '../helpers/text-photos';

afterAll(() => closeRecognizeText());

const jobsOf = (events: readonly LibraryEvent[]) => {
  const byId = new Map<string, JobState>();
  for (const e of events) if (e.type === 'job') byId.set(e.job.id, e.job);
  return [...byId.values()];
};

async function until(what: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !(await what()); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) throw new Error('timed out');
  }
}

describe.skipIf(!sharedAvailable('photos'))('the reading job', () => {
  const openHost = useApiHosts();

  it('is one job for the whole library when the setting is turned on, with progress, and index runs only queue it', async () => {
    const dir = tempDir('shoebox-text-job-');
    const made = await writeTextPhotos(dir);
    const { host, events } = await openHost();
    for (const folder of ['signs', 'other']) expect(await jobFinished(events, await host.addFolder(path.join(dir, folder)))).toMatchObject({ state: 'done' });
    // Off: the index runs queued no reading.
    expect(jobsOf(events).map((j) => j.kind)).toEqual(['index', 'index']);
    const before = events.length;
    await host.setTextInPhotos(true);
    await until(() => jobsOf(events.slice(before)).some((j) => j.state === 'done' || j.state === 'failed'));
    const queued = jobsOf(events.slice(before));
    expect(queued.map((j) => [j.kind, j.state])).toEqual([['read-text', 'done']]);
    const reading = queued[0]!;
    const progress = events.slice(before).flatMap((e) => (e.type === 'index-progress' && e.jobId === reading.id ? [e.progress] : []));
    expect(progress.at(-1)).toMatchObject({ done: made.length, total: made.length });
    expect(reading.result?.summary).toMatch(new RegExp(`^text read in ${made.length} photos, 0 unreadable$`));
    expect(await host.textInPhotos()).toMatchObject({ on: true, left: 0 });

    // A new folder while on: its index job ends when its photos are embedded; one reading job follows.
    const more = tempDir('shoebox-text-job-more-');
    fs.copyFileSync(made[0]!.file, path.join(more, 'copy-with-other-bytes.jpg'));
    fs.appendFileSync(path.join(more, 'copy-with-other-bytes.jpg'), Buffer.from([0]));
    const after = events.length;
    expect(await jobFinished(events, await host.addFolder(more))).toMatchObject({ state: 'done' });
    await until(() => jobsOf(events.slice(after)).some((j) => j.kind === 'read-text' && j.state === 'done'));
    expect(jobsOf(events.slice(after)).map((j) => [j.kind, j.state])).toEqual([['index', 'done'], ['read-text', 'done']]);
    expect(await host.textInPhotos()).toMatchObject({ left: 0 });
  }, 600_000);

  it('is cancelled when the app closes mid-way and goes on from what is left', async () => {
    const dir = tempDir('shoebox-text-job-close-');
    const made = await writeTextPhotos(dir);
    const home = tempDir();
    const first = await openHost({ home });
    expect(await jobFinished(first.events, await first.host.addFolder(dir))).toMatchObject({ state: 'done' });
    await first.host.setTextInPhotos(true);
    // Close once a few photos are read (the progress says so).
    const readingId = () => jobsOf(first.events).find((j) => j.kind === 'read-text')?.id;
    await until(() => first.events.some((e) => e.type === 'index-progress' && e.jobId !== undefined && e.jobId === readingId() && e.progress.done >= 3));
    await first.host.close();
    const reading = jobsOf(first.events).find((j) => j.kind === 'read-text')!;
    expect(reading.state).toBe('cancelled');
    const second = await openHost({ home });
    const left = (await second.host.textInPhotos()).left;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(made.length);
    await second.host.setTextInPhotos(true);
    await until(() => jobsOf(second.events).some((j) => j.kind === 'read-text' && j.state === 'done'));
    const secondId = jobsOf(second.events).find((j) => j.kind === 'read-text')!.id;
    const progress = second.events.flatMap((e) => (e.type === 'index-progress' && e.jobId === secondId ? [e.progress] : []));
    // Only what was left is read: the first pass's photos are not read again.
    expect(progress.at(-1)).toMatchObject({ done: left, total: left });
    expect(await second.host.textInPhotos()).toMatchObject({ left: 0 });
  }, 600_000);

  it('stops when the setting is turned off', async () => {
    const dir = tempDir('shoebox-text-job-off-');
    await writeTextPhotos(dir);
    const { host, events } = await openHost();
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    await host.setTextInPhotos(true);
    const readingId = () => jobsOf(events).find((j) => j.kind === 'read-text')?.id;
    await until(() => events.some((e) => e.type === 'index-progress' && e.jobId !== undefined && e.jobId === readingId() && e.progress.done >= 1));
    // Its reading job running, the host says the text is being read now (not "still to read").
    expect(await host.textInPhotos()).toMatchObject({ on: true, readingNow: true });
    await host.setTextInPhotos(false);
    expect((await host.textInPhotos()).readingNow).toBeUndefined();
    expect(jobsOf(events).find((j) => j.kind === 'read-text')!.state).toBe('cancelled');
    expect((await host.textInPhotos()).left).toBeGreaterThan(0);
  }, 600_000);

  it('in the app, reads a backlog in slices, so the watcher indexes new photos before the backlog is done', async () => {
    const dir = tempDir('shoebox-text-job-slices-');
    const made = await writeTextPhotos(dir);
    expect(made.length).toBeGreaterThanOrEqual(5);
    // As the app opens a library (it watches the folders); a slice of one photo here.
    const { host, events } = await openHost({ watch: true, readingSliceMs: 1 });
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    await host.setTextInPhotos(true);
    await until(() => jobsOf(events).some((j) => j.kind === 'read-text' && j.state === 'done'));
    // A photo arrives while most of the backlog is still unread: the watcher, running between
    // slices, indexes it then (one job for the whole backlog kept the watcher paused to the end).
    const arrived = path.join(dir, 'arrived.jpg');
    fs.copyFileSync(made[0]!.file, arrived);
    fs.appendFileSync(arrived, Buffer.from([0])); // other bytes: a new photo, not a copy
    let leftWhenIndexed = -1;
    await until(async () => {
      const photos = (await host.timeline({ limit: 100 })).photos;
      if (!photos.some((p) => p.path === arrived)) return false;
      leftWhenIndexed = (await host.textInPhotos()).left;
      return true;
    });
    expect(leftWhenIndexed).toBeGreaterThanOrEqual(2); // the new photo and at least one of the backlog
    const slices = jobsOf(events).filter((j) => j.kind === 'read-text');
    expect(slices.every((j) => j.state !== 'failed')).toBe(true);
    // The slices go on to the end by themselves.
    await until(async () => (await host.textInPhotos()).left === 0);
    expect(jobsOf(events).filter((j) => j.kind === 'read-text').length).toBeGreaterThan(made.length / 2);
  }, 600_000);
});
