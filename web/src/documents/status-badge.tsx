import { Badge } from '@mantine/core';
import type { DocumentStatus } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { STATUS_COLORS, statusKey } from './labels.ts';

export const StatusBadge = ({ status }: { status: DocumentStatus }) => {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-status={status} style={{ flexShrink: 0 }}>
      {t(statusKey(status))}
    </Badge>
  );
};
