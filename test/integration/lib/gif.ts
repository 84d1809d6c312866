// An animated GIF from PNG screenshots (pngjs reads them, gifenc writes the GIF): one palette for the
// whole animation (quantised from a sample of every frame), identical frames merged (their delays
// added), and each frame after the first stores only the pixels that changed (the others are the
// transparent index over the kept previous frame), so a mostly still editor costs little.
import { applyPalette, GIFEncoder, quantize, type Palette } from 'gifenc';
import { PNG } from 'pngjs';

export interface Frame {
  /** A PNG screenshot; every frame of one animation has the same size. */
  png: Buffer;
  /** How long the frame shows, in milliseconds (GIF stores hundredths). */
  delayMs: number;
}

/** Palette index kept free for "unchanged pixel". */
const TRANSPARENT = 255;

/** Every `step`-th pixel of every image, as one RGBA buffer to quantise. */
function sample(images: readonly Uint8Array[], step: number): Uint8Array {
  const pixels = images.reduce((n, img) => n + Math.ceil(img.length / 4 / step), 0);
  const out = new Uint8Array(pixels * 4);
  let o = 0;
  for (const img of images) {
    for (let p = 0; p < img.length / 4; p += step) {
      out.set(img.subarray(p * 4, p * 4 + 4), o);
      o += 4;
    }
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface GifResult {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** Frames written (after identical neighbours were merged). */
  frames: number;
  durationMs: number;
}

export function encodeGif(frames: readonly Frame[]): GifResult {
  if (frames.length === 0) throw new Error('no frames');
  const decoded = frames.map((f) => PNG.sync.read(f.png));
  const { width, height } = decoded[0];
  for (const d of decoded)
    if (d.width !== width || d.height !== height) throw new Error(`frame of ${d.width}×${d.height}, not ${width}×${height}`);
  // Merge identical neighbours: one frame, the sum of their delays.
  const merged: { rgba: Uint8Array; delayMs: number }[] = [];
  decoded.forEach((d, i) => {
    const rgba = new Uint8Array(d.data.buffer, d.data.byteOffset, d.data.length);
    const last = merged.at(-1);
    if (last && sameBytes(last.rgba, rgba)) last.delayMs += frames[i].delayMs;
    else merged.push({ rgba, delayMs: frames[i].delayMs });
  });
  const palette: Palette = quantize(
    sample(
      merged.map((m) => m.rgba),
      7,
    ),
    255,
  );
  const drawn = palette.slice(0, TRANSPARENT); // pixels map to these only: index 255 stays free
  while (palette.length < 256) palette.push([255, 0, 255]);
  const gif = GIFEncoder();
  let previous: Uint8Array | undefined;
  let durationMs = 0;
  for (const m of merged) {
    const index = applyPalette(m.rgba, drawn);
    const delay = Math.max(20, Math.round(m.delayMs / 10) * 10);
    durationMs += delay;
    if (!previous) {
      gif.writeFrame(index, width, height, { palette, delay, repeat: 0 });
    } else {
      const delta = Uint8Array.from(index, (v, i) => (v === previous?.[i] ? TRANSPARENT : v));
      gif.writeFrame(delta, width, height, { delay, transparent: true, transparentIndex: TRANSPARENT, dispose: 1 });
    }
    previous = index;
  }
  gif.finish();
  return { bytes: gif.bytes(), width, height, frames: merged.length, durationMs };
}
