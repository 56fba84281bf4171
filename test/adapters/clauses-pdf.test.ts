import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import type { DocumentFacts } from '../../src/domain/documents/content/facts.ts';
import { computeTotals } from '../../src/domain/documents/fees.ts';
import { aDocumentFacts, aLineFacts } from '../builders/document-facts.ts';
import { flowingText } from '../support/pdf.ts';

/** Issue 14, items 2, 3, 8, 10, 11, 12: what the rendered PDF of each kind says, read by pdftotext. */

const at = new Date('2026-11-29T09:00:00Z');
const textOf = async (facts: DocumentFacts) =>
  flowingText((await createPdfRenderer().render(documentContent(facts), { at })).bytes);

const payroll = aLineFacts({
  label: 'Bulletin de paie et DSN',
  domain: 'social',
  recurrence: 'monthly',
  unitLabel: 'bulletin',
  quantity: '3',
  unitPriceCents: 3_200,
  professionalStandard: null,
});
const accounts = aLineFacts({ domain: 'comptable' });
const electronic = {
  clientSignatory: { name: 'Julien Martin', capacity: 'Gérant', signsElectronically: true },
  firmSignatory: { name: 'Claire Dupré', capacity: 'Expert-comptable associée', signsElectronically: true },
};

describe('the clauses in the rendered PDF (pdftotext)', () => {
  it('an engagement letter sent electronically: processor annex, standards by number, deliverables, no paper wording', async () => {
    const lines = [accounts, payroll];
    const text = await textOf(aDocumentFacts({ lines, totals: computeTotals(lines), ...electronic }));
    expect(text).toContain('Annexe — Clauses de sous-traitance de données personnelles (article 28 du RGPD)');
    expect(text).toContain('agit en qualité de sous-traitant au sens de l’article 28 du RGPD');
    expect(text).toContain('NP 2300');
    expect(text).toContain('accompagnés de l’attestation de présentation signée par');
    expect(text).toContain('Bulletins de paie remis au client');
    expect(text).toContain('Résiliation anticipée');
    expect(text).toContain('l’expert-comptable qui lui succède');
    expect(text).not.toContain('Mention manuscrite');
    expect(text).not.toContain('deux exemplaires');
    expect(text).not.toContain('boîte d’envoi');
    expect(text).toContain('Signature électronique : lien personnel et code à usage unique');
  });

  it('a letter signed on paper keeps its handwritten mention and its two copies', async () => {
    const text = await textOf(aDocumentFacts());
    expect(text).toContain('Mention manuscrite');
    expect(text).toContain('en deux exemplaires');
  });

  it('a proposal to a private person: terms and version, identification, data, planned start, withdrawal form, TTC first', async () => {
    const base = aDocumentFacts();
    const text = await textOf(
      aDocumentFacts({
        kind: 'proposal',
        number: 'OS-2026-0001',
        validUntil: '2026-12-29',
        effectiveDate: '2027-01-01',
        term: null,
        lines: [payroll],
        totals: computeTotals([payroll]),
        client: { ...base.client, isIndividual: true, siren: null, legalForm: null },
        clientSignatory: electronic.clientSignatory,
      }),
    );
    expect(text).toContain('conditions générales du cabinet, version 2 en vigueur depuis le 01/06/2026');
    expect(text).toContain('Identification du client (lutte contre le blanchiment)');
    expect(text).toContain('Données personnelles');
    expect(text).toContain('Date de début prévue');
    expect(text).toContain('01/01/2027 (la lettre de mission fixe la date d’effet)');
    expect(text).toContain('janvier 2027');
    expect(text).toContain('Annexe — Formulaire de rétractation');
    expect(text).toContain('Demande expresse d’exécution avant la fin du délai');
    expect(text).toContain('signe électroniquement au plus tard le 29/12/2026');
    expect(text.indexOf('Prix toutes taxes comprises')).toBeLessThan(text.indexOf('P.U. HT'));
    expect(text).not.toContain('Mention manuscrite');
  });

  it('a work order: completion date, payment of one-off work, attestation standard and recipient', async () => {
    const attestation = aLineFacts({
      label: 'Attestation particulière',
      domain: 'conseil',
      recurrence: 'one_off',
      unitPriceCents: 18_000,
      professionalStandard: 'Norme professionnelle relative aux attestations particulières',
      taskSplit: [],
    });
    const text = await textOf(
      aDocumentFacts({
        kind: 'work_order',
        number: 'BI-2026-0001',
        effectiveDate: '2026-12-01',
        term: null,
        lines: [attestation],
        totals: computeTotals([attestation]),
      }),
    );
    expect(text).toContain('Achèvement prévu');
    expect(text).toContain('au plus tard le 31/12/2026, sous réserve de la remise des éléments nécessaires');
    expect(text).toContain(
      'facturés à leur achèvement, prévu au plus tard le 31/12/2026, et payables à 30 jours',
    );
    expect(text).toContain('NP 3100');
    expect(text).toContain('Destinataire');
    expect(text).toContain('Boulangerie Martin, qui la remet au tiers auquel elle est destinée');
  });
});
