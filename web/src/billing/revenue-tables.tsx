import { Table } from '@mantine/core';
import { formatCents } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';

type Row = { key: string; label: string; annualCents: number };

/** One breakdown of the recurring fees in force: a name and its annual fees HT. */
export const ShareTable = ({ title, rows }: { title: string; rows: Row[] }) => {
  const t = useT();
  return (
    <Table striped aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">{t('billing.annualHt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td ta="right">{formatCents(row.annualCents)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};
