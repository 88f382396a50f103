// Why a library video did not play in the viewer. A <video> reports the same error
// (MEDIA_ERR_SRC_NOT_SUPPORTED) for a format the browser cannot decode and for a file the
// transport no longer serves (moved or deleted since it was indexed), and the two need
// different words: so the URL is asked once more for its first byte.

export type VideoFailure = 'format' | 'unreadable';

export async function whyVideoFailed(src: string): Promise<VideoFailure> {
  try {
    const response = await fetch(src, { headers: { Range: 'bytes=0-0' } });
    await response.body?.cancel();
    return response.ok ? 'format' : 'unreadable';
  } catch {
    return 'unreadable';
  }
}
