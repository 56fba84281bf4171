import type { IsoDate } from '../../domain/shared/dates.ts';
import type { Service, ServiceFields, ServicePrice, TermsVersion } from '../records.ts';
import type { Versioned } from './shared.ts';

export type ServiceRepository = {
  find(id: string): Promise<Service | undefined>;
  /** forUpdate locks the listed services until commit (a catalogue revaluation). */
  list(options: { includeArchived: boolean; forUpdate?: boolean }): Promise<Service[]>;
  /** insert and update throw SERVICE.CODE_TAKEN when the code is already used (unique key). */
  insert(service: Service, at: Date): Promise<void>;
  update(input: Versioned<ServiceFields & { archivedAt: Date | null }>): Promise<Service | undefined>;
  setPrice(id: string, input: { priceCents: number; at: Date }): Promise<void>;
  recordPrice(entry: ServicePrice & { changedBy: string }): Promise<void>;
  priceHistory(id: string): Promise<ServicePrice[]>;
};

export type TermsRepository = {
  find(id: string): Promise<TermsVersion | undefined>;
  list(): Promise<TermsVersion[]>;
  currentOn(date: IsoDate): Promise<TermsVersion | undefined>;
  /** Throws TERMS.VERSION_TAKEN when the version number exists (a concurrent publication). */
  insert(terms: TermsVersion): Promise<void>;
};
