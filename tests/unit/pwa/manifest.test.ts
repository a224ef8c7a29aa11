// The web app manifest and its icons, read as the browser reads them: the fields that make Rove
// installable, and PNGs whose real pixel size (from the IHDR chunk) matches what they claim.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const publicDir = join(root, 'public');

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

const manifest = JSON.parse(readFileSync(join(publicDir, 'manifest.webmanifest'), 'utf8')) as {
  [field: string]: unknown;
  icons: ManifestIcon[];
};

interface Png {
  width: number;
  height: number;
  colourType: number;
  /** 8-bit RGBA rows, filters undone. */
  rgba: (x: number, y: number) => [number, number, number, number];
}

/** Reads a PNG's header, and its pixels when it is 8-bit RGBA (what make-icons.mjs writes). */
function readPng(path: string): Png {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const colourType = bytes[25] ?? -1;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT') {
      idat.push(bytes.subarray(at + 8, at + 8 + length));
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  return {
    width,
    height,
    colourType,
    rgba: (x, y) => {
      // make-icons.mjs writes filter 0 (None) on every row, so bytes are the pixels.
      if (raw[y * stride] !== 0) throw new Error(`row ${y} uses a PNG filter`);
      const i = y * stride + 1 + x * 4;
      return [raw[i] ?? 0, raw[i + 1] ?? 0, raw[i + 2] ?? 0, raw[i + 3] ?? 0];
    },
  };
}

function iconPath(icon: ManifestIcon): string {
  return join(publicDir, icon.src.replace(/^\//, ''));
}

describe('manifest.webmanifest', () => {
  it('makes Rove installable and full-screen on a kiosk', () => {
    expect(manifest).toMatchObject({
      name: 'Rove',
      short_name: 'Rove',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      display_override: ['fullscreen', 'standalone'],
      theme_color: '#1f4e5f',
      background_color: '#f7f5f0',
    });
    expect(typeof manifest.description).toBe('string');
    expect((manifest.description as string).length).toBeGreaterThan(10);
  });

  it('uses the same theme colour as index.html and its page style', () => {
    const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
    expect(indexHtml).toContain(`<meta name="theme-color" content="${manifest.theme_color}"`);
    expect(indexHtml).toContain('href="/manifest.webmanifest"');
    // The page's style is a file (the CSP allows no inline <style>).
    expect(indexHtml).toContain('href="/src/client/page.css"');
    const pageCss = readFileSync(join(root, 'src', 'client', 'page.css'), 'utf8');
    expect(pageCss).toContain(`background: ${manifest.background_color}`);
  });

  it('lists PNG icons of 192 and 512 px, and a maskable 512, whose files have those sizes', () => {
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    const described = pngs.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort();
    expect(described).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of pngs) {
      const [width, height] = icon.sizes.split('x').map(Number);
      const png = readPng(iconPath(icon));
      expect({ src: icon.src, width: png.width, height: png.height }).toEqual({
        src: icon.src,
        width,
        height,
      });
    }
  });

  it('keeps the maskable icon opaque, with its mark inside the safe zone', () => {
    const icon = manifest.icons.find((i) => i.purpose === 'maskable');
    if (!icon) throw new Error('no maskable icon');
    const png = readPng(iconPath(icon));
    expect(png.colourType).toBe(6);
    const theme = [0x1f, 0x4e, 0x5f, 255];
    const centre = png.width / 2;
    const safeRadius = png.width * 0.4;
    let markPixels = 0;
    const transparent: string[] = [];
    const outsideSafeZone: string[] = [];
    for (let y = 0; y < png.height; y += 2) {
      for (let x = 0; x < png.width; x += 2) {
        const pixel = png.rgba(x, y);
        // Platforms crop maskable icons to any shape: every pixel must be painted.
        if (pixel[3] !== 255) transparent.push(`${x},${y}`);
        if (pixel.every((v, i) => v === theme[i])) continue;
        markPixels += 1;
        if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > safeRadius) {
          outsideSafeZone.push(`${x},${y}`);
        }
      }
    }
    expect(transparent).toEqual([]);
    expect(outsideSafeZone).toEqual([]);
    expect(markPixels).toBeGreaterThan(1000);
  });

  it('ships the SVG icon that index.html links', () => {
    const svg = readFileSync(join(publicDir, 'icons', 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('#1f4e5f');
  });
});
