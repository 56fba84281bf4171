import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, notStale } from '../app-error.ts';
import type { CompanyFilter, EngagementDeps, FirmScope } from '../ports/index.ts';
import type { Company, CompanyFields, Contact, ContactFields } from '../records.ts';
import { companyDefaults, normaliseCompany } from './company-input.ts';

export type CompanyInput = Partial<CompanyFields> & { name: string };

/** Inserts a company in the caller's transaction; a SIREN is unique within the firm. */
export const insertCompany = async (
  deps: EngagementDeps,
  scope: FirmScope,
  input: CompanyInput,
): Promise<Company> => {
  const fields = normaliseCompany(companyDefaults(input));
  if (fields.siren && (await scope.companies.findBySiren(fields.siren))) {
    throw new AppError('COMPANY.SIREN_TAKEN', { siren: fields.siren });
  }
  const at = deps.clock.now();
  const company: Company = { ...fields, id: deps.ids.uuid(), version: 1, createdAt: at, updatedAt: at };
  await scope.companies.insert(company);
  return company;
};

export const createCompany = (deps: EngagementDeps, actor: Actor, input: CompanyInput) => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, (scope) => insertCompany(deps, scope, input));
};

export const updateCompany = (
  deps: EngagementDeps,
  actor: Actor,
  input: { companyId: string; version: number; fields: Partial<CompanyFields> },
) => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const current = found(await scope.companies.find(input.companyId), 'company');
    const fields = normaliseCompany(input.fields, current);
    if (fields.siren && fields.siren !== current.siren && (await scope.companies.findBySiren(fields.siren))) {
      throw new AppError('COMPANY.SIREN_TAKEN', { siren: fields.siren });
    }
    return notStale(
      await scope.companies.update({
        id: current.id,
        expectedVersion: input.version,
        fields,
        at: deps.clock.now(),
      }),
    );
  });
};

export const getCompany = async (deps: EngagementDeps, actor: Actor, input: { companyId: string }) => {
  const scope = deps.store.read(actor.firmId);
  const company = found(await scope.companies.find(input.companyId), 'company');
  return { company, contacts: await scope.contacts.listByCompany(company.id) };
};

export const listCompanies = (deps: EngagementDeps, actor: Actor, filter: CompanyFilter) =>
  deps.store.read(actor.firmId).companies.list(filter);

export type ContactInput = Partial<ContactFields> & { firstName: string; lastName: string };

export const insertContact = async (
  deps: EngagementDeps,
  scope: FirmScope,
  companyId: string,
  input: ContactInput,
) => {
  const contact: Contact = {
    civility: null,
    email: null,
    phone: null,
    capacity: null,
    isSignatory: false,
    ...input,
    id: deps.ids.uuid(),
    companyId,
    version: 1,
    createdAt: deps.clock.now(),
  };
  await scope.contacts.insert(contact);
  return contact;
};

export const createContact = (
  deps: EngagementDeps,
  actor: Actor,
  input: { companyId: string; contact: ContactInput },
) => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    found(await scope.companies.find(input.companyId), 'company');
    return insertContact(deps, scope, input.companyId, input.contact);
  });
};

export const updateContact = (
  deps: EngagementDeps,
  actor: Actor,
  input: { contactId: string; version: number; fields: Partial<ContactFields> },
) => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    found(await scope.contacts.find(input.contactId), 'contact');
    return notStale(
      await scope.contacts.update({
        id: input.contactId,
        expectedVersion: input.version,
        fields: input.fields,
        at: deps.clock.now(),
      }),
    );
  });
};
