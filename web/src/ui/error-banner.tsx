import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../i18n/i18n.tsx';
import { onError } from './notify.ts';
import { ProblemText } from './problem-text.tsx';

/** Errors of commands that have no field to sit next to (send, cancel…), shown atop the page. */
export const ErrorBanner = () => {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const location = useLocation();
  useEffect(() => {
    const stop = onError((next) => setError(next));
    return () => {
      stop();
    };
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page clears the last error.
  useEffect(() => setError(null), [location.pathname]);
  if (!error) return null;
  return (
    <Alert
      color="red"
      role="alert"
      title={t('common.error')}
      withCloseButton
      onClose={() => setError(null)}
      mb="md"
    >
      <ProblemText error={error} />
    </Alert>
  );
};
