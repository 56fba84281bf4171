/**
 * The first page of each kind of document, as the firm sends it (issue 14's resolution note):
 * one realistic document of each of the six kinds, and the signed copy of an engagement letter,
 * rendered in-process by the real renderer (src/adapters/pdf/pdf-renderer.ts) from the test
 * builders' firm and client, then page 1 of each converted to PNG by pdftoppm (poppler-utils).
 *
 *   npm run docs:pdf-pages                      # writes docs/pdf-pages/*.png
 *   npx tsx scripts/pdf-pages.ts /tmp/pages --resolution 110 --keep-pdf
 *
 * Prints each PDF's page count and checks that the text of its first page (pdftotext) carries the
 * document's title and number; exits with 1 when one does not.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { createPdfRenderer } from '../src/adapters/pdf/pdf-renderer.ts';
import { summariseChanges } from '../src/domain/documents/change-summary.ts';
import { documentContent } from '../src/domain/documents/content/document-content.ts';
import type { DocumentFacts, LineFacts } from '../src/domain/documents/content/facts.ts';
import { endingServicesOf } from '../src/domain/documents/content/termination-content.ts';
import { DEFAULT_PAYMENT_TERMS, DEFAULT_REVISION_CLAUSE } from '../src/domain/documents/defaults.ts';
import { computeTotals } from '../src/domain/documents/fees.ts';
import { DOCUMENT_TITLES, type DocumentKind } from '../src/domain/documents/kinds.ts';
import { letterTerm } from '../src/domain/documents/term.ts';
import { maskEmail } from '../src/domain/signing/signing-rules.ts';
import { aDocumentFacts, aLineFacts } from '../test/builders/document-facts.ts';
import { aFirmSignerEvidence, aSignedFacts, aSignerEvidence } from '../test/builders/signed-facts.ts';

const run = promisify(execFile);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    resolution: { type: 'string', default: '60' },
    'keep-pdf': { type: 'boolean', default: false },
  },
});
const outDir = resolve(positionals[0] ?? 'docs/pdf-pages');
const resolution = values.resolution;
const at = new Date('2026-11-29T09:00:00Z');

// The services of a small business client (the builders' Boulangerie Martin), as the catalogue describes them.
const bookkeeping = aLineFacts({
  label: 'Tenue de la comptabilité',
  description: 'Saisie des pièces comptables, rapprochements bancaires et révision des comptes.',
  unitPriceCents: 27_500,
  recurrence: 'monthly',
  pricingMode: 'fixed',
  domain: 'comptable',
  professionalStandard: null,
  exclusions: null,
  taskSplit: [
    {
      task: 'Transmission des pièces et relevés bancaires',
      who: 'client',
      frequency: 'mensuelle, avant le 10',
    },
    { task: 'Saisie et rapprochements bancaires', who: 'firm', frequency: 'mensuelle' },
  ],
});
const annualAccounts = aLineFacts({
  unitPriceCents: 210_000,
  domain: 'comptable',
  pricingMode: 'fixed',
  taskSplit: [
    { task: 'Inventaire physique des stocks', who: 'client', frequency: 'annuelle, à la clôture' },
    {
      task: 'Établissement du bilan, du compte de résultat et de l’annexe',
      who: 'firm',
      frequency: 'annuelle',
    },
    { task: 'Approbation des comptes annuels', who: 'client', frequency: 'annuelle' },
  ],
});
const taxReturns = aLineFacts({
  label: 'Déclarations fiscales annuelles',
  description: 'Liasse fiscale, déclaration de CVAE et CFE, relevé de solde d’impôt sur les sociétés.',
  unitPriceCents: 45_000,
  recurrence: 'yearly',
  pricingMode: 'fixed',
  domain: 'fiscal',
  professionalStandard: null,
  exclusions: null,
  taskSplit: [],
});
const payroll = aLineFacts({
  label: 'Bulletins de paie et DSN',
  description: 'Établissement des bulletins de paie et des déclarations sociales nominatives mensuelles.',
  unitLabel: 'bulletin',
  quantity: '4',
  unitPriceCents: 3_200,
  recurrence: 'monthly',
  pricingMode: 'unit',
  domain: 'social',
  professionalStandard: null,
  exclusions: null,
  taskSplit: [
    {
      task: 'Transmission des éléments variables de paie',
      who: 'client',
      frequency: 'mensuelle, avant le 25',
    },
  ],
});
const attestation = aLineFacts({
  label: 'Attestation particulière',
  description: 'Attestation du chiffre d’affaires 2026 demandée par la banque pour un prêt d’équipement.',
  recurrence: 'one_off',
  unitPriceCents: 18_000,
  pricingMode: 'fixed',
  domain: 'conseil',
  professionalStandard: 'Norme professionnelle relative aux attestations particulières',
  exclusions: null,
  taskSplit: [],
});

const base = aDocumentFacts();
const letterLines = [bookkeeping, annualAccounts, taxReturns];
const letterOf = (lines: readonly LineFacts[], overrides: Partial<DocumentFacts>): DocumentFacts =>
  aDocumentFacts({
    lines,
    totals: computeTotals(lines),
    paymentTerms: DEFAULT_PAYMENT_TERMS,
    revisionClause: DEFAULT_REVISION_CLAUSE,
    term: letterTerm({
      effectiveDate: '2027-01-01',
      durationMonths: 12,
      noticeMonths: 3,
      fiscalYearEnd: base.client.fiscalYearEnd,
    }),
    ...overrides,
  });

const engagementLetter = letterOf(letterLines, { number: 'LM-2026-0042' });

const keyed = (lines: readonly LineFacts[]) => lines.map((line, index) => ({ ...line, key: `l${index}` }));
const before = keyed(letterLines);
const revalued = letterLines.map((line) => ({
  ...line,
  unitPriceCents: Math.round(line.unitPriceCents * 1.0375),
}));
const replacementLines = [...revalued, payroll];

const amendmentSummary = {
  ...summariseChanges(before, [...before, { ...payroll, key: 'paie' }]),
  effectiveDate: '2027-03-01',
};

/** The signatories of the letter sign it themselves: the evidence names the people the letter names. */
const signedBy = aSignedFacts({
  signers: [
    aSignerEvidence({
      name: 'Julien Martin',
      capacity: 'Gérant',
      email: 'julien.martin@boulangerie-martin.fr',
      typedName: 'Julien Martin',
    }),
    aFirmSignerEvidence({
      name: 'Claire Dupré',
      capacity: 'Experte-comptable associée',
      email: 'claire.dupre@cabinet-dupre.fr',
      typedName: 'Claire Dupré',
    }),
  ],
});
const SIGNERS = {
  client: { name: 'Julien Martin', email: 'julien.martin@boulangerie-martin.fr' },
  firm: { name: 'Claire Dupré', email: 'claire.dupre@cabinet-dupre.fr' },
} as const;
/** The trail of the builders, told by the same people, the client on a phone (issue 15, item 4). */
const signed = {
  ...signedBy,
  trail: signedBy.trail.map((entry) => {
    if (!entry.side) return entry;
    const who = SIGNERS[entry.side];
    return {
      ...entry,
      signerName: who.name,
      userAgent:
        entry.userAgent && entry.side === 'client'
          ? 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'
          : entry.userAgent,
      data:
        entry.type === 'invitation_sent'
          ? { ...entry.data, to: who.email }
          : entry.type === 'code_sent'
            ? { ...entry.data, to: maskEmail(who.email) }
            : entry.data,
    };
  }),
};
const electronic = {
  clientSignatory: { name: 'Julien Martin', capacity: 'Gérant', signsElectronically: true },
  firmSignatory: { name: 'Claire Dupré', capacity: 'Experte-comptable associée', signsElectronically: true },
};

