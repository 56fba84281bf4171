import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../i18n/i18n.tsx';
import { onError } from './notify.ts';

/** Errors of commands that have no field to sit next to (send, cancel…), shown atop the page. */
export const ErrorBanner = () => {
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  const location = useLocation();
  useEffect(() => onError(setMessage) as () => void, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page clears the last error.
  useEffect(() => setMessage(null), [location.pathname]);
  if (!message) return null;
  return (
    <Alert
      color="red"
      role="alert"
      title={t('common.error')}
      withCloseButton
      onClose={() => setMessage(null)}
      mb="md"
    >
      {message}
    </Alert>
  );
};
