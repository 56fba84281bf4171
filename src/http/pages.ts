/**
 * One page of a list its use case answers whole: a firm's users, services, terms versions,
 * webhooks, API tokens, campaigns, an engagement's history, the renewal lists. They are a few
 * dozen to a few thousand rows, read in one query; the page is cut here so that every list of the
 * API has the same envelope and the same page/pageSize query (docs/api.md).
 */
export const pageOfList = <T>(
  items: readonly T[],
  { page, pageSize }: { page: number; pageSize: number },
) => ({
  items: items.slice((page - 1) * pageSize, page * pageSize),
  total: items.length,
  page,
  pageSize,
});
