/** Small types the feature ports share. */

export type SortDirection = 'asc' | 'desc';

/** Writes carry the version they were based on; a stale one updates nothing and returns undefined. */
export type Versioned<T> = { id: string; expectedVersion: number; fields: Partial<T>; at: Date };
