// Draws the placeholder build/icon.png (a shoebox holding a photo) without any download:
// node build/generate-placeholder-icon.mjs build/icon.png. Replace with a designed icon before release.
import fs from 'node:fs';
import zlib from 'node:zlib';
const S = 1024;
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function rotated(x, y, cx, cy, deg) {
  const a = (deg * Math.PI) / 180, dx = x - cx, dy = y - cy;
  return [cx + dx * Math.cos(a) + dy * Math.sin(a), cy - dx * Math.sin(a) + dy * Math.cos(a)];
}
function sample(x, y) {
  // layers, top last; returns [r,g,b,a]
  let c = [0, 0, 0, 0];
  if (inRoundRect(x, y, 64, 64, 960, 960, 200)) {
    const t = (y - 64) / 896;
    c = [Math.round(44 + 20 * t), Math.round(62 + 18 * t), Math.round(88 + 10 * t), 255];
  }
  // photo, tilted, behind the box front
  const [px, py] = rotated(x, y, 512, 420, -8);
  if (inRoundRect(px, py, 330, 250, 694, 560, 14)) c = [250, 250, 247, 255];
  if (inRoundRect(px, py, 356, 276, 668, 520, 6)) {
    c = py < 430 ? [120, 181, 230, 255] : [96, 160, 92, 255];
    if ((px - 600) ** 2 + (py - 330) ** 2 < 30 * 30) c = [255, 214, 102, 255];
  }
  // box body
  if (inRoundRect(x, y, 210, 500, 814, 840, 24)) c = [217, 160, 102, 255];
  // lid band on the front
  if (inRoundRect(x, y, 190, 470, 834, 560, 20)) c = [196, 128, 70, 255];
  // label
  if (inRoundRect(x, y, 432, 640, 592, 720, 10)) c = [245, 230, 205, 255];
  return c;
}
const raw = Buffer.alloc((S * 4 + 1) * S);
for (let y = 0; y < S; y++) {
  raw[y * (S * 4 + 1)] = 0;
  for (let x = 0; x < S; x++) {
    const acc = [0, 0, 0, 0];
    for (const [ox, oy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) {
      const s = sample(x + ox, y + oy);
      acc[0] += s[0] * s[3]; acc[1] += s[1] * s[3]; acc[2] += s[2] * s[3]; acc[3] += s[3];
    }
    const o = y * (S * 4 + 1) + 1 + x * 4;
    const a = acc[3] / 4;
    raw[o] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
    raw[o + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
    raw[o + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
    raw[o + 3] = Math.round(a);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
fs.writeFileSync(process.argv[2], png);
console.log('wrote', process.argv[2], png.length, 'bytes');
