import type {
  Company,
  CompanyFields,
  Contact,
  ContactFields,
  Engagement,
  EngagementListItem,
  Page,
} from '../records.ts';
import type { SortDirection, Versioned } from './shared.ts';

export type EngagementFilter = {
  state?: 'prospect' | 'client';
  responsibleUserId?: string;
  search?: string;
  /** R-D6: only the engagements whose letter in force carries terms older than this version. */
  termsVersionBelow?: number;
  sort: 'updatedAt' | 'createdAt' | 'companyName' | 'clientCode';
  direction: SortDirection;
  page: number;
  pageSize: number;
};

export type CompanyFilter = { search?: string; page: number; pageSize: number };

export type CompanyRepository = {
  find(id: string): Promise<Company | undefined>;
  findBySiren(siren: string): Promise<Company | undefined>;
  list(filter: CompanyFilter): Promise<Page<Company>>;
  insert(company: Company): Promise<void>;
  update(input: Versioned<CompanyFields>): Promise<Company | undefined>;
};

export type ContactRepository = {
  find(id: string): Promise<Contact | undefined>;
  listByCompany(companyId: string): Promise<Contact[]>;
  insert(contact: Contact): Promise<void>;
  update(input: Versioned<ContactFields>): Promise<Contact | undefined>;
};

export type EngagementRepository = {
  find(id: string, options?: { forUpdate?: boolean }): Promise<Engagement | undefined>;
  list(filter: EngagementFilter): Promise<Page<EngagementListItem>>;
  insert(engagement: Engagement): Promise<void>;
  update(
    input: Versioned<Pick<Engagement, 'title' | 'responsibleUserId' | 'signatoryContactId'>>,
  ): Promise<Engagement | undefined>;
  /** Conversion is not an edit: it needs no version, the caller holds the row lock. */
  convert(id: string, input: { clientCode: string; convertedAt: Date }): Promise<Engagement>;
};
