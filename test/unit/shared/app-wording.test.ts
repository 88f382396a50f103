// The app words the core's refusals without command-line options or commands: the one place
// that turns the CLI's line into the app's (src/shared/app-wording.ts).
import { describe, expect, it } from 'vitest';
import { appWording } from '../../../src/shared/app-wording';

describe('appWording', () => {
  it('drops the option named first and the command hint at the end', () => {
    expect(appWording('--tag cat: no label set has the label "cat" (shoebox labels list)')).toBe('no label set has the label "cat"');
    expect(appWording('--place: no town or country is called "Qwzxv" (shoebox places lists the places of your photos)')).toBe('no town or country is called "Qwzxv"');
    expect(appWording('the query image /a/b.jpg is gone')).toBe('the query image /a/b.jpg is gone');
  });
});
