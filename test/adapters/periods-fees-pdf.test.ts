import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { summariseChanges } from '../../src/domain/documents/change-summary.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import type { DocumentFacts, LineFacts } from '../../src/domain/documents/content/facts.ts';
import { DEFAULT_REVISION_CLAUSE } from '../../src/domain/documents/defaults.ts';
import { computeTotals } from '../../src/domain/documents/fees.ts';
import { letterTerm } from '../../src/domain/documents/term.ts';
import { aDocumentFacts, aLineFacts } from '../builders/document-facts.ts';
import { flowingText, pdfText, plainText } from '../support/pdf.ts';

/**
 * Issue 14, items 1, 4, 5, 6 and 9: what a client reads in the PDF (pdftotext through the real
 * renderer) about the period a letter covers and what its fees are.
 */

const at = new Date('2026-11-29T09:00:00Z');
/** Rows of tables and fields read across (layout mode), then paragraphs read through their line ends. */
const textOf = async (facts: DocumentFacts) => {
  const { bytes } = await createPdfRenderer().render(documentContent(facts), { at });
  const layout = plainText(await pdfText(bytes))
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
  return `${layout}\n${await flowingText(bytes)}`;
};

const withLines = (lines: LineFacts[], overrides: Partial<DocumentFacts> = {}) =>
  aDocumentFacts({ lines, totals: computeTotals(lines), ...overrides });

const bookkeeping = aLineFacts({
  label: 'Tenue de la comptabilité',
  description: 'Saisie et révision des écritures.',
  unitPriceCents: 27_500,
  recurrence: 'monthly',
  pricingMode: 'fixed',
});

