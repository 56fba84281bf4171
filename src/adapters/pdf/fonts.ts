import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans, embedded in every PDF: it carries every French character (accents, œ, €, the
 * narrow no-break space), so the document reads the same on any machine. Read once per process.
 */
const require = createRequire(import.meta.url);
const load = (file: string): Buffer => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

export type FontSet = { readonly regular: Buffer; readonly bold: Buffer; readonly italic: Buffer };

let fonts: FontSet | undefined;

export const dejaVuFonts = (): FontSet => {
  fonts ??= {
    regular: load('DejaVuSans.ttf'),
    bold: load('DejaVuSans-Bold.ttf'),
    italic: load('DejaVuSans-Oblique.ttf'),
  };
  return fonts;
};
