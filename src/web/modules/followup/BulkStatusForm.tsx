import { Alert, Button, FileInput, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { CommitmentStatusImportReport } from "../../../contracts/followup-files.ts";
import { describeError } from "../../shell/errors.ts";
import { StatusBadge } from "./CommitmentBadges.tsx";
import { apiPath, followupKeys, sendCsv } from "./queries.ts";

type Report = z.infer<typeof CommitmentStatusImportReport>;

/**
 * The secretariat's, guarantors' and monitors' bulk status update: a CSV (`external_id,status[,on,
 * evidence,source_url]`) is checked first — what would change, what is already so, unknown ids, invalid
 * statuses and other faults, by line — and only then applied, in one audited operation.
 */
export function BulkStatusForm({ slug }: { slug: string }) {
  const { t } = useTranslation("followup");
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) =>
      sendCsv<Report>(
        `${apiPath("processes", slug, "commitments", "status-updates")}?dryRun=${dryRun}`,
        file,
      ),
    onSettled: () => client.invalidateQueries({ queryKey: followupKeys.all }),
  });
  const report = send.data;
  const refused = report
    ? report.unknownId
        .map((row) => ({ line: row.line, text: t("bulk.unknownId", { id: row.externalId }) }))
        .concat(
          report.invalidStatus.map((row) => ({
            line: row.line,
            text: t("bulk.invalidStatus", { id: row.externalId, status: row.status }),
          })),
          report.invalid.map((row) => ({ line: row.line, text: row.reasons.join("; ") })),
        )
        .sort((a, b) => a.line - b.line)
    : [];
  return (
    <Paper
      withBorder
      p="md"
      aria-labelledby="bulk-status"
      className="followup-no-print"
      data-testid="bulk-status"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="bulk-status">
          {t("bulk.title")}
        </Title>
        <Text size="sm">{t("bulk.intro")}</Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label={t("bulk.file")}
            accept=".csv,text/csv"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              send.reset();
            }}
            clearable
            w={320}
          />
          <Button onClick={() => send.mutate({ dryRun: true })} disabled={!file} loading={send.isPending}>
            {t("bulk.check")}
          </Button>
        </Group>
        <div aria-live="polite">
          {send.error ? (
            <Alert color="red" role="alert">
              {describeError(t, send.error)}
            </Alert>
          ) : null}
          {report ? (
            <Alert color={report.dryRun ? "blue" : "green"} data-testid="bulk-result">
              {report.dryRun
                ? t("bulk.checked", {
                    rows: report.rows,
                    matched: report.matched.length,
                    unchanged: report.unchanged.length,
                    refused: refused.length,
                  })
                : t("bulk.applied", { count: report.applied })}
            </Alert>
          ) : null}
        </div>
        {report && report.matched.length > 0 ? (
          <div className="followup-table-scroll">
            <Table withTableBorder data-testid="bulk-matched">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("import.line")}</Table.Th>
                  <Table.Th scope="col">{t("bulk.externalId")}</Table.Th>
                  <Table.Th scope="col">{t("report.change")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.matched.map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td dir="ltr">{row.externalId}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <StatusBadge status={row.from} />
                        <span aria-hidden className="followup-flip">
                          →
                        </span>
                        <StatusBadge status={row.to} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ) : null}
        {refused.length > 0 ? (
          <section aria-labelledby="bulk-refused">
            <Title order={3} size="h5" id="bulk-refused" mb={4}>
              {t("bulk.refused")}
            </Title>
            <List size="sm" data-testid="bulk-refused-lines">
              {refused.map((row) => (
                <List.Item key={`${row.line}-${row.text}`}>
                  {t("bulk.line", { line: row.line })}: {row.text}
                </List.Item>
              ))}
            </List>
          </section>
        ) : null}
        {report?.dryRun && report.matched.length > 0 ? (
          <Group>
            <Button onClick={() => send.mutate({ dryRun: false })} loading={send.isPending}>
              {t("bulk.apply", { count: report.matched.length })}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
