// Draws images/icon.png (128x128 RGBA): two tunnel endpoints joined by a double line on a rounded
// blue square. Pure Node (zlib) so it needs no image tools. Run: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = new Float64Array(N * N * 4);

/** Coverage (0..1) of a pixel by a shape given as a signed distance (negative inside), 4x4 supersampled. */
function paint(sdf, [r, g, b]) {
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      let cov = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (sdf(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4) <= 0) cov++;
      cov /= 16;
      if (!cov) continue;
      const i = (y * N + x) * 4;
      const a = px[i + 3];
      const outA = cov + a * (1 - cov);
      px[i] = (r * cov + px[i] * a * (1 - cov)) / outA;
      px[i + 1] = (g * cov + px[i + 1] * a * (1 - cov)) / outA;
      px[i + 2] = (b * cov + px[i + 2] * a * (1 - cov)) / outA;
      px[i + 3] = outA;
    }
  }
}
const roundRect = (x0, y0, x1, y1, rad) => (x, y) => {
  const dx = Math.max(x0 + rad - x, 0, x - (x1 - rad));
  const dy = Math.max(y0 + rad - y, 0, y - (y1 - rad));
  return Math.hypot(dx, dy) - rad;
};
const circle = (cx, cy, rad) => (x, y) => Math.hypot(x - cx, y - cy) - rad;

paint(roundRect(4, 4, 124, 124, 22), [0x1f, 0x4e, 0x8c]);
paint(roundRect(30, 50, 98, 58, 4), [0xe8, 0xf1, 0xfb]);
paint(roundRect(30, 70, 98, 78, 4), [0xe8, 0xf1, 0xfb]);
for (const cx of [28, 100]) {
  paint(circle(cx, 64, 20), [0xff, 0xff, 0xff]);
  paint(circle(cx, 64, 11), [0x2f, 0xa3, 0x6b]);
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N * 4; x++) raw[y * (N * 4 + 1) + 1 + x] = Math.round(px[y * N * 4 + x] * ((x % 4) === 3 ? 255 : 1));
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6;
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]));
console.log('wrote images/icon.png');
