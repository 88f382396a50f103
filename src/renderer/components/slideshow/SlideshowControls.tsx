// The slideshow's controls, over the photo: the counter and Close at the top; previous, play /
// pause, next, the seconds per photo and Loop at the bottom. They fade together (the
// .slideshow--idle class); keys do the same (Slideshow.tsx), named in each title.
import { INTERVAL_CHOICES, type IntervalChoice } from '../../lib/slideshow-settings';

export interface SlideshowControlsProps {
  /** "12 of 240": the photo on screen. */
  counter: string;
  playing: boolean;
  interval: IntervalChoice;
  loop: boolean;
  canPrevious: boolean;
  canNext: boolean;
  onPlay: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onInterval: (seconds: IntervalChoice) => void;
  onLoop: () => void;
  onClose: () => void;
  /** The pointer rests on the controls (true) or left them: they do not fade meanwhile. */
  onHold: (held: boolean) => void;
}

export function SlideshowControls(props: SlideshowControlsProps) {
  const { counter, playing, interval, loop, canPrevious, canNext, onHold } = props;
  const hold = { onPointerEnter: () => onHold(true), onPointerLeave: () => onHold(false) };
  return (
    <>
      <div className="slideshow__top slideshow__fades" {...hold}>
        <span className="slideshow__counter">{counter}</span>
        <button type="button" className="slideshow__button slideshow__close" aria-label="Close slideshow" title="Close the slideshow (Esc)" onClick={props.onClose}>
          ×
        </button>
      </div>
      <div className="slideshow__controls slideshow__fades" role="group" aria-label="Slideshow controls" {...hold}>
        <button type="button" className="slideshow__button" aria-label="Previous photo" title="Previous photo (←)" disabled={!canPrevious} onClick={props.onPrevious}>
          ‹
        </button>
        <button type="button" className="slideshow__button slideshow__play" aria-label={playing ? 'Pause' : 'Play'} title={playing ? 'Pause (space)' : 'Play (space)'} onClick={props.onPlay}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
        </button>
        <button type="button" className="slideshow__button" aria-label="Next photo" title="Next photo (→)" disabled={!canNext} onClick={props.onNext}>
          ›
        </button>
        <span className="slideshow__separator" aria-hidden="true" />
        <div className="slideshow__seconds" role="group" aria-label="Seconds per photo">
          {INTERVAL_CHOICES.map((seconds) => (
            <button
              key={seconds}
              type="button"
              className="slideshow__choice"
              aria-pressed={interval === seconds}
              aria-label={`${seconds} seconds per photo`}
              onClick={() => props.onInterval(seconds)}
            >
              {seconds} s
            </button>
          ))}
        </div>
        <button type="button" className="slideshow__choice slideshow__loop" aria-pressed={loop} title="After the last photo, start again at the first" onClick={props.onLoop}>
          <span aria-hidden="true">{loop ? '☑' : '☐'}</span> Loop
        </button>
      </div>
    </>
  );
}
