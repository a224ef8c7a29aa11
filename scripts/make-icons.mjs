// Draws Rove's app icons (a white speech bubble on the theme colour) with Node alone, so the
// project makes its own icons and nobody needs an image editor. Run: node scripts/make-icons.mjs
// Writes public/icons/icon-192.png, icon-512.png, icon-maskable-512.png and icon.svg.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const THEME = [0x1f, 0x4e, 0x5f];
const WHITE = [0xff, 0xff, 0xff];
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

// The mark, in a unit square (0..1). Shared by the PNGs and the SVG so they look the same.
const bubble = { x: 0.2, y: 0.24, w: 0.6, h: 0.42, r: 0.13 };
const tail = [
  [0.3, 0.6],
  [0.48, 0.64],
  [0.27, 0.8],
];
const dots = [0.35, 0.5, 0.65].map((x) => ({ x, y: 0.45, r: 0.05 }));

function inRoundedRect(px, py, { x, y, w, h, r }) {
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

function inTriangle(px, py, [[ax, ay], [bx, by], [cx, cy]]) {
  const side = (x1, y1, x2, y2) => (px - x2) * (y1 - y2) - (x1 - x2) * (py - y2);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/**
 * The colour at a point of the icon, or null where it is transparent.
 * `maskable` fills the whole square (the platform cuts its own shape) and shrinks the mark into
 * the central safe zone (a circle of radius 0.4).
 */
function colourAt(u, v, maskable) {
  if (!maskable && !inRoundedRect(u, v, { x: 0, y: 0, w: 1, h: 1, r: 0.22 })) return null;
  const scale = maskable ? 0.8 : 1;
  const mu = 0.5 + (u - 0.5) / scale;
  const mv = 0.5 + (v - 0.5) / scale;
  const inDot = dots.some((d) => (mu - d.x) ** 2 + (mv - d.y) ** 2 <= d.r * d.r);
  if (inDot) return THEME;
  if (inRoundedRect(mu, mv, bubble) || inTriangle(mu, mv, tail)) return WHITE;
  return THEME;
}

/** RGBA pixels, anti-aliased by averaging a 4x4 grid of samples per pixel. */
function draw(size, maskable) {
  const n = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size, maskable);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
        pixels[i + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, no interlace, every row with filter 0. */
function encodePng(size, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const s = (v) => +(v * 512).toFixed(2);
  const points = tail.map(([x, y]) => `${s(x)},${s(y)}`).join(' ');
  const circles = dots
    .map((d) => `  <circle cx="${s(d.x)}" cy="${s(d.y)}" r="${s(d.r)}" fill="${hex(THEME)}"/>`)
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img" aria-label="Rove">
  <rect width="512" height="512" rx="${s(0.22)}" fill="${hex(THEME)}"/>
  <rect x="${s(bubble.x)}" y="${s(bubble.y)}" width="${s(bubble.w)}" height="${s(bubble.h)}" rx="${s(bubble.r)}" fill="${hex(WHITE)}"/>
  <polygon points="${points}" fill="${hex(WHITE)}"/>
${circles}
</svg>
`;
}

mkdirSync(outDir, { recursive: true });
const icons = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
];
for (const [name, size, maskable] of icons) {
  writeFileSync(join(outDir, name), encodePng(size, draw(size, maskable)));
}
writeFileSync(join(outDir, 'icon.svg'), svg());
console.log(`Wrote ${icons.length} PNGs and icon.svg to ${outDir}`);