type Sample = { readonly file: string; readonly what: string; readonly facts: DocumentFacts };

const titled = (kind: DocumentKind) => ({ kind, title: DOCUMENT_TITLES[kind] });

/**
 * R-G1: the client ends LM-2026-0042 at the close of its first year, notice kept (given before the
 * 30/09 deadline); the services that end are the letter's scope on that day, the payroll its
 * amendment added included (endingServicesOf, as the application builds them).
 */
const terminationLetter = aDocumentFacts({
  ...titled('termination_letter'),
  number: 'FM-2027-0003',
  issuedOn: '2027-09-15',
  lines: [],
  totals: computeTotals([]),
  terms: null,
  effectiveDate: null,
  term: null,
  paymentTerms: null,
  termination: {
    letter: {
      kind: 'engagement_letter',
      number: 'LM-2026-0042',
      signedOn: '2026-12-10',
      effectiveDate: '2027-01-01',
    },
    requestedBy: 'client',
    reason: 'Cession du fonds de commerce au 31 décembre 2027',
    noticeGivenOn: '2027-09-15',
    endDate: '2027-12-31',
    earliestEndDate: '2027-12-31',
    noticeMonths: 3,
    noticeRespected: true,
    agreedOtherwise: false,
    services: endingServicesOf({
      lines: [...letterLines, payroll].map((line, index) => ({
        ...line,
        lineId: `l${index}`,
        letterId: 'lm-2026-0042',
        serviceId: null,
      })),
    }),
    registeredMail: null,
  },
});

