// The slideshow: the viewer's list (the timeline, search results, an album, Favourites, a
// place), one photo at a time over black, from the photo the viewer showed. It plays by
// itself every few seconds, cross-fading, and each photo is loaded and decoded before its
// turn: a photo not ready yet is waited for with the last one still on screen. The list is
// the viewer's own paged source, so its pages load as the slideshow reaches them.
//
// Keys (nothing behind it sees them: the viewer's, the zoom's and the app's shortcuts rest):
// space plays / pauses, ← → step, Esc closes. The element asks for the browser's fullscreen;
// refused, it is a full-window overlay all the same, and leaving fullscreen closes it.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Photo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import type { ShoeboxClient } from '../../client/client';
import { useSlideshowIdle } from '../../hooks/slideshow-idle';
import { useSlideshowImages } from '../../hooks/slideshow-images';
import { useFullscreen, usePageVisible } from '../../hooks/slideshow-page';
import { useInertBackground } from '../../hooks/useInertBackground';
import { baseName } from '../../lib/format';
import type { PagedPhotos } from '../../lib/paged-photos';
import { browserStore, intervalMs, readSettings, writeSettings, type IntervalChoice } from '../../lib/slideshow-settings';
import { counterText, nextStep, placeInList, previousStep, type ListExtent } from '../../lib/slideshow-steps';
import { SlideshowControls } from './SlideshowControls';
import { slideImage } from './slide-image';
import { PHOTO_FILE_GONE_TEXT } from '../file-gone-text';
import '../../styles/slideshow.css';

interface SlideshowProps {
  /** The viewer's list. */
  source: PagedPhotos;
  /** Where it starts: the viewer's photo. */
  start: number;
  /** Closed (Esc, the close button, leaving fullscreen) on the photo at `index`. */
  onClose: (index: number) => void;
}

/** Controls and cursor fade after this long without a mouse move or a key. */
const CONTROLS_LINGER_MS = 2000;

/** One photo on screen; the one before it fades out under it. */
interface Slide {
  key: string;
  index: number;
  src: string;
  name: string;
  video: boolean;
  failed: boolean;
  /** The thumbnail shows: the photo's own file could not be loaded (gone since indexing). */
  standIn: boolean;
}

/**
 * What a photo shows as: its full-size image, as in the viewer. A video shows its poster (the
 * library's thumbnail) for its turn, marked as a video, rather than playing; an unreachable
 * original (another device's folder) shows its thumbnail, as in the viewer.
 */
export function slideSource(client: ShoeboxClient, photo: Photo): string {
  return client.imageUrl(photo.id, photo.kind === 'video' || photo.unreachable ? 'thumb' : 'image', photo.rotation);
}

