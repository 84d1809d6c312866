// The README capture's GIF encoder (test/integration/lib/gif.ts), read back block by block: identical
// neighbours merged with their delays added, one global palette, later frames transparent where nothing
// changed and drawn over the kept previous frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { encodeGif } from '../integration/lib/gif';

function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      image.data.set([r, g, b, 255], (y * width + x) * 4);
    }
  return PNG.sync.write(image);
}

interface GifFrame {
  delayCs: number;
  dispose: number;
  transparent: boolean;
  transparentIndex: number;
  localPalette: boolean;
}

/** The frames of a GIF: each image descriptor with the graphic control extension before it. */
function readGif(bytes: Uint8Array): { width: number; height: number; globalPalette: number; frames: GifFrame[] } {
  assert.equal(Buffer.from(bytes.subarray(0, 6)).toString('latin1'), 'GIF89a');
  const width = bytes[6] | (bytes[7] << 8);
  const height = bytes[8] | (bytes[9] << 8);
  const packed = bytes[10];
  const globalPalette = packed & 0x80 ? 2 ** ((packed & 7) + 1) : 0;
  let p = 13 + globalPalette * 3;
  const skipSubBlocks = (): void => {
    while (bytes[p] !== 0) p += bytes[p] + 1;
    p++;
  };
  const frames: GifFrame[] = [];
  let control: Omit<GifFrame, 'localPalette'> | undefined;
  for (;;) {
    const block = bytes[p++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = bytes[p++];
      if (label === 0xf9) {
        const flags = bytes[p + 1];
        control = {
          dispose: (flags >> 2) & 7,
          transparent: (flags & 1) === 1,
          delayCs: bytes[p + 2] | (bytes[p + 3] << 8),
          transparentIndex: bytes[p + 4],
        };
      }
      skipSubBlocks();
    } else if (block === 0x2c) {
      const flags = bytes[p + 8];
      p += 9;
      if (flags & 0x80) p += 3 * 2 ** ((flags & 7) + 1);
      p++; // LZW minimum code size
      skipSubBlocks();
      assert.ok(control, 'a graphic control extension before each frame');
      frames.push({ ...control, localPalette: (flags & 0x80) !== 0 });
      control = undefined;
    } else {
      assert.fail(`unexpected block 0x${block.toString(16)} at ${p - 1}`);
    }
  }
  return { width, height, globalPalette, frames };
}

test('encodeGif: identical frames merged, one palette, unchanged pixels transparent over the kept frame', () => {
  const white = png(40, 30, () => [255, 255, 255]);
  const squiggle = png(40, 30, (x, y) => (y === 20 && x > 5 && x < 30 ? [230, 120, 0] : [255, 255, 255]));
  const gif = encodeGif([
    { png: white, delayMs: 500 },
    { png: white, delayMs: 300 },
    { png: squiggle, delayMs: 1000 },
  ]);
  assert.equal(gif.frames, 2);
  assert.equal(gif.durationMs, 1800);
  const read = readGif(gif.bytes);
  assert.deepEqual([read.width, read.height], [40, 30]);
  assert.equal(read.globalPalette, 256);
  assert.deepEqual(
    read.frames.map((f) => f.delayCs),
    [80, 100],
    'delays in hundredths: 500 + 300 ms, then 1000 ms',
  );
  assert.equal(read.frames[0].transparent, false);
  assert.deepEqual(
    [read.frames[1].transparent, read.frames[1].transparentIndex, read.frames[1].dispose, read.frames[1].localPalette],
    [true, 255, 1, false],
    'the second frame: transparent index 255, drawn over the first (dispose 1), the global palette',
  );
});

test('encodeGif refuses frames of different sizes and no frames', () => {
  assert.throws(() => encodeGif([]), /no frames/);
  assert.throws(
    () =>
      encodeGif([
        { png: png(4, 4, () => [0, 0, 0]), delayMs: 100 },
        { png: png(5, 4, () => [0, 0, 0]), delayMs: 100 },
      ]),
    /5×4/,
  );
});
