// What the front ends show as the OCR's cost (src/core/text/ocr-cost.ts): the bench's
// estimate until this process has read a few photos, then their measured mean.
import { describe, expect, it } from 'vitest';
import { ESTIMATED_OCR_SECONDS, noteOcrTime, ocrCost } from '../../../src/core/text';

describe('ocrCost', () => {
  it('is the estimate until eight photos were read, then the measured mean', () => {
    expect(ocrCost()).toEqual({ secondsPerPhoto: ESTIMATED_OCR_SECONDS, measured: false });
    for (let i = 0; i < 7; i++) noteOcrTime(500);
    expect(ocrCost().measured).toBe(false);
    noteOcrTime(1300);
    noteOcrTime(Number.NaN); // ignored
    expect(ocrCost()).toEqual({ secondsPerPhoto: 0.6, measured: true });
  });
});
