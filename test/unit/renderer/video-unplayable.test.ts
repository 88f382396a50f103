// A video the browser will not play is blamed on its encoding, never its container: an H.264
// .mov plays where a Motion JPEG .mov does not.
import { describe, expect, it } from 'vitest';
import { unplayableText } from '../../../src/renderer/components/video-unplayable-text';
import { videoCodecName } from '../../../src/core/media/video-codec';

describe('a video this browser cannot play', () => {
  it('names the encoding the core read, else only says it is the encoding', () => {
    expect(unplayableText(videoCodecName('mjpeg'))).toBe('This browser cannot play this video’s encoding (Motion JPEG).');
    expect(unplayableText(videoCodecName('hevc'))).toBe('This browser cannot play this video’s encoding (HEVC/H.265).');
    expect(unplayableText(null)).toBe('This browser cannot play this video’s encoding.');
    expect(unplayableText(null)).not.toMatch(/MOV|format/);
  });
});
