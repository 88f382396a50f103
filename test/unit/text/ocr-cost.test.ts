// What the front ends show as the OCR's cost (src/core/text/ocr-cost.ts): the bench's
// estimate until this device has read a few photos, then their measured mean, kept in the
// device's data folder for the next process (each CLI command is one).
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/images';

/** The module as a new process finds it. */
const freshProcess = async () => {
  vi.resetModules();
  return import('../../../src/core/text/ocr-cost');
};

describe('ocrCost', () => {
  beforeEach(() => vi.resetModules());

  it('is the estimate until eight photos were read, then the measured mean', async () => {
    const { ESTIMATED_OCR_SECONDS, noteOcrTime, ocrCost } = await freshProcess();
    expect(ocrCost()).toEqual({ secondsPerPhoto: ESTIMATED_OCR_SECONDS, measured: false });
    for (let i = 0; i < 7; i++) noteOcrTime(500);
    expect(ocrCost().measured).toBe(false);
    noteOcrTime(1300);
    noteOcrTime(Number.NaN); // ignored
    expect(ocrCost()).toEqual({ secondsPerPhoto: 0.6, measured: true });
  });

  it('is measured still in the next process on this device (`shoebox settings` after `shoebox index`)', async () => {
    const file = path.join(tempDir(), 'ocr-cost.json');
    const indexRun = await freshProcess();
    indexRun.keepOcrCostIn(file);
    for (let i = 0; i < 8; i++) indexRun.noteOcrTime(400);
    const settings = await freshProcess();
    expect(settings.ocrCost().measured).toBe(false);
    settings.keepOcrCostIn(file);
    expect(settings.ocrCost()).toEqual({ secondsPerPhoto: 0.4, measured: true });
    // Following the last 200 photos: a slower machine since shows within them.
    for (let i = 0; i < 200; i++) settings.noteOcrTime(1000);
    expect(settings.ocrCost().secondsPerPhoto).toBeGreaterThan(0.95);
  });

  it('a kept measure that cannot be read is measured again', async () => {
    const file = path.join(tempDir(), 'ocr-cost.json');
    fs.writeFileSync(file, '{"ms": 3');
    const { ESTIMATED_OCR_SECONDS, keepOcrCostIn, ocrCost } = await freshProcess();
    keepOcrCostIn(file);
    expect(ocrCost()).toEqual({ secondsPerPhoto: ESTIMATED_OCR_SECONDS, measured: false });
  });
});
