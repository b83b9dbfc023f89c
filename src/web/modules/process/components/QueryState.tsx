import { Alert, Button, Center, Loader, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shell/api.ts";
import { describeError } from "../../../shell/errors.ts";
import { Page } from "../../../shell/Page.tsx";

/** A part of a page still loading, named for screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation("shell");
  return (
    <Center py="xl">
      <Loader aria-label={label ?? t("loading")} />
    </Center>
  );
}

/**
 * A failed read in the reader's language: "not found" for a record that does not exist or is not
 * public (the server answers both alike), otherwise the error with a way to try again.
 */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation(["process", "shell"]);
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert
      color={notFound ? "gray" : "red"}
      icon={<IconAlertCircle aria-hidden />}
      title={notFound ? t("process:errors.notFoundTitle") : t("process:errors.loadTitle")}
      role="alert"
    >
      <Text size="sm">{notFound ? t("process:errors.notFound") : describeError(t, error)}</Text>
      {onRetry && !notFound ? (
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          {t("process:errors.retry")}
        </Button>
      ) : null}
    </Alert>
  );
}

/**
 * A record's page until its record is there: the loader while it loads, then a failed read under the
 * page's "not found" title (with a retry where trying again can help).
 */
export function RecordPending({
  query,
  notFoundTitle,
}: {
  query: { isPending: boolean; error: unknown; refetch: () => Promise<unknown> };
  notFoundTitle: string;
}) {
  if (query.isPending) return <Loading />;
  return (
    <Page title={notFoundTitle}>
      <LoadError error={query.error} onRetry={() => void query.refetch()} />
    </Page>
  );
}

/** A gap of the record: nothing in the sources gives this value, and nothing is invented in its place. */
export function NotInSources({ children }: { children?: ReactNode }) {
  const { t } = useTranslation("process");
  return (
    <Text component="span" c="dimmed" fs="italic" size="sm" className="not-in-sources">
      {children ?? t("record.notFound")}
    </Text>
  );
}
