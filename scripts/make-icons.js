// Draws the add-in's icons (assets/icon-<size>.png): a green ledger sheet with rows and a
// column rule, in Excel's green. Run once with `node scripts/make-icons.js`; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const GREEN = [33, 115, 70, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];
for (const size of [16, 32, 64, 80, 128]) {
  const s = size / 16; // design grid of 16 units
  const radius = 2.5 * s;
  const inside = (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const pixel = (x, y) => {
    if (!inside(x, y)) return CLEAR;
    const u = x / s;
    const v = y / s;
    const row = v > 3 && v < 13 && u > 3 && u < 13 && [4, 7, 10, 12.5].some((r) => Math.abs(v - r) < 0.6);
    const rule = u > 6 && u < 7.1 && v > 3 && v < 13;
    return row || rule ? WHITE : GREEN;
  };
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size, pixel));
}
console.log('icons written to assets/');
