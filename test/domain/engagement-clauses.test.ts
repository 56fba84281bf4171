import { describe, expect, it } from 'vitest';
import { TERMS_VERSIONS } from '../../src/cli/seed-terms.ts';
import type { Block, DocumentContent } from '../../src/domain/documents/content/blocks.ts';
import { ttcOfSchedule } from '../../src/domain/documents/content/consumer.ts';
import { deliverableOf, namedStandard } from '../../src/domain/documents/content/deliverables.ts';
import { documentContent, textOfContent } from '../../src/domain/documents/content/document-content.ts';
import type { DocumentFacts } from '../../src/domain/documents/content/facts.ts';
import {
  dataProtectionContact,
  processesOnClientsBehalf,
} from '../../src/domain/documents/content/personal-data.ts';
import {
  proposalPlannedStart,
  workOrderCompletion,
} from '../../src/domain/documents/content/planned-dates.ts';
import { computeTotals } from '../../src/domain/documents/fees.ts';
import { signsElectronically } from '../../src/domain/documents/signatures.ts';
import { sumCents } from '../../src/domain/shared/money.ts';
import { signatureRequestMail } from '../../src/domain/signing/mail-content.ts';
import { signingDeadline } from '../../src/domain/signing/signing-rules.ts';
import { aDocumentFacts, aLineFacts } from '../builders/document-facts.ts';

/** Issue 14, items 2, 3, 8, 10, 11 and 12: what the clauses of each document say. */

const wordsOf = (content: DocumentContent): string =>
  textOfContent(content)
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ');

const words = (overrides: Partial<DocumentFacts> = {}) => wordsOf(documentContent(aDocumentFacts(overrides)));

const headings = (content: DocumentContent) =>
  content.blocks
    .filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading')
    .map((b) => b.text);

const accounts = aLineFacts({ domain: 'comptable' });
const payroll = aLineFacts({
  label: 'Bulletin de paie et DSN',
  description: 'Bulletins et DSN.',
  domain: 'social',
  recurrence: 'monthly',
  unitLabel: 'bulletin',
  quantity: '3',
  unitPriceCents: 3_200,
  professionalStandard: null,
  exclusions: null,
  taskSplit: [],
});
const attestation = aLineFacts({
  label: 'Attestation particulière',
  domain: 'conseil',
  recurrence: 'one_off',
  unitLabel: 'attestation',
  unitPriceCents: 18_000,
  professionalStandard:
    'Norme professionnelle de l’Ordre des experts-comptables relative aux attestations particulières',
  taskSplit: [],
});

const withLines = (lines: DocumentFacts['lines'], overrides: Partial<DocumentFacts> = {}) =>
  aDocumentFacts({ lines, totals: computeTotals(lines), ...overrides });

const consumerClient = { ...aDocumentFacts().client, isIndividual: true, siren: null, legalForm: null };
const electronicClient = { name: 'Julien Martin', capacity: 'Gérant', signsElectronically: true };
const electronicFirm = {
  name: 'Claire Dupré',
  capacity: 'Expert-comptable associée',
  signsElectronically: true,
};

