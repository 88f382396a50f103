// The reading pass inline, after each index run and watch sync, for a library used on its own
// (wired in src/core/engine.ts: the bench, tests): nothing while "Text in photos" is off;
// else the photos without text, on the process's shared OCR worker, with a line after. The
// library host (app, serve, CLI) replaces it with a job of its own queue that only queues the
// pass (src/core/api/text-reading-job.ts), so index jobs never wait on the OCR.
import type { LibraryEvent } from '../../shared/api';
import { recognizeText } from '../ocr';
import type { LibrarySettings } from '../store/types';
import { readMissingText, type ReadTextOptions, type TextReadingStore } from './text-reading';
import { textInPhotosEnabled } from './text-setting';

export type TextPassStore = TextReadingStore & Pick<LibrarySettings, 'getLibrarySetting'>;

export function textPassHook(emit: (event: LibraryEvent) => void, recognize: ReadTextOptions['recognize'] = recognizeText) {
  return async (store: TextPassStore, signal?: AbortSignal): Promise<void> => {
    if (!(await textInPhotosEnabled(store))) return;
    try {
      const s = await readMissingText(store, { recognize, ...(signal ? { signal } : {}) });
      if (s.read + s.failed > 0 || s.left > 0) {
        const left = s.left > 0 ? `, ${s.left} left for the next run` : '';
        emit({ type: 'log', level: 'info', message: `text in photos: read ${s.read}, ${s.failed} unreadable${left}` });
      }
    } catch (err) {
      emit({ type: 'log', level: 'warn', message: `text in photos: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
}
