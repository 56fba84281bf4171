import { ok, type Result, refuse } from '../shared/result.ts';
import type { PartialDate, RegisterEntry } from './screening.ts';

/**
 * R-F5: the national register of asset freezes as the Treasury publishes it
 * (gels-avoirs.dgtresor.gouv.fr, JSON): `Publications.PublicationDetail[]`, each with its `Nature`,
 * its `Nom` and `RegistreDetail[]` fields (`TypeChamp` PRENOM, ALIAS, DATE_DE_NAISSANCE… with their
 * `Valeur[]`). Ships are kept out: the firm screens people and companies.
 */
export type FreezeRegister = { readonly publishedAt: string | null; readonly entries: RegisterEntry[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;
const int = (v: unknown): number | null => {
  const n = Number(text(v));
  return Number.isInteger(n) && n > 0 ? n : null;
};

const natureOf = (nature: unknown): RegisterEntry['nature'] => {
  const value = (text(nature) ?? '').toLowerCase();
  if (value.includes('physique')) return 'person';
  if (value.includes('morale')) return 'entity';
  return 'other';
};

const valuesOf = (details: unknown[], field: string): Json[] =>
  details
    .filter((d): d is Json => isObject(d) && d.TypeChamp === field)
    .flatMap((d) => asArray(d.Valeur).filter(isObject));

const birthDatesOf = (details: unknown[]): PartialDate[] =>
  valuesOf(details, 'DATE_DE_NAISSANCE').flatMap((v) => {
    const year = int(v.Annee);
    return year === null ? [] : [{ year, month: int(v.Mois), day: int(v.Jour) }];
  });

const entryOf = (detail: Json, position: number): RegisterEntry | null => {
  const lastName = text(detail.Nom);
  if (lastName === null) return null;
  const details = asArray(detail.RegistreDetail);
  const firstNames = valuesOf(details, 'PRENOM').flatMap((v) => text(v.Prenom) ?? []);
  const aliases = valuesOf(details, 'ALIAS').flatMap((v) => text(v.Alias) ?? []);
  return {
    id: text(detail.IdRegistre) ?? `position-${position}`,
    nature: natureOf(detail.Nature),
    names: [[...firstNames, lastName].join(' '), ...aliases],
    birthDates: birthDatesOf(details),
  };
};

/** R-F5: the register's entries from its parsed JSON, or a refusal when it is not that file. */
export const parseFreezeRegister = (json: unknown): Result<FreezeRegister> => {
  const publications = isObject(json) ? json.Publications : undefined;
  if (!isObject(publications) || !Array.isArray(publications.PublicationDetail)) {
    return refuse('VIGILANCE.REGISTER_INVALID');
  }
  const entries = publications.PublicationDetail.flatMap((detail, i) =>
    isObject(detail) ? (entryOf(detail, i) ?? []) : [],
  );
  return ok({ publishedAt: text(publications.DatePublication), entries });
};