describe('fees and periods as the client reads them in the PDF (issue 14)', () => {
  it('item 1: effective 01/01/2027 with a 31 March closing, the letter says the fiscal years it covers, a first period of 15 months, its prorated fees and 15 instalments to March 2028', async () => {
    const client = { ...aDocumentFacts().client, fiscalYearEnd: '03-31' };
    const term = letterTerm({
      effectiveDate: '2027-01-01',
      durationMonths: 12,
      noticeMonths: 3,
      fiscalYearEnd: '03-31',
    });
    const text = await textOf(withLines([bookkeeping], { client, term }));
    expect(text).toContain('Exercices couverts');
    expect(text).toContain(
      'l’exercice du 01/04/2026 au 31/03/2027 (à compter du 01/01/2027) et l’exercice du 01/04/2027 au 31/03/2028',
    );
    expect(text).toContain('Première période de 15 mois, du 01/01/2027 au 31/03/2028');
    expect(text).toContain('Fin de la première période 31/03/2028');
    expect(text).not.toContain('Durée 12 mois');
    // 275,00 € a month, 3 300,00 € a year: 15/12 of it is 4 125,00 €, 15 instalments of 275,00 €.
    expect(text).toContain(
      'les honoraires annuels récurrents de 3 300,00 € HT sont dus au prorata de sa durée, soit 15/12, 4 125,00 € HT.',
    );
    expect(text).toContain('15 mensualités de 275,00 € HT, de janvier 2027 à mars 2028');
    expect(text).toContain('À compter du 01/04/2028, chaque exercice est réglé en 12 mensualités.');
    expect(text).toContain('mars 2028 275,00 €');
    expect(text).not.toContain('12 mensualités de 275,00 € HT');
  });

  it('item 1: a calendar year says its fees are not prorated', async () => {
    const text = await textOf(withLines([bookkeeping]));
    expect(text).toContain('Exercices couverts l’exercice du 01/01/2027 au 31/12/2027');
    expect(text).toContain('sont dus sans prorata');
    expect(text).toContain('12 mensualités de 275,00 € HT, de janvier 2027 à décembre 2027');
  });

  it('item 4: « 4 bulletins × 32,00 € » bills the actual number of payslips; hours are an estimate billed on time spent', async () => {
    const payslips = aLineFacts({
      label: 'Bulletin de paie',
      unitLabel: 'bulletin',
      quantity: '4',
      unitPriceCents: 3_200,
      recurrence: 'monthly',
      pricingMode: 'unit',
    });
    const advice = aLineFacts({
      label: 'Assistance au contrôle fiscal',
      unitLabel: 'heure',
      quantity: '10',
      unitPriceCents: 15_000,
      recurrence: 'one_off',
      pricingMode: 'hourly',
    });
    const text = await textOf(withLines([payslips, advice]));
    expect(text).toContain(
      'Bulletin de paie : 4 bulletins × 32,00 € HT est une estimation ; c’est le nombre réel de bulletins qui est facturé chaque mois, au prix unitaire de 32,00 € HT',
    );
    expect(text).toContain(
      'Assistance au contrôle fiscal : 10 heures × 150,00 € HT est une estimation du temps nécessaire ; c’est le temps réellement passé qui est facturé, au taux horaire de 150,00 € HT',
    );
  });

  it('item 5: the revision clause by default, and the coefficient of a replacement letter said in words', async () => {
    const before = [{ ...bookkeeping, key: 'a' }];
    const text = await textOf(
      withLines([{ ...bookkeeping, unitPriceCents: 28_531 }], {
        kind: 'replacement_letter',
        number: 'LMS-2026-0001',
        revisionClause: DEFAULT_REVISION_CLAUSE,
        replacement: {
          replaced: [{ kind: 'engagement_letter', number: 'LM-2025-0001', signedOn: '2025-01-10' }],
          summary: summariseChanges(before, [{ ...before[0]!, unitPriceCents: 28_531 }]),
          coefficient: '1.0375',
        },
      }),
    );
    expect(text).toContain(
      'Les prix des missions reconduites sont revalorisés par application d’un coefficient de 1,0375, soit une revalorisation de 3,75 %.',
    );
    expect(text).toContain('Clause de révision');
    expect(text).toContain('dans la limite de l’évolution de l’indice Syntec');
  });

  it('item 6: débours are re-invoiced « à l’euro l’euro », outside VAT under article 267 II-2° CGI, never « TVA 0 % »', async () => {
    const disbursement = aLineFacts({
      label: 'Débours (greffe, annonces légales)',
      description: 'Frais payés pour le compte du client.',
      unitLabel: 'au réel',
      quantity: '1',
      unitPriceCents: 4_550,
      vatRateBp: 0,
      recurrence: 'one_off',
      pricingMode: 'at_cost',
    });
    const text = await textOf(withLines([bookkeeping, disbursement]));
    expect(text).toContain(
      'refacturés à l’euro l’euro sur justificatif ; débours, non soumis à la TVA (art. 267 II-2° CGI)',
    );
    expect(text).toContain('Dont débours, non soumis à la TVA (art. 267 II-2° CGI) 45,50 €');
    expect(text).not.toContain('TVA 0 %');
    // A line typed by hand, without its catalogue mode, is read from its words.
    const typed = await textOf(withLines([bookkeeping, { ...disbursement, pricingMode: null }]));
    expect(typed).not.toContain('TVA 0 %');
  });

  it('item 9: an amendment describes the service it adds, restates the monthly instalment from its effective date with VAT, and the payment terms', async () => {
    const before = [{ ...aLineFacts(), key: 'a' }];
    const situation = aLineFacts({
      label: 'Situation intermédiaire',
      description: 'Comptes intermédiaires trimestriels, sans annexe.',
      exclusions: 'Ces comptes ne sont ni audités ni certifiés.',
      taskSplit: [{ task: 'Inventaire trimestriel des stocks', who: 'client', frequency: 'trimestrielle' }],
      unitPriceCents: 40_000,
      recurrence: 'quarterly',
      professionalStandard: null,
    });
    const summary = {
      ...summariseChanges(before, [...before, { ...situation, key: 'b' }]),
      effectiveDate: '2027-03-01',
    };
    const text = await textOf(
      withLines([situation], {
        kind: 'amendment',
        number: 'LM-2026-0001-A01',
        effectiveDate: '2027-03-01',
        amendment: {
          letterNumber: 'LM-2026-0001',
          letterSignedOn: '2026-01-10',
          summary,
          addedLines: [situation],
        },
      }),
    );
    expect(text).toContain('Missions ajoutées');
    expect(text).toContain('Nature et étendue Comptes intermédiaires trimestriels, sans annexe.');
    expect(text).toContain('Ces comptes ne sont ni audités ni certifiés.');
    expect(text).toContain('Inventaire trimestriel des stocks Le client trimestrielle');
    // 1 200,00 + 4 × 400,00 = 2 800,00 € a year: 233,33 € a month, 280,00 € TTC.
    expect(text).toContain(
      'À compter du 01/03/2027, la mensualité des honoraires récurrents de la lettre est de 233,33 € HT, soit 280,00 € TTC',
    );
    expect(text).toContain('Modalités de paiement Prélèvement le 5 de chaque mois.');
  });
});
