import { useEffect, useState, type CSSProperties } from 'react';
import type { Photo } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { whyVideoFailed, type VideoFailure } from '../lib/video-failure';
import { formatDuration } from '../../shared/video-time';
import { RevealButton } from './RevealButton';
import { unplayableText } from './video-unplayable-text';

interface VideoPlayerProps {
  photo: Photo;
  /** Where to start: a search hit's best moment (seconds), else the beginning. */
  time: number | undefined;
  name: string;
}

/**
 * A library video in the viewer, played from the moment the search matched. The browser
 * fetches it in ranged pieces (206) from the transport's video URL, so seeking never waits
 * for the whole file. The thumbnail is the poster until the first frame arrives.
 *
 * Browsers play only some formats (Chromium: MP4/H.264, WebM, not AVI or HEVC): the library
 * indexes the rest with ffmpeg all the same, so a video that will not play here shows its
 * thumbnail, says why in one line and offers the file, rather than a black box.
 */
export function VideoPlayer({ photo, time, name }: VideoPlayerProps) {
  const client = useClient();
  const [failure, setFailure] = useState<VideoFailure | null>(null);
  /** The encoding the browser refused, as the core names it (read from the file once it failed). */
  const [codec, setCodec] = useState<string | null>(null);
  useEffect(() => {
    if (failure !== 'format') return;
    let current = true;
    client.photoShot(photo.id).then(
      (shot) => current && setCodec(shot?.videoCodec ?? null),
      () => {}, // unnamed, the message still says what is wrong
    );
    return () => {
      current = false;
    };
  }, [client, failure, photo.id]);
  // Width over height: the library's until the file's own arrives with its metadata.
  const [ratio, setRatio] = useState(photo.width > 0 && photo.height > 0 ? photo.width / photo.height : 16 / 9);
  const start = time ?? 0;
  const src = client.imageUrl(photo.id, 'video');
  const poster = client.imageUrl(photo.id, 'thumb');
  if (failure) {
    return (
      <figure className="viewer__video">
        <img className="viewer__still" src={poster} alt={name} draggable={false} />
        <figcaption className="viewer__unplayable">
          {failure === 'format' ? (
            <>
              <span role="note">{unplayableText(codec)}</span>
              <RevealButton photo={async () => photo} />
              {/* Under `shoebox serve` there is no file manager to open: the file itself, to play elsewhere. */}
              {!client.revealPhoto && (
                <a className="button" href={src} download={name}>
                  Download
                </a>
              )}
            </>
          ) : (
            <span role="note">The video file cannot be read: it was moved or deleted since it was indexed.</span>
          )}
        </figcaption>
      </figure>
    );
  }
  return (
    // The player is sized to the picture (its controls on the picture, not on a letterbox).
    <figure className="viewer__video" style={{ '--video-ratio': ratio } as CSSProperties}>
      <video
        className="viewer__player"
        src={src}
        poster={poster}
        controls
        autoPlay
        muted
        playsInline
        aria-label={name}
        onLoadedMetadata={(event) => {
          const video = event.currentTarget;
          if (video.videoWidth > 0 && video.videoHeight > 0) setRatio(video.videoWidth / video.videoHeight);
          if (start > 0) video.currentTime = start;
        }}
        onError={(event) => {
          // A format this browser cannot demux or decode, or a file no longer served (not a pause or a stop).
          if (event.currentTarget.error && event.currentTarget.error.code !== MediaError.MEDIA_ERR_ABORTED) void whyVideoFailed(src).then(setFailure);
        }}
      />
      {time !== undefined && <figcaption className="viewer__moment small">Best match at {formatDuration(time)}</figcaption>}
    </figure>
  );
}

