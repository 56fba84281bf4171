import { Button, Card, Group, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { query } from '../api/client.ts';
import { formatCents, formatDay, todayInParis } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { BridgeChart } from './bridge-chart.tsx';
import { isoOf, useRevenueBridge } from './queries.ts';
import type { Bridge, BridgeMovement } from './types.ts';

const yearBefore = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;

/**
 * The bridge's order (R-G4). The web app sees only the HTTP schemas' types: the record below makes
 * the type-check fail if the server adds or renames a movement.
 */
const MOVEMENT_ORDER: Record<BridgeMovement, number> = {
  new_clients: 0,
  amendment_increases: 1,
  revaluation_increases: 2,
  decreases: 3,
  terminations: 4,
};
const BRIDGE_MOVEMENTS = (Object.keys(MOVEMENT_ORDER) as BridgeMovement[]).sort(
  (a, b) => MOVEMENT_ORDER[a] - MOVEMENT_ORDER[b],
);

const movementKey = (movement: BridgeMovement) => `bridge.${movement}` as MessageKey;

const BridgeTable = ({ bridge }: { bridge: Bridge }) => {
  const t = useT();
  const rows = [
    { key: 'start', label: t('bridge.start', { date: formatDay(bridge.from) }), cents: bridge.startCents },
    ...BRIDGE_MOVEMENTS.map((m) => ({ key: m, label: t(movementKey(m)), cents: bridge.movements[m] })),
    { key: 'end', label: t('bridge.end', { date: formatDay(bridge.to) }), cents: bridge.endCents },
  ];
  return (
    <Table striped aria-label={t('billing.bridge')} data-testid="bridge-table">
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td ta="right">{formatCents(row.cents)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};

/** R-G4: the bridge between two days, as a waterfall and a table that add up to the cent. */
export const BridgeSection = () => {
  const t = useT();
  const [to, setTo] = useState(todayInParis());
  const [from, setFrom] = useState(yearBefore(todayInParis()));
  const bridge = useRevenueBridge(from, to);
  return (
    <Card withBorder component="section" aria-labelledby="bridge-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={3} size="h4" id="bridge-title">
          {t('billing.bridge')}
        </Title>
        <Group align="flex-end">
          <DateField
            label={t('billing.fromDate')}
            valueFormat="DD/MM/YYYY"
            value={from}
            onChange={(value) => setFrom(isoOf(value, from))}
            w={160}
          />
          <DateField
            label={t('billing.toDate')}
            valueFormat="DD/MM/YYYY"
            value={to}
            onChange={(value) => setTo(isoOf(value, to))}
            w={160}
          />
          <Button
            component="a"
            variant="default"
            href={`/api/v1/billing/revenue-bridge.csv${query({ from, to })}`}
          >
            {t('billing.csv')}
          </Button>
        </Group>
      </Group>
      <QueryState query={bridge}>
        {(data) => (
          <Stack>
            <BridgeChart
              label={t('billing.bridge')}
              steps={[
                { label: formatDay(data.from), cents: data.startCents, total: true },
                ...BRIDGE_MOVEMENTS.map((m) => ({ label: t(movementKey(m)), cents: data.movements[m] })),
                { label: formatDay(data.to), cents: data.endCents, total: true },
              ]}
            />
            <BridgeTable bridge={data} />
          </Stack>
        )}
      </QueryState>
    </Card>
  );
};
