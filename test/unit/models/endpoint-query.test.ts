// The core's own words about a hub URL never repeat what follows `?` or `#` (a token, often),
// nor a user name or password: the app and `serve` show them as they are, without the CLI's
// scrubbing of what was typed.
import { describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../../../src/core/models/hub-client';

function message(raw: string): string {
  try {
    resolveEndpoint(raw, {});
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${raw} was accepted`);
}

describe('resolveEndpoint', () => {
  it('refuses a query or a fragment, naming the URL up to them only', () => {
    expect(message('http://127.0.0.1:8811/?token=sekrit')).toBe('--endpoint: a hub URL takes no query or fragment (http://127.0.0.1:8811/…); give the hub\'s base URL, e.g. https://huggingface.co');
    expect(message('https://mirror.example/hf#sekrit')).toBe('--endpoint: a hub URL takes no query or fragment (https://mirror.example/hf…); give the hub\'s base URL, e.g. https://huggingface.co');
    expect(message('https://mirror.example/?')).toMatch(/takes no query or fragment/);
    expect(resolveEndpoint('https://mirror.example/hf/', {})).toBe('https://mirror.example/hf');
  });

  it('quotes a URL that is none without its query, fragment or password', () => {
    expect(message('ftp://mirror/?token=sekrit')).toBe('--endpoint: "ftp://mirror/…" is not an http(s) URL (expected e.g. https://huggingface.co)');
    expect(message('notaurl#sekrit')).toBe('--endpoint: "notaurl…" is not a valid hub URL (expected e.g. https://huggingface.co)');
    expect(message('http://me:sekrit@[bad')).toBe('--endpoint: "http://…@[bad" is not a valid hub URL (expected e.g. https://huggingface.co)');
  });
});
