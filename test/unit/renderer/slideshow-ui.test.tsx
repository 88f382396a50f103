// The slideshow's controls as markup: buttons with names (play/pause says which), the seconds
// per photo as pressed choices, Loop as a toggle, and what a photo shows as (a video its poster,
// an unreachable original its thumbnail, as in the viewer).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/shared/api';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { slideSource } from '../../../src/renderer/components/slideshow/Slideshow';
import { SlideshowControls, type SlideshowControlsProps } from '../../../src/renderer/components/slideshow/SlideshowControls';

const noop = () => {};
const controls = (props: Partial<SlideshowControlsProps> = {}) =>
  renderToStaticMarkup(
    <SlideshowControls
      counter="12 of 240"
      playing
      interval={5}
      loop={false}
      canPrevious
      canNext
      onPlay={noop}
      onPrevious={noop}
      onNext={noop}
      onInterval={noop}
      onLoop={noop}
      onClose={noop}
      onHold={noop}
      {...props}
    />,
  );

const client = { imageUrl: (id: string, kind: string) => `/${kind}/${id}` } as unknown as ShoeboxClient;
const PHOTO = { id: 'p1', path: '/m/a.jpg', folder: '/m', width: 4, height: 3, takenAt: null } satisfies Photo;

describe('slideshow controls', () => {
  it('name every button, and say whether it plays', () => {
    const html = controls();
    for (const name of ['Close slideshow', 'Previous photo', 'Pause', 'Next photo']) expect(html).toContain(`aria-label="${name}"`);
    expect(html).toContain('role="group" aria-label="Slideshow controls"');
    expect(html).toContain('12 of 240');
    expect(controls({ playing: false })).toContain('aria-label="Play"');
  });

  it('show the seconds per photo as choices, the chosen one pressed, and Loop as a toggle', () => {
    const html = controls({ interval: 10, loop: true });
    expect(html).toMatch(/aria-pressed="false" aria-label="3 seconds per photo"/);
    expect(html).toMatch(/aria-pressed="false" aria-label="5 seconds per photo"/);
    expect(html).toMatch(/aria-pressed="true" aria-label="10 seconds per photo"/);
    expect(html).toMatch(/aria-pressed="true"[^>]*>.*Loop<\/button>/);
    expect(controls({ loop: false })).toMatch(/aria-pressed="false"[^>]*>.*Loop<\/button>/);
  });

  it('disable a step that goes nowhere', () => {
    expect(controls({ canPrevious: false })).toMatch(/aria-label="Previous photo"[^>]*disabled/);
    expect(controls({ canNext: false })).toMatch(/aria-label="Next photo"[^>]*disabled/);
  });

  it('show a photo full size, a video by its poster, an unreachable original by its thumbnail', () => {
    expect(slideSource(client, PHOTO)).toBe('/image/p1');
    expect(slideSource(client, { ...PHOTO, kind: 'video', duration: 3 })).toBe('/thumb/p1');
    expect(slideSource(client, { ...PHOTO, unreachable: true })).toBe('/thumb/p1');
  });
});