describe('item 2: personal data (RGPD art. 28)', () => {
  it('the letter says the firm is controller for its own purposes and processor for the client’s records and payroll, with the art. 28(3) annex', () => {
    const content = documentContent(withLines([accounts, payroll]));
    const text = wordsOf(content);
    expect(text).toContain(
      'Le cabinet est responsable des traitements qu’il met en œuvre pour ses propres finalités',
    );
    expect(text).toContain(
      'le client est responsable de traitement et le cabinet agit en qualité de sous-traitant',
    );
    expect(text).toContain('données de ses salariés pour la paie');
    expect(headings(content)).toContain(
      'Annexe — Clauses de sous-traitance de données personnelles (article 28 du RGPD)',
    );
    // Article 28(3): instructions, confidentiality, security, sub-processors, rights, breaches, end, audits.
    for (const clause of ['a) ', 'b) ', 'c) ', 'd) ', 'e) ', 'f) ', 'g) ', 'h) '])
      expect(text).toContain(clause);
    expect(text).toContain('numéro de sécurité sociale');
    expect(text).toContain('au plus tard 48 heures');
    expect(text).toContain('restitue les données');
  });

  it('one contact: the DPO when the firm has one, else its e-mail, in the clause and the annex alike', () => {
    const firm = aDocumentFacts().firm;
    expect(dataProtectionContact(firm)).toBe('contact@cabinet-dupre.fr');
    expect(dataProtectionContact({ ...firm, dpoEmail: 'dpo@cabinet-dupre.fr' })).toBe('dpo@cabinet-dupre.fr');
    const text = words({ firm: { ...firm, dpoEmail: 'dpo@cabinet-dupre.fr' }, lines: [accounts] });
    expect(text.match(/dpo@cabinet-dupre\.fr/g)?.length).toBe(2);
    expect(text).toContain(
      'délégué à la protection des données du cabinet, à l’adresse dpo@cabinet-dupre.fr',
    );
  });

  it('the standard conditions générales split the roles as the letter does and name no other address', () => {
    const latest = TERMS_VERSIONS.at(-1)?.body ?? '';
    expect(latest).toContain(
      'Le cabinet est responsable des traitements qu’il met en œuvre pour ses propres finalités',
    );
    expect(latest).toContain(
      'le client est responsable de traitement et le cabinet agit en qualité de sous-traitant',
    );
    expect(latest).toContain(
      'contact unique pour les données personnelles désigné dans la lettre de mission',
    );
    expect(latest).not.toMatch(/[\w.-]+@[\w.-]+/);
  });

  it('advice alone, or a private person’s own affairs, make no processing on the client’s behalf: no annex', () => {
    const advice = aLineFacts({ domain: 'conseil', professionalStandard: null });
    expect(processesOnClientsBehalf(advice, false)).toBe(false);
    expect(processesOnClientsBehalf(accounts, false)).toBe(true);
    expect(processesOnClientsBehalf(accounts, true)).toBe(false);
    expect(processesOnClientsBehalf(payroll, true)).toBe(true);
    expect(words({ lines: [advice] })).not.toContain('Clauses de sous-traitance');
  });
});

describe('item 3: deliverables, standards by name, termination, handover', () => {
  it('names NP 2300 and NP 3100, whatever words the catalogue used', () => {
    expect(namedStandard(accounts)).toMatch(/^NP 2300 — /);
    expect(namedStandard(attestation)).toMatch(/^NP 3100 — /);
    expect(namedStandard(aLineFacts({ professionalStandard: 'Norme maison' }))).toBe('Norme maison');
    expect(namedStandard(aLineFacts({ professionalStandard: null }))).toBeNull();
  });

  it('says what the client receives and when: accounts with the attestation, returns, payslips', () => {
    const client = { ...aDocumentFacts().client, fiscalYearEnd: '03-31' };
    expect(deliverableOf(accounts, client)).toContain(
      'accompagnés de l’attestation de présentation signée par l’expert-comptable (NP 2300), remis au plus tard le 31 juillet suivant la clôture',
    );
    expect(deliverableOf(payroll, client)).toContain('Bulletins de paie remis au client');
    const returns = aLineFacts({ domain: 'fiscal', professionalStandard: null, recurrence: 'yearly' });
    expect(deliverableOf(returns, client)).toContain('Déclarations télétransmises');
    const text = words({ lines: [accounts, payroll] });
    expect(text).toContain('Livrables et délais');
    expect(text).toContain('remis au plus tard le 30 avril suivant la clôture de l’exercice');
  });

  it('a letter provides for early termination, the handover to a successor and the return of documents', () => {
    const content = documentContent(aDocumentFacts());
    expect(headings(content)).toEqual(
      expect.arrayContaining([
        'Résiliation anticipée',
        'Fin de mission, transmission du dossier et restitution des documents',
      ]),
    );
    const text = wordsOf(content);
    expect(text).toContain('mise en demeure');
    expect(text).toContain('l’expert-comptable qui lui succède');
    expect(text).toContain('il ne les retient pas au motif d’honoraires impayés');
  });
});

