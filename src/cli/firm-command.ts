import { parseArgs } from 'node:util';
import { AppError } from '../application/app-error.ts';
import { provisionFirm } from '../application/firms/provision-firm.ts';
import type { Deps } from '../application/ports/index.ts';
import { formatInstant } from '../domain/documents/content/wording.ts';
import { parisDate } from '../domain/shared/dates.ts';
import { ERROR_MESSAGES } from '../domain/shared/errors.ts';
import { CATALOGUE_CHOICES, type CatalogueChoice, starterKit } from './starter-kit.ts';

export const FIRM_USAGE = `Usage : lettrine firm create --name "Cabinet …" --siren 123456789 --associe-name "Prénom Nom" --email associe@cabinet.fr
  options : --catalogue vide|standard   --legal-form "SAS d’expertise comptable"   --address "…"
            --postal-code 69002   --city Lyon   --phone "…"   --firm-email contact@cabinet.fr
            --ordre-council "Conseil régional de l’Ordre …"
`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `lettrine firm create`: a firm, its associé and the link for the associé to choose a password
 * (valid 24 h), printed for the operator to hand over. Works in production; nothing else is needed.
 */
export const runFirmCommand = async (deps: Deps, args: string[]): Promise<number> => {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      siren: { type: 'string' },
      'associe-name': { type: 'string' },
      email: { type: 'string' },
      catalogue: { type: 'string', default: 'vide' },
      'legal-form': { type: 'string' },
      address: { type: 'string' },
      'postal-code': { type: 'string' },
      city: { type: 'string' },
      phone: { type: 'string' },
      'firm-email': { type: 'string' },
      'ordre-council': { type: 'string' },
    },
    strict: true,
  });
  const missing = (['name', 'siren', 'associe-name', 'email'] as const).filter((key) => !values[key]?.trim());
  const problems = [
    ...missing.map((key) => `--${key} est obligatoire`),
    ...(values.email && !EMAIL.test(values.email) ? ['--email : une adresse e-mail est attendue'] : []),
    ...(values['firm-email'] && !EMAIL.test(values['firm-email'])
      ? ['--firm-email : une adresse e-mail est attendue']
      : []),
    ...(CATALOGUE_CHOICES.includes(values.catalogue as CatalogueChoice)
      ? []
      : [`--catalogue : ${CATALOGUE_CHOICES.join(' ou ')}`]),
  ];
  if (action !== 'create' || problems.length > 0) {
    if (action === 'create') console.error(problems.map((line) => `  - ${line}`).join('\n'));
    process.stderr.write(FIRM_USAGE);
    return 1;
  }
  const firmEmail = values['firm-email'] ?? (values.email as string);
  try {
    const { firm, associe, link, expiresAt } = await provisionFirm(deps, {
      identity: {
        name: (values.name as string).trim(),
        siren: values.siren as string,
        legalForm: values['legal-form'] ?? null,
        addressLine1: values.address ?? null,
        postalCode: values['postal-code'] ?? null,
        city: values.city ?? null,
        phone: values.phone ?? null,
        email: firmEmail,
        ordreCouncil: values['ordre-council'] ?? null,
      },
      associe: { name: (values['associe-name'] as string).trim(), email: values.email as string },
      starterKit: starterKit({
        catalogue: values.catalogue as CatalogueChoice,
        firmEmail,
        today: parisDate(deps.clock.now()),
      }),
    });
    if (!link || !expiresAt) throw new Error('a firm created without a password has its link');
    console.log(
      `Cabinet créé : ${firm.name} (SIREN ${firm.siren}), associé ${associe.name} <${associe.email}>.`,
    );
    console.log(
      `Lien pour choisir le mot de passe (une seule fois, jusqu’au ${formatInstant(expiresAt.toISOString(), 'minutes')}) :`,
    );
    console.log(`  ${link}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(ERROR_MESSAGES[error.code]);
      return 1;
    }
    throw error;
  }
};
