import { List, Text } from '@mantine/core';
import { ApiError } from '../api/client.ts';

/** What the API said, in its words; a refused send also lists every missing item (DOCUMENT.INCOMPLETE). */
export const ProblemText = ({ error }: { error: unknown }) => {
  const message = error instanceof Error ? error.message : String(error);
  const missing = error instanceof ApiError ? error.problem.details?.missing : undefined;
  return (
    <>
      <Text size="sm">{message}</Text>
      {Array.isArray(missing) && missing.length > 0 && (
        <List size="sm" mt={4} data-testid="missing-items">
          {missing.map((item: { code?: string; message?: string }) => (
            <List.Item key={item.code ?? item.message}>{item.message}</List.Item>
          ))}
        </List>
      )}
    </>
  );
};
