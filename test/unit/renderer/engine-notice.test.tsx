// The engine's errors reach the user: the app's engine process crashed and was restarted (a
// running index job ended with it), could not start again, or following the folders failed.
// main sends them as error-level 'log' events (engine-host.ts); the page keeps the newest and
// shows them in a banner until dismissed. Info and warnings stay in the log.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../../src/shared/api';
import { EngineNotice } from '../../../src/renderer/components/EngineNotice';
import { MAX_ENGINE_NOTICES, withEngineNotice } from '../../../src/renderer/lib/engine-notices';

const CRASH = 'The engine stopped unexpectedly (exit code 139) and was restarted; jobs that were running (indexing, an import, a download) stopped';
const error = (message: string): LibraryEvent => ({ type: 'log', level: 'error', message });

describe("the engine's errors kept for the page", () => {
  it('keeps an error, and leaves the lines as they were for anything else', () => {
    expect(withEngineNotice([], error(CRASH))).toEqual([CRASH]);
    const lines = [CRASH];
    for (const event of [
      { type: 'log', level: 'info', message: 'watch: /photos is back: followed again' },
      { type: 'log', level: 'warn', message: 'XMP sidecar not updated: /photos/a.xmp' },
      { type: 'folders-changed' },
      { type: 'photos-changed', added: 0, removed: 0 },
    ] satisfies LibraryEvent[]) {
      expect(withEngineNotice(lines, event), event.type).toBe(lines);
    }
  });

  it('shows a repeated error once, as the newest, and only the newest few', () => {
    expect(withEngineNotice([CRASH, 'watch: EMFILE'], error(CRASH))).toEqual(['watch: EMFILE', CRASH]);
    let lines: readonly string[] = [];
    for (let i = 1; i <= MAX_ENGINE_NOTICES + 2; i++) lines = withEngineNotice(lines, error(`failure ${i}`));
    expect(lines).toEqual(Array.from({ length: MAX_ENGINE_NOTICES }, (_, i) => `failure ${i + 3}`));
  });
});

describe('the notice', () => {
  it('says what happened, as an alert with a Dismiss button', () => {
    const html = renderToStaticMarkup(<EngineNotice lines={[CRASH, 'watch: EMFILE']} onDismiss={() => {}} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain(`<p>${CRASH}</p>`);
    expect(html).toContain('<p>watch: EMFILE</p>');
    expect(html).toMatch(/<button type="button" class="link-button">Dismiss<\/button>/);
  });

  it('is nothing without an error', () => {
    expect(renderToStaticMarkup(<EngineNotice lines={[]} onDismiss={() => {}} />)).toBe('');
  });
});
