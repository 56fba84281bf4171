import { deflateSync } from 'node:zlib';

/**
 * A valid 1×1 PNG (one RGB pixel, #1F4E79), small enough to inline: a firm's logo in the fixtures.
 * Made with node's zlib (signature, IHDR, one deflated scanline in IDAT, IEND), so pdfkit, which
 * reads a logo before accepting it, can open it.
 */
export const A_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGOQ96sEAAF2AOe2j1NWAAAAAElFTkSuQmCC';

/** The body of `PUT /firm/logo` with that PNG. */
export const A_LOGO = { contentType: 'image/png', base64: A_PNG_BASE64 } as const;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (bytes: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/**
 * A real PNG of the given size, filled with one colour: logos of any size for the tests. With
 * `alpha` it carries a transparency channel; `damaged` breaks its compressed pixels (the header
 * stays valid), as a truncated upload would.
 */
export const aPng = (
  width: number,
  height: number,
  rgb: [number, number, number] = [31, 78, 121],
  options: { alpha?: boolean; damaged?: boolean } = {},
): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, options.alpha ? 6 : 2, 0, 0, 0], 8);
  const pixel = options.alpha ? [...rgb, 128] : rgb;
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => pixel).flat()),
  ]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  if (options.damaged) pixels.fill(0x5a, 0, Math.min(8, pixels.length));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** A minimal baseline JPEG (1×1): enough for pdfkit to read its size and embed it. */
export const A_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';
