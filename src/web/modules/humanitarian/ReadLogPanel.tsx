// "Who read this record": the audited reads of one case, allowed and refused, newest first, for the
// neutral intermediary (the case read's `can.readAudit`; the server's audit scope says the same).
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconBan, IconCircleCheck } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AuditEntry, AuditPage } from "../../../contracts/audit.ts";
import { api } from "../../shell/api.ts";
import { useFormatters } from "../../shell/format.ts";
import { humKeys } from "./queries.ts";
import { explain } from "./shared.tsx";

const pageSize = 20;

/** The read's name for people: opening the case, or one of the other reads that name it. */
const whatOf: Record<string, string> = {
  "humanitarian.case.get": "readLog.what.caseGet",
  "humanitarian.case.list": "readLog.what.caseList",
  "humanitarian.case.export": "readLog.what.caseExport",
};

function Outcome({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("humanitarian");
  const allowed = entry.outcome === "ok";
  return (
    <Group gap={4} wrap="nowrap" c={allowed ? "teal" : "red"} data-testid="read-outcome">
      {allowed ? <IconCircleCheck size={16} aria-hidden /> : <IconBan size={16} aria-hidden />}
      <Text size="sm" fw={500} inherit>
        {t(allowed ? "readLog.allowed" : "readLog.refused")}
      </Text>
    </Group>
  );
}

function What({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("humanitarian");
  const key = whatOf[entry.action];
  return key ? (
    <Text size="sm">{t(key)}</Text>
  ) : (
    <Text size="sm" dir="ltr" ff="monospace">
      {entry.action}
    </Text>
  );
}

/** The case's audited reads (who, when, what, allowed or refused), a table on wide screens, cards on phones. */
export function ReadLogPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation("humanitarian");
  const format = useFormatters();
  const isPhone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });
  const log = useInfiniteQuery({
    queryKey: humKeys.of("case-reads", caseId),
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>("/api/audit", {
        signal,
        query: {
          subjectType: "humanitarian.case",
          subjectId: caseId,
          kind: "read",
          limit: pageSize,
          before: pageParam,
        },
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-reads">
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-reads">
          {t("readLog.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("readLog.intro")}
        </Text>
        {log.error ? (
          <Alert color="red" role="alert">
            {explain(t, log.error)}
          </Alert>
        ) : log.isPending ? (
          <Text size="sm">{t("loading")}</Text>
        ) : entries.length === 0 ? (
          <Text size="sm">{t("readLog.empty")}</Text>
        ) : isPhone ? (
          <Stack gap="xs" component="ul" className="plain-list" data-testid="case-reads">
            {entries.map((entry) => (
              <Paper component="li" key={entry.seq} withBorder p="xs" radius="sm" data-testid="case-read">
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <What entry={entry} />
                  <Outcome entry={entry} />
                </Group>
                <Text size="sm" className="break-anywhere">
                  {entry.actorLabel}
                </Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(entry.at)}
                </Text>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs" data-testid="case-reads">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("readLog.who")}</Table.Th>
                  <Table.Th scope="col">{t("readLog.when")}</Table.Th>
                  <Table.Th scope="col">{t("readLog.whatHeader")}</Table.Th>
                  <Table.Th scope="col">{t("readLog.outcome")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.seq} data-testid="case-read">
                    <Table.Td className="break-anywhere">{entry.actorLabel}</Table.Td>
                    <Table.Td className="nowrap">{format.dateTime(entry.at)}</Table.Td>
                    <Table.Td>
                      <What entry={entry} />
                    </Table.Td>
                    <Table.Td>
                      <Outcome entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {log.hasNextPage ? (
          <Group>
            <Button
              variant="default"
              size="sm"
              loading={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {t("readLog.older")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
