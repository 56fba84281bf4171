import type { ClientFacts, LineFacts } from './facts.ts';
import { formatFiscalYearEnd } from './wording.ts';

/**
 * What the client receives and when, and the professional standard by its name (issue 14, item 3).
 * The catalogue says the standard in words; the Ordre's standards are known by their number, so a
 * letter names both. A service's deliverable follows from its domain, its standard and its
 * periodicity: the catalogue has no field for it, so the rule lives here, in one table.
 */

type Standard = { readonly number: string; readonly name: string; readonly matches: RegExp };

export const STANDARDS: readonly Standard[] = [
  {
    number: 'NP 2300',
    name: 'norme professionnelle relative aux missions de présentation des comptes',
    matches: /NP\s?2300|présentation des comptes/i,
  },
  {
    number: 'NP 3100',
    name: 'norme professionnelle relative aux missions d’attestations particulières',
    matches: /NP\s?3100|attestations? particuli/i,
  },
  {
    number: 'NP 4400',
    name: 'norme professionnelle relative aux missions d’examen d’informations sur la base de procédures convenues',
    matches: /NP\s?4400|procédures convenues/i,
  },
];

const standardOf = (line: LineFacts): Standard | undefined =>
  line.professionalStandard
    ? STANDARDS.find((standard) => standard.matches.test(line.professionalStandard ?? ''))
    : undefined;

/** « NP 2300 — norme professionnelle relative aux missions de présentation des comptes »; else the text as given. */
export const namedStandard = (line: LineFacts): string | null => {
  const known = standardOf(line);
  if (known) return `${known.number} — ${known.name} (Ordre des experts-comptables)`;
  return line.professionalStandard;
};

/** « le 30 avril suivant la clôture » for a 31 December closing; in months without the client. */
const monthsAfterClosing = (client: ClientFacts | undefined, months: number): string => {
  if (!client) return `dans les ${months === 4 ? 'quatre' : months} mois suivant la clôture de l’exercice`;
  return `le ${lastDayAfter(client, months)} suivant la clôture de l’exercice`;
};

/** The last day of the month `months` after the closing: « 30 avril » for a 31 December closing. */
const lastDayAfter = (client: ClientFacts, months: number): string => {
  const month = Number(client.fiscalYearEnd.slice(0, 2));
  const target = ((month - 1 + months) % 12) + 1;
  const lastDay = new Date(Date.UTC(2025, target, 0)).getUTCDate();
  return formatFiscalYearEnd(`${String(target).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`);
};

/** Annual accounts are delivered within four months of the closing, if the documents came in time. */
export const ACCOUNTS_DELIVERY_MONTHS = 4;

const CONDITION = 'sous réserve de la remise des pièces dans les délais convenus';

/** What the client receives for this line, and when; null when the line delivers nothing of its own. */
export const deliverableOf = (line: LineFacts, client?: ClientFacts): string | null => {
  const standard = standardOf(line)?.number;
  const recurring = line.recurrence !== 'one_off';
  if (standard === 'NP 2300') {
    return `Comptes annuels (bilan, compte de résultat et annexe) accompagnés de l’attestation de présentation signée par l’expert-comptable (${standard}), remis au plus tard ${monthsAfterClosing(client, ACCOUNTS_DELIVERY_MONTHS)}, ${CONDITION}.`;
  }
  if (standard === 'NP 3100') {
    return `Attestation signée par l’expert-comptable (${standard}), adressée au client, qui la transmet au tiers qui la demande, dans les dix jours ouvrés suivant la réception des éléments nécessaires.`;
  }
  switch (line.domain) {
    case 'social':
      return recurring
        ? `Bulletins de paie remis au client, pour ses salariés, au plus tard le dernier jour ouvré du mois, et déclaration sociale nominative (DSN) déposée avant son échéance légale (le 5 ou le 15 du mois suivant), ${CONDITION}.`
        : 'Formalités accomplies et documents remis dans les délais légaux : déclaration préalable à l’embauche avant l’arrivée du salarié, documents de fin de contrat à son départ.';
    case 'fiscal':
      return recurring && line.recurrence !== 'yearly'
        ? `Déclarations télétransmises à chaque échéance légale, copie et montant à payer communiqués au client avant l’échéance, ${CONDITION}.`
        : `Déclarations télétransmises à l’administration dans les délais légaux ; copie remise au client avec les comptes annuels, ${CONDITION}.`;
    case 'juridique':
      return recurring
        ? 'Procès-verbal d’approbation des comptes et rapport de gestion le cas échéant, préparés pour l’approbation dans les six mois de la clôture, puis récépissé du dépôt des comptes au greffe.'
        : 'Actes rédigés et justificatif des formalités accomplies (extrait d’immatriculation à jour).';
    case 'comptable':
      if (line.recurrence === 'quarterly')
        return 'Situation intermédiaire commentée, remise dans le mois qui suit la fin de chaque trimestre.';
      return line.recurrence === 'yearly'
        ? `Comptes annuels (bilan, compte de résultat et annexe), remis au plus tard ${monthsAfterClosing(client, ACCOUNTS_DELIVERY_MONTHS)}, ${CONDITION}.`
        : `Journaux, grand livre et balance, consultables sur demande et remis avec les comptes annuels, ${CONDITION}.`;
    case 'conseil':
      return recurring
        ? 'Document de suivi transmis à chaque période.'
        : 'Rapport ou dossier remis à l’achèvement de l’intervention.';
    default:
      return null;
  }
};
