import { Pagination } from '@mantine/core';
import { useT } from '../i18n/i18n.tsx';

/**
 * The pages of a list the API answers as { items, total, page, pageSize }: nothing while it holds
 * one page, else Mantine's pagination with its controls named in the user's language.
 */
export const ListPages = ({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) => {
  const t = useT();
  if (total <= pageSize) return null;
  return (
    <Pagination
      total={Math.ceil(total / pageSize)}
      value={page}
      onChange={onChange}
      getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
    />
  );
};
