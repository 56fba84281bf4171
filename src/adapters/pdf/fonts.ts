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

type Run = { glyphs: fontkit.Glyph[]; positions: fontkit.GlyphPosition[] };

/**
 * Shaping a word (kerning, ligatures) is the costliest step of a render, and a firm's documents
 * repeat the same words: the shaped words are kept per font across documents. pdfkit scales the
 * positions of the run it receives in place, so each call gets its own copy of them, and the run's
 * width is computed from those copies as fontkit's own GlyphRun does.
 */
const memoiseLayout = (font: fontkit.Font): fontkit.Font => {
  const shaped = new Map<string, Run>();
  const layout = font.layout.bind(font);
  const memoised = (text: string, features?: unknown) => {
    if (features !== undefined) return layout(text, features as Parameters<fontkit.Font['layout']>[1]);
    let run = shaped.get(text);
    if (!run) {
      const fresh = layout(text);
      run = { glyphs: fresh.glyphs, positions: fresh.positions.map((p) => ({ ...p })) };
      // Bounded: past 50 000 words the cache starts afresh rather than growing without end.
      if (shaped.size >= 50_000) shaped.clear();
      shaped.set(text, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((width, p) => width + p.xAdvance, 0);
      },
    };
  };
  return Object.assign(Object.create(font), { layout: memoised }) as fontkit.Font;
};

const load = (file: string) =>
  memoiseLayout(
    fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as fontkit.Font,
  );

export type FontSet = {
  readonly regular: fontkit.Font;
  readonly bold: fontkit.Font;
  readonly italic: fontkit.Font;
};

let fonts: FontSet | undefined;

export const dejaVuFonts = (): FontSet => {
  fonts ??= {
    regular: load('DejaVuSans.ttf'),
    bold: load('DejaVuSans-Bold.ttf'),
    italic: load('DejaVuSans-Oblique.ttf'),
  };
  return fonts;
};

/** Registers the fonts as « regular », « bold » and « italic » (pdfkit's types miss fontkit fonts). */
export const registerFonts = (doc: PDFKit.PDFDocument): void => {
  for (const [name, font] of Object.entries(dejaVuFonts())) {
    doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
  }
};
