import type { Block } from './blocks.ts';
import type { DocumentFacts, FirmFacts, LineFacts } from './facts.ts';

/**
 * Personal data (RGPD, règlement (UE) 2016/679). One split of roles, said the same way by the letter,
 * its annex and the standard conditions générales (src/cli/seed-terms.ts):
 * - the firm is controller (responsable de traitement) of what it processes for its own purposes:
 *   the client relationship, billing, its anti-money-laundering duties;
 * - it is processor (sous-traitant, art. 28) of what it processes on the client's behalf: the
 *   records it keeps or checks (accounting, returns, legal secretarial) and, with a payroll mission,
 *   the employees' data. Those missions get the clauses article 28(3) requires, as an annex.
 * One contact for every question: the firm's DPO when it has one, else the firm's e-mail.
 */

const heading = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
const paragraph = (text: string): Block => ({ type: 'paragraph', text });

/** The one address for personal data: the DPO's, else the firm's own. */
export const dataProtectionContact = (firm: FirmFacts): string | null => {
  const dpo = firm.dpoEmail?.trim();
  return dpo ? dpo : firm.email;
};

const contactText = (firm: FirmFacts): string => {
  const contact = dataProtectionContact(firm);
  const who = firm.dpoEmail?.trim() ? 'le délégué à la protection des données du cabinet' : 'le cabinet';
  return contact ? `${who}, à l’adresse ${contact}` : who;
};

/** Payroll: the employees' data, processed on the client's behalf. */
export const isPayrollLine = (line: LineFacts): boolean => line.domain === 'social';

/**
 * Whether the line makes the firm process personal data on the client's behalf: the client's records
 * (accounting, tax, legal, payroll). Advice and disbursements do not; a line typed by hand (no
 * catalogue domain) is taken as record-keeping, so the clauses are never missing where they apply.
 * A private person's own affairs are processed by the firm as controller: only payroll (a private
 * employer) makes it a processor.
 */
export const processesOnClientsBehalf = (line: LineFacts, isIndividual: boolean): boolean => {
  if (isIndividual) return isPayrollLine(line);
  return line.domain !== 'conseil' && line.domain !== 'autre';
};

export const hasProcessingOnBehalf = (facts: DocumentFacts): boolean =>
  facts.lines.some((line) => processesOnClientsBehalf(line, facts.client.isIndividual));

const hasPayroll = (facts: DocumentFacts): boolean => facts.lines.some(isPayrollLine);

export const ANNEX_TITLE = 'Annexe — Clauses de sous-traitance de données personnelles (article 28 du RGPD)';

/** The clause of the letter: who is controller, who is processor, the rights and the one contact. */
export const personalDataClause = (facts: DocumentFacts): Block[] => [
  heading(2, 'Données personnelles'),
  paragraph(
    `Le cabinet est responsable des traitements qu’il met en œuvre pour ses propres finalités : la gestion de la relation avec le client et la facturation (exécution du contrat), ses obligations de vigilance en matière de lutte contre le blanchiment (obligation légale). Ces données sont conservées pendant la relation d’affaires puis pendant les délais légaux (cinq ans après la fin de la relation pour les données de vigilance).`,
  ),
  ...(hasProcessingOnBehalf(facts)
    ? [
        paragraph(
          `Pour les données personnelles que le client lui confie pour l’exécution de la mission (${hasPayroll(facts) ? 'données de ses salariés pour la paie, ' : ''}données de ses clients, fournisseurs et autres tiers figurant dans ses pièces comptables), le client est responsable de traitement et le cabinet agit en qualité de sous-traitant au sens de l’article 28 du RGPD, sur ses seules instructions documentées, selon les clauses de l’annexe « Clauses de sous-traitance de données personnelles », qui fait partie de la présente lettre.`,
        ),
      ]
    : []),
  paragraph(
    `Les personnes concernées disposent d’un droit d’accès, de rectification, d’effacement, de limitation, d’opposition et de portabilité, et peuvent introduire une réclamation auprès de la CNIL. Contact unique pour toute question relative aux données personnelles : ${contactText(facts.firm)}.`,
  ),
];

/** What a proposal says before any contract: the data gathered to prepare it and to identify the client. */
export const proposalPersonalData = (facts: DocumentFacts): Block[] => [
  heading(2, 'Données personnelles'),
  paragraph(
    `Les données personnelles recueillies pour établir cette offre et pour identifier le client sont traitées par le cabinet, responsable de traitement, pour les mesures précontractuelles demandées par le client et pour ses obligations légales de vigilance ; sans suite donnée à l’offre, elles sont supprimées dans un délai de trois ans, sauf obligation légale de conservation.${hasProcessingOnBehalf(facts) ? ' Dès la lettre de mission, les données que le client confie au cabinet pour l’exécution des missions sont traitées par celui-ci en qualité de sous-traitant (article 28 du RGPD), selon les clauses de sous-traitance annexées à la lettre de mission.' : ''} Droits d’accès, de rectification, d’effacement, de limitation et d’opposition, réclamation auprès de la CNIL ; contact unique : ${contactText(facts.firm)}.`,
  ),
];

