import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';

/**
 * What an archival PDF must show, read back from the file. No PDF/A validator runs here (veraPDF
 * is neither a Debian nor an npm package), so the requirements of PDF/A-2b and of a tagged PDF are
 * checked one by one with what does: pdf-lib reads the objects, poppler's pdfinfo reads the XMP
 * packet and the structure tree, pdffonts says whether every font is embedded with its Unicode map.
 * Returns the faults found: none for a good file.
 */

const run = (command: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );

const text = (value: unknown): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

const xmpFaults = (xmp: string, info: { title?: string; author?: string }, part: 2 | 3): string[] => {
  const faults: string[] = [];
  if (!xmp.includes(`<pdfaid:part>${part}</pdfaid:part>`)) faults.push(`XMP: pdfaid:part ${part} absent`);
  if (!xmp.includes('<pdfaid:conformance>B</pdfaid:conformance>'))
    faults.push('XMP: pdfaid:conformance B absent');
  // An unescaped ampersand makes the packet unreadable as XML.
  if (/&(?!amp;|lt;|gt;|quot;|apos;|#)/.test(xmp)) faults.push('XMP: unescaped &');
  const escaped = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (info.title && !xmp.includes(`<rdf:li xml:lang="x-default">${escaped(info.title)}</rdf:li>`))
    faults.push('XMP: dc:title differs from the Info title');
  if (info.author && !xmp.includes(`<rdf:li>${escaped(info.author)}</rdf:li>`))
    faults.push('XMP: dc:creator differs from the Info author');
  if (!xmp.includes('<xmp:ModifyDate>')) faults.push('XMP: xmp:ModifyDate absent (the Info has ModDate)');
  return faults;
};

const catalogFaults = (doc: PDFDocument): string[] => {
  const faults: string[] = [];
  const catalog = doc.catalog;
  if (text(catalog.lookup(PDFName.of('Lang'))) !== 'fr-FR') faults.push('catalog: /Lang is not fr-FR');
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  if (markInfo?.lookup(PDFName.of('Marked')) !== PDFBool.True)
    faults.push('catalog: /MarkInfo /Marked not true');
  const tree = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!tree?.has(PDFName.of('K')) || !tree.has(PDFName.of('ParentTree')))
    faults.push('catalog: no /StructTreeRoot with /K and /ParentTree');
  const metadata = catalog.lookup(PDFName.of('Metadata'));
  if (!(metadata instanceof PDFRawStream) || metadata.dict.get(PDFName.of('Subtype')) !== PDFName.of('XML'))
    faults.push('catalog: no XML /Metadata stream');
  const intents = catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents?.lookupMaybe(0, PDFDict);
  const profile = intent?.lookup(PDFName.of('DestOutputProfile'));
  if (intent?.get(PDFName.of('S')) !== PDFName.of('GTS_PDFA1'))
    faults.push('catalog: no GTS_PDFA1 output intent');
  if (!(profile instanceof PDFRawStream) || profile.dict.lookup(PDFName.of('N'), PDFNumber).asNumber() !== 3)
    faults.push('output intent: no RGB ICC profile');
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  if (names?.has(PDFName.of('JavaScript'))) faults.push('catalog: JavaScript');
  // PDF/A-3 admits embedded files only as associated files: each in /AF with its /AFRelationship.
  const associated = catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
  if (names?.has(PDFName.of('EmbeddedFiles')) && !associated)
    faults.push('catalog: embedded files outside /AF');
  for (let i = 0; i < (associated?.size() ?? 0); i++)
    if (!associated?.lookup(i, PDFDict).has(PDFName.of('AFRelationship')))
      faults.push('associated file without /AFRelationship');
  return faults;
};

/** PDF/A-2: every annotation printable, none hidden (the seal's invisible widget included). */
const annotationFaults = (doc: PDFDocument): string[] =>
  doc.getPages().flatMap((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    return (annots?.asArray() ?? []).flatMap((_, i) => {
      const annot = annots?.lookup(i, PDFDict);
      const flags = annot?.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
      return (flags & 4) === 0 || (flags & (1 | 2 | 32)) !== 0
        ? [`page ${index + 1}: an annotation is not printable or is hidden`]
        : [];
    });
  });

export const archivalFaults = async (pdf: Uint8Array): Promise<string[]> => {
  const faults: string[] = [];
  const bytes = Buffer.from(pdf);
  if (!/^%PDF-1\.[4-7]\r?\n%[\x80-\xff]{4}/.test(bytes.subarray(0, 20).toString('latin1')))
    faults.push('header: not %PDF-1.x followed by a binary comment');
  if (bytes.includes('/Encrypt')) faults.push('trailer: encrypted');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (!doc.context.trailerInfo.ID) faults.push('trailer: no /ID');
  faults.push(...catalogFaults(doc), ...annotationFaults(doc));

  const dir = await mkdtemp(join(tmpdir(), 'lettrine-pdfa-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    faults.push(
      // A file with associated files (the sealed copy carries the sent PDF) is PDF/A-3, else PDF/A-2.
      ...xmpFaults(
        await run('pdfinfo', ['-meta', file]),
        { title: doc.getTitle(), author: doc.getAuthor() },
        doc.catalog.has(PDFName.of('AF')) ? 3 : 2,
      ),
    );
    const fonts = (await run('pdffonts', [file]))
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    // Columns: name type encoding emb sub uni object ID.
    for (const line of fonts) {
      const [emb, , uni] = line.trim().split(/\s+/).slice(-5);
      if (emb !== 'yes' || uni !== 'yes')
        faults.push(`font not embedded with its Unicode map: ${line.trim()}`);
    }
    const structure = await run('pdfinfo', ['-struct', file]);
    if (!structure.startsWith('Document')) faults.push('structure tree: no Document element at its root');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return faults;
};

/** The structure tree with its text, as poppler reads it (pdfinfo -struct-text). */
export const structureText = async (pdf: Uint8Array): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'lettrine-struct-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await run('pdfinfo', ['-struct-text', file]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
