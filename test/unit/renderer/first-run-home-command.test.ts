// The first-run page's terminal commands act on the data folder the page's engine uses
// (info().home): run as shown from any terminal, `models install` / `models import` put the
// model where "Check again" then finds it, not in the terminal's default data folder.
import { describe, expect, it } from 'vitest';
import { servedHomeCommand } from '../../../src/renderer/components/served-home-command';

describe('servedHomeCommand', () => {
  it('names the served data folder with --home', () => {
    expect(servedHomeCommand('shoebox models install vit-b-32-laion2b', '/srv/shoebox-home')).toBe('shoebox --home /srv/shoebox-home models install vit-b-32-laion2b');
    expect(servedHomeCommand('shoebox models import DIR', '/srv/shoebox-home')).toBe('shoebox --home /srv/shoebox-home models import DIR');
  });

  it('quotes a folder that is not one shell word', () => {
    expect(servedHomeCommand('shoebox models import DIR', "/home/me/Photo's home")).toBe(`shoebox --home '/home/me/Photo'\\''s home' models import DIR`);
  });

  it('leaves the command as it is until the folder is known', () => {
    expect(servedHomeCommand('shoebox models install x', null)).toBe('shoebox models install x');
  });
});
