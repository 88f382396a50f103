// Photos with known text for the OCR tests and bench: text set in Debian's DejaVu fonts
// (fonts-dejavu-core, through librsvg and fontconfig inside sharp) over a real photo, as a
// sign would be: on a panel, or straight on the scene; level, tilted, small or faint.
import sharp from 'sharp';

export interface TextPlacement {
  text: string;
  /** Left edge and baseline-ish top of the text block, in pixels of the output photo. */
  x: number;
  y: number;
  /** Font size in pixels (cap height is about 0.73 of it). */
  size: number;
  fill?: string;
  /** Colour of a panel behind the text; none: the text sits on the photo itself. */
  panel?: string;
  /** Degrees, clockwise, about the text's centre. */
  angle?: number;
  font?: 'DejaVu Sans' | 'DejaVu Serif' | 'DejaVu Sans Mono';
  bold?: boolean;
}

/** The base photo resized to `width` with the text drawn on, as a JPEG like a camera's. */
export async function photoWithText(basePhoto: string, width: number, placements: readonly TextPlacement[]): Promise<Buffer> {
  const base = sharp(basePhoto, { autoOrient: true }).resize({ width });
  const { info, data } = await base.raw().toBuffer({ resolveWithObject: true });
  const svg = textSvg(info.width, info.height, placements);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .composite([{ input: Buffer.from(svg), left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

function textSvg(width: number, height: number, placements: readonly TextPlacement[]): string {
  const parts = placements.map((p) => {
    // DejaVu Sans averages about 0.62 em per character (bold 0.72); the panel leaves a margin around it.
    const textWidth = p.text.length * p.size * (p.font === 'DejaVu Sans Mono' ? 0.6 : p.bold ? 0.74 : 0.64);
    const cx = p.x + textWidth / 2;
    const cy = p.y + p.size / 2;
    const pad = p.size * 0.4;
    const panel = p.panel ? `<rect x="${p.x - pad}" y="${p.y - pad}" width="${textWidth + 2 * pad}" height="${p.size * 1.25 + 2 * pad}" fill="${p.panel}"/>` : '';
    const text = `<text x="${p.x}" y="${p.y + p.size * 0.95}" font-family="${p.font ?? 'DejaVu Sans'}" font-size="${p.size}" font-weight="${p.bold ? 'bold' : 'normal'}" fill="${p.fill ?? '#111'}">${escapeXml(p.text)}</text>`;
    return `<g transform="rotate(${p.angle ?? 0} ${cx} ${cy})">${panel}${text}</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A phone screenshot (1170×2532 PNG, a settings page): lines of DejaVu Sans on a flat background. */
export async function screenshotWithLines(lines: readonly string[]): Promise<Buffer> {
  const text = lines.map((l, i) => `<text x="48" y="${300 + i * 90}" font-family="DejaVu Sans" font-size="${i === 0 ? 52 : 36}" fill="#111">${escapeXml(l)}</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1170" height="2532"><rect width="1170" height="2532" fill="#f2f2f7"/>${text.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
