// "Text in photos" for the front ends (issue #14): the library setting, how far the reading
// has got and what it costs. Turned on from the app, the photos without text are read in the
// background at once (one 'read-text' job: text-reading-job.ts); from the CLI, by the next
// `index` or `watch`.
import path from 'node:path';
import type { JobState, TextInPhotosState } from '../../shared/api';
import { contentsWithoutText, keepOcrCostIn, ocrCost, setTextInPhotos, textInPhotosEnabled } from '../text';
import type { LibraryService } from '../library/library-service';
import type { ApiContext, ApiMethods } from './api-context';
import { readingNow } from './text-reading-now';
import { photoDatesOf } from '../store/photo-dates';

export type { TextInPhotosState };

/** LibraryApi's share: the app's switch saves the setting and queues the reading. */
type TextMethods = ApiMethods<'textInPhotos' | 'setTextInPhotos'>;

export interface TextForeground {
  /** Saves the setting only: the CLI's next index or watch reads the text. */
  saveTextInPhotos(on: boolean): Promise<TextInPhotosState>;
}

/** The host's reading job (text-reading-job.ts): queue it for a library, or stop it. */
export interface TextReading {
  queue(lib: LibraryService): JobState | null;
  cancel(): Promise<void>;
}

export function textApi(ctx: ApiContext, reading: TextReading): TextMethods & TextForeground {
  // The OCR's measured cost is the device's (each CLI command is a process of its own).
  keepOcrCostIn(path.join(ctx.home, 'ocr-cost.json'));
  const state = async (): Promise<TextInPhotosState> => {
    const lib = await ctx.need();
    const store = await lib.readable();
    const [on, left, photos] = await Promise.all([textInPhotosEnabled(store), contentsWithoutText(store), photoDatesOf(store)]);
    const cost = ocrCost();
    const reading = on && left.length > 0 && (await readingNow(ctx, lib));
    return { on, contents: new Set(photos.filter((p) => (p.durationMs ?? null) === null).map((p) => p.hash)).size, left: left.length, secondsPerPhoto: cost.secondsPerPhoto, costMeasured: cost.measured, ...(reading ? { readingNow: true } : {}) };
  };
  const save = async (on: boolean): Promise<LibraryService> => {
    const lib = await ctx.need();
    await setTextInPhotos(await lib.writable(), on);
    return lib;
  };
  return {
    textInPhotos: state,
    async setTextInPhotos(on) {
      const lib = await save(on);
      // One reading job for the whole library, however many folders it has; off stops it
      // (what it read stays: turned on again, it goes on from there).
      if (on) reading.queue(lib);
      else await reading.cancel();
      return state();
    },
    async saveTextInPhotos(on) {
      await save(on);
      return state();
    },
  };
}