const SAMPLES: readonly Sample[] = [
  {
    file: 'proposal',
    what: 'Offre de service',
    facts: letterOf([...letterLines, payroll], {
      ...titled('proposal'),
      number: 'OS-2026-0042',
      validUntil: '2026-12-29',
      term: null,
    }),
  },
  { file: 'engagement_letter', what: 'Lettre de mission (signature papier)', facts: engagementLetter },
  {
    file: 'replacement_letter',
    what: 'Lettre de mission substitutive',
    facts: letterOf(replacementLines, {
      ...titled('replacement_letter'),
      number: 'LMS-2026-0007',
      replacement: {
        replaced: [{ kind: 'engagement_letter', number: 'LM-2025-0042', signedOn: '2025-12-12' }],
        summary: summariseChanges(before, [...keyed(revalued), { ...payroll, key: 'paie' }]),
        coefficient: '1.0375',
      },
    }),
  },
  {
    file: 'amendment',
    what: 'Avenant à la lettre de mission',
    facts: aDocumentFacts({
      ...titled('amendment'),
      number: 'LM-2026-0042-A01',
      lines: [payroll],
      totals: computeTotals([payroll]),
      effectiveDate: '2027-03-01',
      paymentTerms: DEFAULT_PAYMENT_TERMS,
      amendment: {
        letterNumber: 'LM-2026-0042',
        letterSignedOn: '2026-12-10',
        summary: amendmentSummary,
        addedLines: [payroll],
      },
    }),
  },
  {
    file: 'work_order',
    what: 'Bon d’intervention',
    facts: aDocumentFacts({
      ...titled('work_order'),
      number: 'BI-2026-0013',
      effectiveDate: '2026-12-01',
      term: null,
      lines: [attestation],
      totals: computeTotals([attestation]),
      paymentTerms: DEFAULT_PAYMENT_TERMS,
    }),
  },
  { file: 'termination_letter', what: 'Lettre de fin de mission', facts: terminationLetter },
  {
    file: 'engagement_letter-signed',
    what: 'Lettre de mission, exemplaire signé électroniquement',
    facts: { ...engagementLetter, ...electronic, signed },
  },
];

const flat = (text: string): string => text.replace(/[\u00a0\u202f\s]+/g, ' ').trim();

/**
 * A signed copy's evidence (issue 15's resolution note): each page from the one that opens « Dossier
 * de preuve » to the last, at 80 dpi, as `<file>-evidence-<n>.png`.
 */
const renderEvidence = async (pdf: string, pages: number, png: string): Promise<void> => {
  let first = pages;
  while (first > 1) {
    const text = (
      await run('pdftotext', ['-f', String(first), '-l', String(first), '-enc', 'UTF-8', pdf, '-'])
    ).stdout;
    if (text.includes('Dossier de preuve')) break;
    first -= 1;
  }
  for (let page = first; page <= pages; page += 1) {
    const out = `${png}-evidence-${page - first + 1}`;
    await run('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      pdf,
      out,
    ]);
    process.stdout.write(
      `${`${out.split('/').pop()}.png`.padEnd(30)} page ${page} / ${pages} (dossier de preuve)\n`,
    );
  }
};

const main = async (): Promise<number> => {
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'lettrine-pdf-pages-'));
  const renderer = createPdfRenderer();
  let failures = 0;
  try {
    for (const sample of SAMPLES) {
      const { bytes } = await renderer.render(documentContent(sample.facts), { at });
      const pdf = join(values['keep-pdf'] ? outDir : work, `${sample.file}.pdf`);
      await writeFile(pdf, bytes);
      const info = (await run('pdfinfo', [pdf])).stdout;
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
      const firstPage = flat(
        (await run('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', pdf, '-'])).stdout,
      );
      const expected = [sample.facts.title, sample.facts.number ?? ''];
      const missing = expected.filter((text) => !firstPage.includes(text));
      const png = join(outDir, sample.file);
      await run('pdftoppm', ['-png', '-r', resolution, '-f', '1', '-l', '1', '-singlefile', pdf, png]);
      const size = (await stat(`${png}.png`)).size;
      if (sample.facts.signed) await renderEvidence(pdf, pages, png);
      const check = missing.length === 0 ? 'titre et numéro en page 1' : `MANQUE : ${missing.join(', ')}`;
      if (missing.length > 0) failures++;
      const from = Math.max(0, firstPage.indexOf(sample.facts.title));
      const excerpt = firstPage.slice(from, from + 110);
      process.stdout.write(
        `${`${sample.file}.png`.padEnd(30)} ${String(pages).padStart(2)} p.  ${String(Math.round(size / 1024)).padStart(4)} Ko  ${check}\n    « ${excerpt}… »\n`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return failures === 0 ? 0 : 1;
};

process.exitCode = await main();
