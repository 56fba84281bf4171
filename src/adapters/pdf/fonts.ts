import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * DejaVu Sans, embedded in every PDF: it carries every French character (accents, œ, €, the
 * narrow no-break space), so the document reads the same on any machine. The fonts are read and
 * parsed once per process: pdfkit takes a parsed fontkit font as it takes a file, and parsing the
 * tables again for every document was most of a render's time. Each document still embeds its
 * own subset of the glyphs it uses.
 */
const require = createRequire(import.meta.url);
const load = (file: string) =>
  fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as fontkit.Font;

export const FONT_NAMES = ['regular', 'bold'] as const;
type FontName = (typeof FONT_NAMES)[number];

let fonts: Record<FontName, fontkit.Font> | undefined;

const dejaVuFonts = (): Record<FontName, fontkit.Font> => {
  fonts ??= { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
  return fonts;
};

/** Registers the fonts as « regular » and « bold » (pdfkit's types miss fontkit fonts). */
export const registerFonts = (doc: PDFKit.PDFDocument): void => {
  for (const name of FONT_NAMES) {
    doc.registerFont(name, dejaVuFonts()[name] as unknown as PDFKit.Mixins.PDFFontSource);
  }
};

type LayoutCache = Record<string, unknown>;
type EmbeddedFont = { layoutCache?: LayoutCache };

const MAX_CACHED_WORDS = 50_000;
const sharedCaches = new Map<FontName, LayoutCache>();
let documentsSinceCheck = 0;

/** Bounded: every hundred documents, a cache past 50 000 words starts afresh. */
const cacheFor = (name: FontName): LayoutCache => {
  let cache = sharedCaches.get(name);
  if (!cache || (documentsSinceCheck === 0 && Object.keys(cache).length > MAX_CACHED_WORDS)) {
    cache = Object.create(null) as LayoutCache;
    sharedCaches.set(name, cache);
  }
  return cache;
};

/**
 * Shaping a word (kerning, ligatures, scaling to the font's units) is the costliest step of a
 * render, and a firm's documents repeat the same words. pdfkit keeps the shaped words of a font in
 * a cache of the document; every document of this process now shares one per font. pdfkit never
 * changes a shaped word once cached (it copies a position before adding word spacing), and the
 * fonts are the same objects, so sharing is safe. The cache is a field pdfkit does not publish:
 * its absence only costs speed.
 */
export const shareShapedWords = (doc: PDFKit.PDFDocument): void => {
  documentsSinceCheck = (documentsSinceCheck + 1) % 100;
  for (const name of FONT_NAMES) {
    doc.font(name);
    const font = (doc as unknown as { _font?: EmbeddedFont })._font;
    if (font?.layoutCache) font.layoutCache = cacheFor(name);
  }
};
