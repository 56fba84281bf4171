import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';

/**
 * Issue 20, a crafted PNG killed the server: pdfkit reads only a PNG's header when it opens it and
 * decodes the pixels later, while the PDF is written, in a zlib callback whose error nobody can
 * catch (an RGBA image with a bad row filter passed every header check and took the process down
 * at the next render). So no uploaded PNG reaches pdfkit as it came: pngjs, a complete decoder,
 * reads every pixel synchronously (an error is an ordinary exception) and writes the image anew,
 * and only those bytes are stored and drawn. A JPEG is kept as it is: pdfkit only reads its
 * markers, synchronously, and copies it into the PDF without decoding it.
 */

export type ImageSize = { width: number; height: number };
export type CleanImage = ImageSize & { bytes: Uint8Array };

/** Beyond this, an image is refused before anything is decoded (RGBA: 4 bytes a pixel in memory). */
export const IMAGE_MAX_SIDE = 4096;
export const IMAGE_MAX_PIXELS = 4096 * 4096;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const isPng = (bytes: Uint8Array): boolean => PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
const isJpeg = (bytes: Uint8Array): boolean => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** The size a PNG's IHDR announces: its first chunk, read without decoding anything. */
const pngHeaderSize = (bytes: Uint8Array): ImageSize | undefined => {
  if (bytes.byteLength < 33) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.readUInt32BE(8) !== 13 || view.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const size = { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  return size.width > 0 && size.height > 0 ? size : undefined;
};

/** A JPEG's size as pdfkit reads it (its markers, synchronously); undefined when pdfkit cannot. */
const jpegSize = (bytes: Uint8Array): ImageSize | undefined => {
  try {
    // openImage is public in pdfkit but missing from its type definitions.
    const probe = new PDFDocument({ autoFirstPage: false }) as unknown as {
      openImage(src: Buffer): ImageSize;
    };
    const image = probe.openImage(Buffer.from(bytes));
    return image.width > 0 && image.height > 0 ? { width: image.width, height: image.height } : undefined;
  } catch {
    return undefined;
  }
};

/** The size an image says it has (PNG or JPEG), nothing decoded: cheap, for limits checked first. */
export const readImageSize = (bytes: Uint8Array): ImageSize | undefined => {
  if (isPng(bytes)) return pngHeaderSize(bytes);
  if (isJpeg(bytes)) return jpegSize(bytes);
  return undefined;
};

const withinLimits = ({ width, height }: ImageSize): boolean =>
  width <= IMAGE_MAX_SIDE && height <= IMAGE_MAX_SIDE && width * height <= IMAGE_MAX_PIXELS;

const isOpaque = (rgba: Buffer): boolean => {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
};

/**
 * The pixel data (every IDAT chunk, in order) inflated by Node's own zlib, bounded by the largest
 * size the header allows (16 bits RGBA and a filter byte a row): pngjs's synchronous inflate let a
 * stream that is not zlib through now and then (its error came after it returned), and the image
 * then « decoded » to garbage. Throws on a broken stream, a missing one, or one that inflates
 * beyond what the header announces.
 */
const assertPixelDataInflates = (bytes: Uint8Array, size: ImageSize): void => {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Buffer[] = [];
  for (let offset = 8; offset + 8 <= view.length; ) {
    const length = view.readUInt32BE(offset);
    const type = view.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > view.length) break;
    if (type === 'IDAT') parts.push(view.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (parts.length === 0) throw new Error('PNG without pixel data');
  inflateSync(Buffer.concat(parts), { maxOutputLength: size.height * (size.width * 8 + 1) });
};

/**
 * Decodes the PNG completely and writes it again: 8 bits a channel, RGB when every pixel is opaque
 * (pdfkit then embeds it without decoding it at all), RGBA otherwise. Throws on anything pngjs
 * cannot read; the size is checked before any pixel is inflated (a small file can announce a huge
 * image).
 */
const reencodePng = (bytes: Uint8Array): CleanImage => {
  const header = pngHeaderSize(bytes);
  if (!header || !withinLimits(header)) throw new Error('PNG size missing or beyond the limits');
  assertPixelDataInflates(bytes, header);
  const decoded = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const opaque = isOpaque(decoded.data);
  const written = PNG.sync.write(decoded, {
    colorType: opaque ? 2 : 6,
    inputColorType: 6,
    inputHasAlpha: true,
    deflateLevel: 6,
  });
  return { bytes: new Uint8Array(written), width: decoded.width, height: decoded.height };
};

/** An uploaded image made safe to keep (see above); undefined when it does not decode. */
export const cleanImage = (bytes: Uint8Array): CleanImage | undefined => {
  try {
    if (isPng(bytes)) return reencodePng(bytes);
    const size = isJpeg(bytes) ? jpegSize(bytes) : undefined;
    return size && withinLimits(size) ? { ...size, bytes } : undefined;
  } catch {
    return undefined;
  }
};

export class UnreadableImageError extends Error {
  override name = 'UnreadableImageError';
}

// A firm's logo comes back at every render: it is cleaned once per process (or worker), not each time.
const cleaned = new Map<string, Buffer>();
const CACHE_SIZE = 32;

/**
 * The bytes pdfkit may be given for an image read from the database: a PNG stored before uploads
 * were cleaned (or written there by other means) goes through pngjs first. Throws
 * UnreadableImageError, synchronously, for an image that does not decode.
 */
export const imageForPdf = (bytes: Uint8Array): Buffer => {
  if (!isPng(bytes)) {
    if (isJpeg(bytes) && jpegSize(bytes)) return Buffer.from(bytes);
    throw new UnreadableImageError('image neither a readable PNG nor a readable JPEG');
  }
  const key = createHash('sha256').update(bytes).digest('hex');
  const hit = cleaned.get(key);
  if (hit) return hit;
  const clean = cleanImage(bytes);
  if (!clean) throw new UnreadableImageError('PNG that does not decode');
  const safe = Buffer.from(clean.bytes);
  if (cleaned.size >= CACHE_SIZE) cleaned.delete(cleaned.keys().next().value as string);
  cleaned.set(key, safe);
  return safe;
};
