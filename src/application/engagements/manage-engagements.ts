import { scopeOfDocuments } from '../../domain/documents/scope-inputs.ts';
import { type IsoDate, parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, notStale } from '../app-error.ts';
import {
  type CompanyInput,
  type ContactInput,
  insertCompany,
  insertContact,
} from '../companies/manage-companies.ts';
import { recordEvent } from '../events.ts';
import type { EngagementDeps, EngagementFilter } from '../ports/index.ts';
import type { Engagement } from '../records.ts';
import { convertEngagementInScope } from './convert-engagement.ts';

export type CreateEngagementInput = {
  title?: string;
  responsibleUserId?: string;
  /** An existing company of the firm, or a new one with its signatory. */
  companyId?: string;
  company?: CompanyInput;
  signatory?: ContactInput;
  signatoryContactId?: string;
};

/** R-A1: every engagement starts as a prospect. */
export const createEngagement = (
  deps: EngagementDeps,
  actor: Actor,
  input: CreateEngagementInput,
): Promise<Engagement> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const company = input.companyId
      ? found(await scope.companies.find(input.companyId), 'company')
      : await insertCompany(deps, scope, input.company ?? { name: '' });
    const responsible = found(await scope.users.find(input.responsibleUserId ?? actor.userId), 'user');
    let signatoryContactId = input.signatoryContactId ?? null;
    if (signatoryContactId) {
      const contact = found(await scope.contacts.find(signatoryContactId), 'contact');
      if (contact.companyId !== company.id) throw new AppError('CONTACT.NOT_IN_COMPANY');
    } else if (input.signatory) {
      signatoryContactId = (
        await insertContact(deps, scope, company.id, { isSignatory: true, ...input.signatory })
      ).id;
    }
    const engagement: Engagement = {
      id: deps.ids.uuid(),
      companyId: company.id,
      title: input.title ?? company.name,
      state: 'prospect',
      responsibleUserId: responsible.id,
      signatoryContactId,
      clientCode: null,
      convertedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await scope.engagements.insert(engagement);
    await recordEvent(scope, {
      type: 'engagement.created',
      actor,
      at,
      engagementId: engagement.id,
      after: { state: 'prospect', company: company.name },
    });
    return engagement;
  });
};

export const updateEngagement = (
  deps: EngagementDeps,
  actor: Actor,
  input: {
    engagementId: string;
    version: number;
    fields: Partial<Pick<Engagement, 'title' | 'responsibleUserId' | 'signatoryContactId'>>;
  },
) => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const current = found(await scope.engagements.find(input.engagementId), 'engagement');
    if (input.fields.responsibleUserId) found(await scope.users.find(input.fields.responsibleUserId), 'user');
    if (input.fields.signatoryContactId) {
      const contact = found(await scope.contacts.find(input.fields.signatoryContactId), 'contact');
      if (contact.companyId !== current.companyId) throw new AppError('CONTACT.NOT_IN_COMPANY');
    }
    const updated = notStale(
      await scope.engagements.update({
        id: current.id,
        expectedVersion: input.version,
        fields: input.fields,
        at,
      }),
    );
    await recordEvent(scope, {
      type: 'engagement.updated',
      actor,
      at,
      engagementId: current.id,
      before: Object.fromEntries(Object.keys(input.fields).map((k) => [k, current[k as keyof Engagement]])),
      after: input.fields,
    });
    return updated;
  });
};

/** R-A7: a user converts a prospect by hand, with a reason that is recorded; never back. */
export const convertEngagement = (
  deps: EngagementDeps,
  actor: Actor,
  input: { engagementId: string; reason: string },
) => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, (scope) =>
    convertEngagementInScope(scope, {
      engagementId: input.engagementId,
      origin: { type: 'manual', reason: input.reason },
      actor,
      at: deps.clock.now(),
    }),
  );
};

export const getEngagement = async (deps: EngagementDeps, actor: Actor, input: { engagementId: string }) => {
  const scope = deps.store.read(actor.firmId);
  const engagement = found(await scope.engagements.find(input.engagementId), 'engagement');
  const [company, contacts, responsible] = await Promise.all([
    scope.companies.find(engagement.companyId),
    scope.contacts.listByCompany(engagement.companyId),
    scope.users.find(engagement.responsibleUserId),
  ]);
  return {
    engagement,
    company: found(company, 'company'),
    contacts,
    responsible: found(responsible, 'user'),
  };
};

export const listEngagements = (deps: EngagementDeps, actor: Actor, filter: EngagementFilter) =>
  deps.store.read(actor.firmId).engagements.list(filter);

export const listEngagementHistory = async (
  deps: EngagementDeps,
  actor: Actor,
  input: { engagementId: string },
) => {
  const scope = deps.store.read(actor.firmId);
  found(await scope.engagements.find(input.engagementId), 'engagement');
  return scope.events.listByEngagement(input.engagementId);
};

/** R-C3: the scope in force of an engagement on any date (today by default). */
export const getScopeInForce = async (
  deps: EngagementDeps,
  actor: Actor,
  input: { engagementId: string; date?: IsoDate },
) => {
  const scope = deps.store.read(actor.firmId);
  found(await scope.engagements.find(input.engagementId), 'engagement');
  const documents = await scope.documents.listByEngagement(input.engagementId);
  return scopeOfDocuments(documents, input.date ?? parisDate(deps.clock.now()));
};