describe('item 8: no paper wording in an electronic flow', () => {
  it('a signatory with an e-mail address is invited to sign electronically', () => {
    expect(signsElectronically('julien@boulangerie.fr')).toBe(true);
    expect(signsElectronically('  ')).toBe(false);
    expect(signsElectronically(null)).toBe(false);
  });

  it('a letter sent for electronic signature has no handwritten mention, no « deux exemplaires »', () => {
    const content = documentContent(
      aDocumentFacts({ clientSignatory: electronicClient, firmSignatory: electronicFirm }),
    );
    const signatures = content.blocks.find((b) => b.type === 'signatures');
    expect(signatures?.type === 'signatures' && signatures.place).not.toContain('deux exemplaires');
    expect(wordsOf(content)).not.toContain('deux exemplaires');
    for (const signatory of signatures?.type === 'signatures' ? signatures.signatories : []) {
      expect(signatory.mention).toBeNull();
      expect(signatory.signed?.lines.join(' ')).toContain('Signature électronique');
    }
  });

  it('on paper (no e-mail address), the boxes keep the mention and the place the two copies', () => {
    const content = documentContent(aDocumentFacts());
    const signatures = content.blocks.find((b) => b.type === 'signatures');
    expect(signatures).toMatchObject({ place: 'Fait à Lyon, en deux exemplaires' });
    expect(signatures?.type === 'signatures' && signatures.signatories[0]?.mention).toBe(
      'Lu et approuvé, bon pour accord',
    );
  });

  it('a proposal signed electronically is not asked for the handwritten « Bon pour accord »', () => {
    const text = words({ kind: 'proposal', validUntil: '2026-12-29', clientSignatory: electronicClient });
    expect(text).not.toContain('en faisant précéder sa signature de la mention');
    expect(text).toContain('le client la signe électroniquement au plus tard le 29/12/2026');
  });
});

describe('item 10: the proposal', () => {
  const proposal = (overrides: Partial<DocumentFacts> = {}) =>
    aDocumentFacts({
      kind: 'proposal',
      number: 'OS-2026-0001',
      validUntil: '2026-12-29',
      effectiveDate: null,
      term: null,
      ...overrides,
    });

  it('refers to the conditions générales and their version, to identification before the contract, to personal data', () => {
    const content = documentContent(proposal());
    const text = wordsOf(content);
    expect(text).toContain('conditions générales du cabinet, version 2 en vigueur depuis le 01/06/2026');
    expect(headings(content)).toEqual(
      expect.arrayContaining([
        'Identification du client (lutte contre le blanchiment)',
        'Données personnelles',
        'Annexe — Conditions générales (version 2)',
      ]),
    );
    expect(text).toContain(
      'Avant de conclure la lettre de mission, le cabinet est tenu d’identifier le client',
    );
    expect(text).toContain('registre des bénéficiaires effectifs');
  });

  it('its schedule starts at its planned start date: its own, else the first of the next month', () => {
    expect(proposalPlannedStart(proposal())).toBe('2026-12-01');
    expect(proposalPlannedStart(proposal({ effectiveDate: '2027-01-01' }))).toBe('2027-01-01');
    const planned = words(
      proposal({ effectiveDate: '2027-01-01', lines: [payroll], totals: computeTotals([payroll]) }),
    );
    expect(planned).toContain('Date de début prévue\n01/01/2027');
    expect(planned).toContain('janvier 2027');
    expect(planned).not.toContain('novembre 2026\n');
  });

  it('says the last day to sign as the mail does: « au plus tard le », the same day', () => {
    const deadline = signingDeadline({
      kind: 'proposal',
      validUntil: '2026-12-29',
      sentAt: new Date('2026-11-29T09:00:00Z'),
      signingPeriodDays: 30,
    });
    const mail = signatureRequestMail({
      firm: {
        name: 'Cabinet Dupré & Associés',
        addressLine: null,
        phone: null,
        email: null,
        accentColor: null,
      },
      document: { kindLabel: 'offre de service', number: 'OS-2026-0001', title: '' },
      signerName: 'Julien Martin',
      link: 'https://lettrine.example/signer/x',
      deadline,
      side: 'client',
    });
    expect(mail.text.replace(/[\u00a0\u202f]/g, ' ')).toContain('à signer au plus tard le 29/12/2026');
    expect(words(proposal())).toContain('signe au plus tard le 29/12/2026');
    expect(words(proposal())).toContain('Cette offre est valable jusqu’au 29/12/2026 inclus.');
  });
});