export function Slideshow({ source, start, onClose }: SlideshowProps) {
  const client = useClient();
  const root = useRef<HTMLDivElement>(null);
  const [settings, setSettings] = useState(() => readSettings(browserStore()));
  /** The photo wanted on screen: shown as soon as it is loaded. */
  const [target, setTarget] = useState(start);
  const [slides, setSlides] = useState<{ previous: Slide | null; current: Slide | null }>({ previous: null, current: null });
  const [playing, setPlaying] = useState(true);
  /** Stopped on the last photo (no Loop): the note shows; Play starts again at the first. */
  const [ended, setEnded] = useState(false);
  /** The photo's time is up: step on as soon as the next one can be known. */
  const [due, setDue] = useState(false);
  /** Said politely by screen readers: the counter when paused or stepped by hand, never while it plays on. */
  const [announcement, setAnnouncement] = useState('');
  const visible = usePageVisible();
  const idle = useSlideshowIdle(CONTROLS_LINGER_MS);
  const images = useSlideshowImages();
  const lastShown = useRef(start);
  const closed = useRef(false);
  /** Whether the wanted photo is the clock's choice rather than the user's (an arrow key). */
  const clockMoved = useRef(false);

  const list: ListExtent = { count: source.count, complete: source.complete };
  const { current } = slides;
  const shown = current?.index ?? target;

  const close = () => {
    if (closed.current) return;
    closed.current = true;
    onClose(lastShown.current);
  };
  useFullscreen(root, close);

  useEffect(() => writeSettings(browserStore(), settings), [settings]);
  useEffect(() => root.current?.focus(), []);
  // Its own Tab cycling (below) rather than useFocusTrap's; the viewer under it goes inert with the page.
  useInertBackground(root);

  // The list came shorter than the wanted photo (started past its end, photos removed
  // meanwhile): the last one; an empty list ends the slideshow.
  useEffect(() => {
    if (!source.settled || source.error) return;
    const place = placeInList(target, list);
    if (place === null) close();
    else if (place !== target) setTarget(place);
  });

  // The wanted photo's page and its neighbours', ahead of time.
  useEffect(() => source.request(Math.max(0, target - 1), target + 3), [source, target]);

  // The wanted photo: loaded off screen, then shown (the one before fades out).
  // One whose own image fails (its file moved away since indexing) shows its thumbnail, as the viewer does.
  const photo = source.get(target);
  const src = photo ? slideSource(client, photo) : null;
  const image = photo && src ? slideImage(src, client.imageUrl(photo.id, 'thumb', photo.rotation), images.state) : null;
  useEffect(() => {
    if (src) images.load(src);
    if (image?.kind === 'wait' && image.load) images.load(image.load);
  });
  const shownSrc = image?.kind === 'show' ? image.src : null;
  const failed = image?.kind === 'show' && image.failed;
  const standIn = image?.kind === 'show' && image.standIn === true;
  useEffect(() => {
    if (!photo || !shownSrc) return;
    const key = `${target}:${photo.id}`;
    if (current?.key === key) return;
    lastShown.current = target;
    const slide = { key, index: target, src: shownSrc, name: baseName(photo.path), video: photo.kind === 'video', failed, standIn };
    setSlides((was) => ({ previous: was.current, current: slide }));
  }, [photo, shownSrc, failed, standIn, target, current?.key]);

  // The photos either side of the one on screen load while it shows.
  useEffect(() => {
    if (!current) return;
    for (const step of [nextStep(current.index, list, settings.loop), previousStep(current.index, list, settings.loop)]) {
      const neighbour = step.kind === 'go' ? source.get(step.index) : undefined;
      if (neighbour) images.load(slideSource(client, neighbour));
    }
  });

  // The clock: each photo shows for the interval once it is on screen, while playing and while
  // the page is visible (a hidden tab pauses it; visible again, the photo gets a full interval).
  const settledOnTarget = current !== null && current.index === target;
  const ms = intervalMs(settings, browserStore());
  useEffect(() => {
    if (!playing || !visible || !settledOnTarget || due) return;
    const timer = window.setTimeout(() => setDue(true), ms);
    return () => window.clearTimeout(timer);
  }, [playing, visible, settledOnTarget, due, ms, current?.key]);

  // Time is up: on to the next photo, the first again (Loop), or stop at the end. A list whose
  // end is not known yet waits for its next page (its arrival renders this again).
  useEffect(() => {
    if (!due || !current) return;
    const step = nextStep(current.index, list, settings.loop);
    if (step.kind === 'wait') {
      source.request(current.index, current.index + 2);
      return;
    }
    setDue(false);
    if (step.kind === 'go') {
      clockMoved.current = true;
      setTarget(step.index);
    } else {
      setEnded(true);
      setPlaying(false);
    }
  });

  const stepBy = (direction: 1 | -1) => {
    const step = direction > 0 ? nextStep(target, list, settings.loop) : previousStep(target, list, settings.loop);
    setDue(false);
    if (step.kind === 'go') {
      clockMoved.current = false;
      setEnded(false);
      setTarget(step.index);
      setAnnouncement(counterText(step.index, list));
    } else if (step.kind === 'wait') source.request(target, target + 2);
    else if (direction > 0) {
      setEnded(true);
      setPlaying(false);
    }
  };

  const togglePlay = () => {
    setDue(false);
    if (playing) {
      // The clock's next photo may still be loading: paused, the one on screen stays (a photo
      // the user stepped to by hand is still shown once it loads).
      if (clockMoved.current && target !== shown) setTarget(shown);
      setPlaying(false);
      setAnnouncement(`Paused, ${counterText(shown, list)}`);
      return;
    }
    if (ended) {
      clockMoved.current = false;
      setEnded(false);
      setTarget(0);
    }
    setPlaying(true);
    setAnnouncement('');
  };

  const chooseInterval = (interval: IntervalChoice) => setSettings((was) => ({ ...was, interval }));
  const toggleLoop = () => {
    setSettings((was) => ({ ...was, loop: !was.loop }));
    setEnded(false);
  };

  // Keys, caught before anything else on the page: nothing behind the slideshow acts on them.
  const onKey = useRef<(event: KeyboardEvent) => void>(() => {});
  onKey.current = (event) => {
    event.stopPropagation();
    idle.poke();
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') close();
    else if (event.key === ' ') {
      if (!event.repeat) togglePlay();
    } else if (event.key === 'ArrowLeft') stepBy(-1);
    else if (event.key === 'ArrowRight') stepBy(1);
    else if (event.key === 'Tab') cycleFocus(root.current, event.shiftKey);
    else return;
    event.preventDefault();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

  const pointer = useRef<{ x: number; y: number } | null>(null);
  const classes = ['slideshow'];
  if (idle.idle) classes.push('slideshow--idle');
  const waiting = current === null;
  return createPortal(
    <div
      ref={root}
      className={classes.join(' ')}
      role="dialog"
      aria-modal="true"
      aria-label="Slideshow"
      tabIndex={-1}
      data-index={current?.index}
      data-playing={playing && visible ? 'true' : 'false'}
      onPointerDown={idle.poke}
      onMouseMove={(event) => {
        // A real move only: browsers also send one when the content under a still pointer changes.
        const at = { x: event.clientX, y: event.clientY };
        if (pointer.current?.x === at.x && pointer.current.y === at.y) return;
        pointer.current = at;
        idle.poke();
      }}
    >
      <div className="slideshow__stage">
        {[slides.previous, slides.current].map((slide) => slide && <SlideView key={slide.key} slide={slide} leaving={slide !== current} />)}
        {waiting && <p className="slideshow__waiting">{source.error ?? 'Loading…'}</p>}
      </div>
      <SlideshowControls
        counter={counterText(shown, list)}
        playing={playing}
        interval={settings.interval}
        loop={settings.loop}
        canPrevious={previousStep(target, list, settings.loop).kind === 'go'}
        canNext={nextStep(target, list, settings.loop).kind !== 'end'}
        onPlay={togglePlay}
        onPrevious={() => stepBy(-1)}
        onNext={() => stepBy(1)}
        onInterval={chooseInterval}
        onLoop={toggleLoop}
        onClose={close}
        onHold={idle.hold}
      />
      <p className="slideshow__end" role="status">
        {ended ? 'End of slideshow' : ''}
      </p>
      <p className="slideshow__announce" aria-live="polite">
        {announcement}
      </p>
    </div>,
    document.body,
  );
}

function SlideView({ slide, leaving }: { slide: Slide; leaving: boolean }) {
  return (
    <div className={leaving ? 'slideshow__slide slideshow__slide--out' : 'slideshow__slide slideshow__slide--in'} aria-hidden={leaving || undefined}>
      {slide.failed ? (
        <p className="slideshow__failed">{slide.name} could not be loaded.</p>
      ) : (
        <img className="slideshow__image" src={slide.src} alt={slide.name} draggable={false} />
      )}
      {slide.video && <span className="slideshow__badge">▶ Video</span>}
      {/* Where the video badge goes (a video's slide is its poster: never both). */}
      {slide.standIn && (
        <span className="slideshow__badge" role="note">
          {PHOTO_FILE_GONE_TEXT}
        </span>
      )}
    </div>
  );
}

/** Tab and Shift-Tab go round the slideshow's buttons, never to the viewer behind it. */
function cycleFocus(dialog: HTMLElement | null, back: boolean): void {
  if (!dialog) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not(:disabled)')];
  if (focusable.length === 0) return;
  const at = focusable.indexOf(document.activeElement as HTMLElement);
  const next = at === -1 ? (back ? focusable.length - 1 : 0) : (at + (back ? -1 : 1) + focusable.length) % focusable.length;
  focusable[next]?.focus();
}
