// The line beside a model in use that has not embedded the library, when the model the photos
// are embedded with is the one chosen here: it must name the flag that put another model in
// use, never send a user who passed --model looking for a --model-dir they did not use.
import { describe, expect, it } from 'vitest';
import { otherModelText } from '../../../src/shared/other-model-text';

const CHOSEN = { id: 'tiny-immich', reason: 'library', photos: 77, bring: 'chosen', command: null } as const;

describe('otherModelText for the model chosen here', () => {
  it('names --model when the user passed --model', () => {
    const line = otherModelText(CHOSEN, 'vit-b32-immich', '--model');
    expect(line).toContain('tiny-immich is installed and chosen here: search without --model to use it');
    expect(line).not.toContain('--model-dir');
  });

  it('names --model-dir when the user passed --model-dir', () => {
    expect(otherModelText(CHOSEN, 'other', '--model-dir')).toContain('search without --model-dir to use it');
  });

  it('names both flags when the caller does not know which was used', () => {
    expect(otherModelText(CHOSEN, 'vit-b32-immich')).toContain('search without --model or --model-dir to use it');
  });
});
