/**
 * Issue 3's target: rendering a four-page engagement letter, Lettrine against a bare pdfkit script
 * that writes the same text with the same fonts, in the same run. Prints documents per second and
 * peak memory for each, and their ratio (target: Lettrine at least half the bare rate).
 *
 *   npm run bench:pdf
 *   npm run bench:pdf -- --seconds 5 --rounds 3
 */
import { parseArgs } from 'node:util';
import PDFDocument from 'pdfkit';
import { ARCHIVAL_OPTIONS, useArchivalMetadata } from '../src/adapters/pdf/archival.ts';
import { registerFonts, shareShapedWords } from '../src/adapters/pdf/fonts.ts';
import { createPdfRenderer } from '../src/adapters/pdf/pdf-renderer.ts';
import { documentContent, textOfContent } from '../src/domain/documents/content/document-content.ts';
import { FOUR_PAGE_LETTER } from './pdf-letter.ts';
import { printVerdicts, VERDICT_OPTIONS, verdict } from './verdicts.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    ...VERDICT_OPTIONS,
  },
});
// A smoke run in CI's time: one short round.
if (values.quick) Object.assign(values, { seconds: '1', rounds: '1' });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const renderer = createPdfRenderer();
const at = new Date('2026-11-29T09:00:00Z');

const lettrine = async (): Promise<Uint8Array> =>
  (await renderer.render(documentContent(FOUR_PAGE_LETTER), { at })).bytes;

/**
 * The floor: the same words, one paragraph each, in the same embedded font (parsed once, as
 * Lettrine does), with none of the layout: no tables, columns, header, footer or measuring.
 * With `sharedWords`, it also shares Lettrine's cache of shaped words across documents: the
 * strict comparison, where the only difference left is Lettrine's layout.
 *
 * The file is of the same kind as Lettrine's (issue 14, item 14): PDF/A-2b on PDF 1.7 with its
 * output intent and XMP, in French, tagged, each paragraph a P of the structure tree. A bare script
 * writing an untagged PDF 1.3 would not be a document the firm may send.
 */
const bare = (strings: readonly string[], options: { sharedWords: boolean }) => (): Promise<Uint8Array> =>
  new Promise((resolve) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      ...ARCHIVAL_OPTIONS,
      info: { CreationDate: at, Title: 'Lettre de mission', Author: 'Cabinet' },
    });
    useArchivalMetadata(doc);
    registerFonts(doc);
    if (options.sharedWords) shareShapedWords(doc);
    doc.font('regular').fontSize(9.5);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    const root = doc.struct('Document');
    doc.addStructure(root);
    for (const text of strings) {
      const paragraph = doc.struct('P');
      root.add(paragraph);
      paragraph.add(() => doc.text(text));
      paragraph.end();
    }
    root.end();
    doc.end();
  });

const pagesOf = (pdf: Uint8Array): number =>
  Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Type \/Page\b/g)?.length ?? 0;

type Figures = { perSecond: number; peakMb: number; documents: number };

/** JavaScript heap plus buffers: what rendering allocates (the process's RSS only ever grows). */
const inUse = (): number => {
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.external;
};

/** Renders one after another for the given time; samples the memory in use every 5 ms. */
const measure = async (render: () => Promise<Uint8Array>): Promise<Figures> => {
  globalThis.gc?.();
  let peak = inUse();
  const sampler = setInterval(() => {
    peak = Math.max(peak, inUse());
  }, 5);
  const start = performance.now();
  let documents = 0;
  while (performance.now() - start < seconds * 1000) {
    await render();
    documents += 1;
  }
  const elapsed = (performance.now() - start) / 1000;
  clearInterval(sampler);
  return { perSecond: documents / elapsed, peakMb: peak / 1024 / 1024, documents };
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const main = async () => {
  const content = documentContent(FOUR_PAGE_LETTER);
  const bareRender = bare(textOfContent(content), { sharedWords: false });
  const strictRender = bare(textOfContent(content), { sharedWords: true });
  const sample = await lettrine();
  const bareSample = await bareRender();
  console.log(
    `Lettre de mission de référence : ${pagesOf(sample)} pages (${(sample.length / 1024).toFixed(0)} Kio) ; même texte en pdfkit nu : ${pagesOf(bareSample)} pages`,
  );
  // Warm-up: the JIT and the font parsing of both paths.
  for (let i = 0; i < 5; i++) {
    await lettrine();
    await bareRender();
    await strictRender();
  }
  const results = { lettrine: [] as Figures[], bare: [] as Figures[], strict: [] as Figures[] };
  for (let round = 1; round <= rounds; round++) {
    results.bare.push(await measure(bareRender));
    results.strict.push(await measure(strictRender));
    results.lettrine.push(await measure(lettrine));
  }
  const row = (name: string, figures: Figures[]) =>
    `${name.padEnd(28)} ${median(figures.map((f) => f.perSecond))
      .toFixed(1)
      .padStart(8)} doc/s   pic mémoire ${Math.max(...figures.map((f) => f.peakMb))
      .toFixed(0)
      .padStart(4)} Mo   (${figures.map((f) => f.perSecond.toFixed(1)).join(', ')})`;
  console.log(`${rounds} manches de ${seconds} s ; débit médian, pic de mémoire (tas JS + tampons) :`);
  console.log(row('pdfkit nu', results.bare));
  console.log(row('pdfkit nu, mots partagés', results.strict));
  console.log(row('Lettrine', results.lettrine));
  const rate = (figures: Figures[]) => median(figures.map((f) => f.perSecond));
  const ratio = rate(results.lettrine) / rate(results.bare);
  const strict = rate(results.lettrine) / rate(results.strict);
  console.log(`ratio Lettrine / pdfkit nu : ${ratio.toFixed(2)}`);
  console.log(`ratio Lettrine / pdfkit nu aux mots partagés (comparaison stricte) : ${strict.toFixed(2)}`);
  printVerdicts(
    'rendu d’une lettre de quatre pages',
    [verdict('Lettrine / pdfkit nu aux mots partagés, doc/s', strict.toFixed(2), '≥ 0,5', strict >= 0.5)],
    { strict: values.strict, quick: values.quick },
  );
};

await main();
