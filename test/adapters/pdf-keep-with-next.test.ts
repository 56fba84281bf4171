import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import type { Block, DocumentContent } from '../../src/domain/documents/content/blocks.ts';
import { pdfText, plainText } from '../support/pdf.ts';

/**
 * Issue 14, item 13: a mission block, a fee row or a signer's evidence is never parted from its
 * heading across pages. Each section is pushed down the page a few lines at a time, so that one of
 * the renders puts its heading at the foot of a page: the heading's page must hold what follows it.
 */

const at = new Date('2026-11-29T09:00:00Z');

const contentOf = (blocks: Block[]): DocumentContent => ({
  title: 'Lettre de mission',
  subtitle: 'N° LM-2026-0001',
  firmHeader: ['Cabinet Dupré & Associés'],
  footer: 'Lettre de mission',
  metadata: { title: 'Lettre de mission', author: 'Cabinet Dupré & Associés', subject: 'Test' },
  blocks,
});

const filler = (lines: number): Block[] => [
  { type: 'paragraph', text: 'Texte qui remplit la page. '.repeat(48) },
  ...Array.from({ length: lines }, (): Block => ({ type: 'paragraph', text: 'Une ligne de plus.' })),
];

/** The pages (as pdftotext reads them) of the content with `lines` one-line paragraphs above the section. */
const pagesWith = async (section: Block[], lines: number): Promise<string[]> => {
  const blocks = [...Array.from({ length: 3 }, () => filler(0)).flat(), ...filler(lines), ...section];
  const { bytes } = await createPdfRenderer().render(contentOf(blocks), { at });
  return plainText(await pdfText(bytes)).split('\f');
};

const expectKeptTogether = async (section: Block[], heading: string, last: string) => {
  const headingPages = new Set<number>();
  for (let lines = 0; lines <= 48; lines += 3) {
    const pages = await pagesWith(section, lines);
    const index = pages.findIndex((text) => text.includes(heading));
    expect(index, `${lines} lines: heading not found`).toBeGreaterThanOrEqual(0);
    expect(pages[index], `${lines} lines: « ${last} » left the page of « ${heading} »`).toContain(last);
    headingPages.add(index);
  }
  // Somewhere in the sweep the section did reach the foot of a page and moved to the next one.
  expect(headingPages.size).toBeGreaterThan(1);
};

const EVIDENCE: Block[] = [
  { type: 'heading', level: 2, text: 'Client : Paul Martin' },
  {
    type: 'fields',
    rows: [
      ['Nom', 'Paul Martin'],
      ['Qualité', 'Gérant'],
      ['E-mail', 'paul@boulangerie-martin.test'],
      ['Mode de signature', 'Électronique, par lien personnel et code à usage unique'],
      ['Lien ouvert le', '29/11/2026 à 10:40:00 (heure de Paris)'],
      ['Adresse IP (ouverture)', '203.0.113.7'],
      ['Code envoyé le', '29/11/2026 à 10:41:00 (heure de Paris)'],
      ['Code vérifié le', '29/11/2026 à 10:41:30 (heure de Paris)'],
      ['Consentement donné le', '29/11/2026 à 10:42:00 (heure de Paris)'],
      ['Signé le', '29/11/2026 à 10:42:13 (heure de Paris)'],
      ['Adresse IP (signature)', '203.0.113.7'],
      ['Signature dessinée', 'Oui'],
    ],
  },
];

const MISSION: Block[] = [
  { type: 'heading', level: 3, text: '1. Révision et établissement des comptes annuels' },
  {
    type: 'fields',
    rows: [
      ['Nature et étendue', 'Contrôle des comptes, bilan, compte de résultat et annexe.'],
      ['Norme professionnelle', 'NP 2300'],
    ],
  },
  { type: 'paragraph', lead: 'Ce que la mission n’est pas.', text: 'Ni un audit ni un examen limité.' },
  {
    type: 'table',
    columns: [
      { header: 'Tâche', width: 3, align: 'left' },
      { header: 'Réalisée par', width: 1, align: 'left' },
    ],
    rows: [
      { cells: ['Transmission des pièces', 'Le client'] },
      { cells: ['Inventaire des stocks', 'Le client'] },
      { cells: ['Établissement du bilan', 'Le cabinet'] },
    ],
  },
];

const FEES: Block[] = [
  { type: 'heading', level: 2, text: 'Honoraires' },
  {
    type: 'table',
    columns: [
      { header: 'Mission', width: 3, align: 'left' },
      { header: 'Montant HT', width: 1, align: 'right' },
    ],
    rows: Array.from({ length: 40 }, (_, i) => ({ cells: [`Mission numéro ${i + 1}`, '100,00 €'] })),
  },
];

describe('keep-with-next in the PDF layout', () => {
  it('keeps a signer’s evidence on the page of its heading', () =>
    expectKeptTogether(EVIDENCE, 'Client : Paul Martin', 'Signature dessinée'));

  it('keeps a mission block whole on the page of its heading', () =>
    expectKeptTogether(MISSION, '1. Révision et établissement', 'Établissement du bilan'));

  it('keeps a long fee table’s heading with its header and first row', () =>
    expectKeptTogether(FEES, 'Honoraires', 'Mission numéro 1 '));
});
