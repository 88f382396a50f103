// What the viewer says of a video the browser will not play. The container is not the cause
// (Chromium plays an H.264 .mov, not a Motion JPEG one): the encoding is, named when the core
// could read it (LibraryApi.photoShot's videoCodec), else only called the video's encoding.

export function unplayableText(codec: string | null | undefined): string {
  return `This browser cannot play this video’s encoding${codec ? ` (${codec})` : ''}.`;
}
