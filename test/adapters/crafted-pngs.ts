import { crc32, deflateSync } from 'node:zlib';

/**
 * Issue 20: PNGs an attacker would upload. Each has the PNG signature and a well-formed IHDR, so a
 * header check lets it through; the pixels are what is wrong. `badRowFilter` is the one that killed
 * the server: pdfkit decodes an RGBA image's pixels in a zlib callback, png-js throws there on the
 * unknown filter byte, and nothing can catch it.
 */

const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
};

type Header = { width: number; height: number; bitDepth?: number; colourType?: number; interlace?: number };

const png = (header: Header, idat: Buffer, extra: Buffer[] = []): Buffer => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr.set([header.bitDepth ?? 8, header.colourType ?? 6, 0, 0, header.interlace ?? 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra,
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** Rows of an RGBA image, each starting with the given filter byte. */
const rgbaRows = (width: number, height: number, filter: number): Buffer =>
  Buffer.concat(
    Array.from({ length: height }, () =>
      Buffer.concat([Buffer.from([filter]), Buffer.alloc(width * 4, 0x80)]),
    ),
  );

export const CRAFTED_PNGS = {
  /** RGBA, every row filtered with type 9 (0–4 exist): the inflated size is exactly right. */
  badRowFilter: png({ width: 40, height: 20 }, deflateSync(rgbaRows(40, 20, 9))),
  /** The same, interlaced (Adam7): the old check only asked for some pixel data. */
  badRowFilterInterlaced: png({ width: 8, height: 8, interlace: 1 }, deflateSync(Buffer.alloc(300, 7))),
  /** A bit depth RGB does not have (3), with pixel data of the size it implies. */
  bogusBitDepth: png(
    { width: 16, height: 4, bitDepth: 3, colourType: 2 },
    deflateSync(Buffer.alloc(4 * (1 + Math.ceil((16 * 3 * 3) / 8)))),
  ),
  /** A colour type that does not exist (5). */
  bogusColourType: png({ width: 4, height: 4, colourType: 5 }, deflateSync(Buffer.alloc(4 * 17))),
  /** Compressed pixels that are not zlib at all. */
  corruptZlib: png({ width: 40, height: 20 }, Buffer.from('pas du zlib, des octets au hasard'.repeat(4))),
  /** A palette image that has no palette (no PLTE chunk). */
  paletteWithoutPalette: png({ width: 4, height: 4, colourType: 3 }, deflateSync(Buffer.alloc(4 * 5))),
  /** A few bytes announcing 60 000 × 60 000 pixels (14 GB of RGBA): a decompression bomb. */
  hugeDimensions: png({ width: 60_000, height: 60_000 }, deflateSync(Buffer.alloc(1000))),
} as const;

/** The good RGBA file cut in the middle of its pixel data. */
export const truncatedPng = (): Buffer => {
  const whole = png({ width: 40, height: 20 }, deflateSync(rgbaRows(40, 20, 0)));
  return whole.subarray(0, whole.length - 30);
};