const categories = (facts: DocumentFacts): string[] => {
  const payroll = hasPayroll(facts);
  return [
    ...(payroll
      ? [
          'Salariés du client : identité, coordonnées, numéro de sécurité sociale, situation familiale, contrat de travail, temps de travail, absences, rémunération, coordonnées bancaires, données transmises dans la DSN.',
        ]
      : []),
    ...(facts.client.isIndividual
      ? []
      : [
          'Clients, fournisseurs, associés, dirigeants et autres tiers figurant dans les pièces comptables et juridiques du client : identité, coordonnées, données de facturation et de paiement.',
        ]),
  ];
};

/**
 * Article 28(3) RGPD: the subject-matter, duration, nature and purpose of the processing, the types
 * of data and categories of data subjects, then the processor's obligations (a) to (h).
 */
export const processorAnnex = (facts: DocumentFacts): Block[] => {
  if (!hasProcessingOnBehalf(facts)) return [];
  const purposes = facts.lines
    .filter((line) => processesOnClientsBehalf(line, facts.client.isIndividual))
    .map((line) => line.label);
  return [
    { type: 'pageBreak' },
    heading(1, ANNEX_TITLE),
    paragraph(
      `Entre ${facts.client.name}, responsable de traitement (« le client »), et ${facts.firm.name}, sous-traitant (« le cabinet »). La présente annexe fait partie de la lettre de mission ; elle prévaut sur les conditions générales pour les traitements qu’elle décrit.`,
    ),
    {
      type: 'fields',
      rows: [
        [
          'Objet et finalités',
          `Exécution des missions suivantes pour le compte du client : ${purposes.join(' ; ')}.`,
        ],
        [
          'Nature des opérations',
          'Collecte auprès du client, enregistrement, organisation, conservation, consultation, utilisation, transmission aux administrations et organismes destinataires prévus par la loi, effacement.',
        ],
        [
          'Durée',
          'La durée de la mission, puis le temps de la restitution ou de la suppression des données.',
        ],
        ['Personnes concernées et données', categories(facts).join(' ')],
        [
          'Localisation',
          'Les données sont hébergées dans l’Union européenne ; aucun transfert hors de l’Union n’a lieu sans instruction documentée du client.',
        ],
      ],
    },
    heading(2, 'Obligations du cabinet'),
    {
      type: 'bullets',
      items: [
        'a) Il ne traite les données que sur instruction documentée du client, y compris pour tout transfert hors de l’Union européenne, sauf obligation légale dont il informe alors le client ; il informe immédiatement le client si une instruction lui paraît contraire au RGPD.',
        'b) Il veille à ce que les personnes autorisées à traiter les données soient soumises au secret professionnel ou à une obligation de confidentialité.',
        'c) Il met en œuvre les mesures de sécurité prévues à l’article 32 du RGPD : accès nominatifs et restreints, chiffrement des échanges, sauvegardes, journalisation.',
        'd) Il ne recourt à un autre sous-traitant (éditeur de logiciel, hébergeur) qu’avec l’autorisation écrite générale du client, l’informe de tout ajout ou remplacement, ce qui lui permet de s’y opposer, et impose à cet autre sous-traitant les mêmes obligations ; il reste responsable de leur exécution.',
        'e) Il aide le client, par des mesures appropriées, à répondre aux demandes d’exercice des droits des personnes concernées, et lui transmet sans délai toute demande reçue directement.',
        'f) Il aide le client à garantir le respect des articles 32 à 36 du RGPD ; il lui notifie toute violation de données personnelles dans les meilleurs délais et au plus tard 48 heures après en avoir pris connaissance, avec les informations utiles à sa notification à la CNIL.',
        'g) Au terme de la mission, selon le choix du client, il lui restitue les données et en supprime les copies, ou les supprime, sauf obligation légale de conservation.',
        'h) Il met à la disposition du client les informations nécessaires pour démontrer le respect de ces obligations et permet la réalisation d’audits, y compris des inspections, par le client ou un auditeur qu’il mandate, dans des conditions convenues préservant le secret professionnel.',
      ],
    },
    heading(2, 'Obligations du client'),
    paragraph(
      'Le client, responsable de traitement, informe les personnes concernées, dispose d’une base légale pour chaque traitement confié et fournit au cabinet les seules données nécessaires à la mission.',
    ),
    paragraph(`Contact unique pour l’exécution de la présente annexe : ${contactText(facts.firm)}.`),
  ];
};