describe('item 11: the work order', () => {
  const workOrder = (overrides: Partial<DocumentFacts> = {}) =>
    withLines([attestation], {
      kind: 'work_order',
      number: 'BI-2026-0001',
      effectiveDate: '2026-12-01',
      term: null,
      ...overrides,
    });

  it('plans its completion: its validity date, else 30 days after its start', () => {
    expect(workOrderCompletion(workOrder())).toBe('2026-12-31');
    expect(workOrderCompletion(workOrder({ validUntil: '2026-12-15' }))).toBe('2026-12-15');
    expect(workOrderCompletion(workOrder({ validUntil: '2026-11-01' }))).toBe('2026-12-31');
  });

  it('says when it is done, how one-off work is paid, and the standard and recipient of an attestation', () => {
    const text = words(workOrder());
    expect(text).toContain('Achèvement prévu\nau plus tard le 31/12/2026');
    expect(text).toContain(
      'sont facturés à leur achèvement, prévu au plus tard le 31/12/2026, et payables à 30 jours',
    );
    expect(text).toContain('180,00 € HT (216,00 € TTC)');
    expect(text).toContain('Norme professionnelle\nNP 3100');
    // Named once: the intervention gives the standard, the attestation block its recipient.
    expect(text.match(/Norme professionnelle\nNP 3100/g)).toHaveLength(1);
    expect(text).toContain(
      'Destinataire\nBoulangerie Martin, qui la remet au tiers auquel elle est destinée, pour l’usage précisé dans sa demande ; elle ne peut servir à un autre usage.',
    );
  });
});

describe('item 12: consumer clients', () => {
  it('a letter to a private person carries the model withdrawal form and the express request to start early', () => {
    const content = documentContent(withLines([accounts], { client: consumerClient }));
    const text = wordsOf(content);
    expect(headings(content)).toContain('Annexe — Formulaire de rétractation');
    expect(text).toContain(
      'Je/nous (*) vous notifie/notifions (*) par la présente ma/notre (*) rétractation du contrat',
    );
    expect(text).toContain('Demande expresse d’exécution avant la fin du délai');
    expect(text).toContain('article L. 221-25');
    expect(text).toContain('☐ Je demande expressément que la mission commence avant la fin du délai');
    const business = wordsOf(documentContent(aDocumentFacts()));
    expect(business).not.toContain('Formulaire de rétractation');
  });

  it('leads with prices TTC, and allows termination by e-mail (L. 215-1-1)', () => {
    const content = documentContent(withLines([accounts], { client: consumerClient }));
    const text = wordsOf(content);
    expect(text.indexOf('Prix toutes taxes comprises')).toBeGreaterThan(-1);
    expect(text.indexOf('Prix toutes taxes comprises')).toBeLessThan(text.indexOf('P.U. HT'));
    expect(text).toContain('1 440,00 €');
    expect(text).toContain('par lettre ou par courriel adressé au cabinet (contact@cabinet-dupre.fr)');
    expect(text).toContain('L. 215-1-1');
  });

  it('each TTC instalment is its HT instalment plus its VAT, and they add up to the annual TTC', () => {
    const facts = withLines([aLineFacts({ unitPriceCents: 100_000 })], { client: consumerClient });
    const ht = facts.totals.monthlyInstalmentsCents;
    expect(ht).toEqual([...Array(11).fill(8_333), 8_337]);
    const ttc = ttcOfSchedule(facts, ht);
    expect(sumCents(ttc)).toBe(facts.totals.annualRecurringHtCents + facts.totals.totalVatCents);
    expect(ttc.slice(0, 11)).toEqual(Array(11).fill(10_000));
    expect(ttc[11]).toBe(10_000);
    expect(wordsOf(documentContent(facts))).toContain('12 mensualités de 100,00 € TTC');
  });

  it('clauses that do not apply are left out: no payroll clause without a payroll mission', () => {
    const text = words({
      client: consumerClient,
      lines: [aLineFacts({ domain: 'fiscal', professionalStandard: null })],
    });
    expect(text).not.toContain('salariés');
    expect(text).not.toContain('Clauses de sous-traitance');
    expect(text).not.toContain('fichier des écritures comptables');
  });
});

