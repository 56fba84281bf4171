import { inflateSync } from 'node:zlib';

/**
 * pdfkit reads only a PNG's header when it opens it, and decodes the pixels (and the alpha
 * channel) later, while the PDF is written, in a callback whose error no caller can catch: a
 * damaged PNG accepted as a logo would crash the server at the next render. So a PNG is decoded
 * here, synchronously, before it is accepted: its compressed pixel data must inflate to exactly
 * the size its header announces.
 */

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

type Chunk = { type: string; data: Buffer };

const chunksOf = (png: Buffer): Chunk[] => {
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const end = offset + 8 + length;
    if (end + 4 > png.length) throw new Error('truncated chunk');
    chunks.push({ type, data: png.subarray(offset + 8, end) });
    if (type === 'IEND') break;
    offset = end + 4;
  }
  return chunks;
};

/** True when every pixel of the PNG can be decoded. */
export const isDecodablePng = (bytes: Uint8Array): boolean => {
  try {
    const chunks = chunksOf(Buffer.from(bytes));
    const header = chunks.find((chunk) => chunk.type === 'IHDR')?.data;
    if (!header || header.length < 13) return false;
    const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
    const [bitDepth = 0, colourType = -1, , , interlace] = header.subarray(8, 13);
    const channels = CHANNELS[colourType];
    if (!channels || width === 0 || height === 0) return false;
    const pixels = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    if (interlace !== 0) return pixels.length > 0;
    const rowBytes = Math.ceil((width * channels * bitDepth) / 8);
    return pixels.length === height * (rowBytes + 1);
  } catch {
    return false;
  }
};