describe('the rules behind the clauses, branch by branch', () => {
  const client = aDocumentFacts().client;
  const line = (
    domain: NonNullable<DocumentFacts['lines'][number]['domain']>,
    recurrence: 'monthly' | 'quarterly' | 'yearly' | 'one_off',
  ) => aLineFacts({ domain, recurrence, professionalStandard: null });

  it('a deliverable for every domain and periodicity of the catalogue', () => {
    expect(deliverableOf(accounts)).toContain('dans les quatre mois suivant la clôture de l’exercice');
    expect(deliverableOf(line('comptable', 'yearly'), client)).toContain(
      'Comptes annuels (bilan, compte de résultat et annexe), remis au plus tard le 30 avril',
    );
    expect(deliverableOf(line('comptable', 'monthly'), client)).toContain('Journaux, grand livre et balance');
    expect(deliverableOf(line('comptable', 'quarterly'), client)).toContain(
      'Situation intermédiaire commentée',
    );
    expect(deliverableOf(line('fiscal', 'monthly'), client)).toContain('à chaque échéance légale');
    expect(deliverableOf(line('social', 'one_off'), client)).toContain('déclaration préalable à l’embauche');
    expect(deliverableOf(line('juridique', 'yearly'), client)).toContain(
      'Procès-verbal d’approbation des comptes',
    );
    expect(deliverableOf(line('juridique', 'one_off'), client)).toContain('Actes rédigés');
    expect(deliverableOf(line('conseil', 'monthly'), client)).toContain('Document de suivi');
    expect(deliverableOf(line('conseil', 'one_off'), client)).toContain('Rapport ou dossier');
    expect(deliverableOf(line('autre', 'one_off'), client)).toBeNull();
    expect(deliverableOf(attestation, client)).toContain('NP 3100');
    expect(namedStandard(aLineFacts({ professionalStandard: 'Procédures convenues' }))).toMatch(
      /^NP 4400 — /,
    );
  });

  it('a signatory on paper beside one signing electronically: the place says neither', () => {
    const content = documentContent(aDocumentFacts({ firmSignatory: electronicFirm }));
    expect(content.blocks.find((b) => b.type === 'signatures')).toMatchObject({ place: 'Fait à Lyon' });
  });

  it('without any address, the contact is the firm by name; a work order keeps terms the firm wrote', () => {
    const firm = { ...aDocumentFacts().firm, email: null };
    expect(words({ firm })).toContain(
      'Contact unique pour toute question relative aux données personnelles : le cabinet.',
    );
    const workOrder = withLines([attestation], {
      kind: 'work_order',
      term: null,
      paymentTerms: 'Acompte de 50 % à la commande.',
    });
    expect(words(workOrder)).toContain('Conditions particulières convenues : Acompte de 50 % à la commande.');
  });
});
