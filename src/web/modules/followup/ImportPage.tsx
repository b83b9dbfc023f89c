import { Alert, Anchor, Button, FileInput, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { describeError } from "../../shell/errors.ts";
import { Page } from "../../shell/Page.tsx";
import { type ImportReport, useAcledImport } from "./queries.ts";
import "./followup.css";

/** The rows the check refused, with the line of the file and the reasons, as a table. */
function RejectedRows({ report }: { report: ImportReport }) {
  const { t } = useTranslation("followup");
  if (report.rejectedRows.length === 0) return null;
  return (
    <section aria-labelledby="import-rejected">
      <Title order={2} size="h4" id="import-rejected" mb="xs">
        {t("import.rejectedRows")}
      </Title>
      {report.rejectedRows.length < report.rejected ? (
        <Text size="sm" mb="xs">
          {t("import.rejectedShown", { shown: report.rejectedRows.length, total: report.rejected })}
        </Text>
      ) : null}
      <div className="followup-table-scroll">
        <Table withTableBorder striped data-testid="import-rejected">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("import.line")}</Table.Th>
              <Table.Th scope="col">{t("import.eventId")}</Table.Th>
              <Table.Th scope="col">{t("import.reasons")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rejectedRows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td dir="ltr">{row.eventId ?? "—"}</Table.Td>
                <Table.Td>{row.reasons.join("; ")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

/**
 * The ACLED import as the monitoring team runs it: choose the file, read the check's report (nothing
 * is written), then import the valid rows. Each step sends the file to the synchronous import route;
 * a busy indicator shows while it runs.
 */
export function ImportPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("followup");
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const run = useAcledImport(slug);
  const check = () => {
    if (!file) return;
    setChecked(null);
    setImported(null);
    run.mutate({ file, dryRun: true }, { onSuccess: setChecked });
  };
  const importValid = () => {
    if (!file) return;
    run.mutate({ file, dryRun: false }, { onSuccess: setImported });
  };
  const busy = run.isPending;
  const report = imported ?? checked;
  return (
    <Page
      title={t("import.title")}
      actions={
        <Anchor component={Link} to={`/processes/${encodeURIComponent(slug)}/followup`}>
          {t("links.back")}
        </Anchor>
      }
    >
      <Text>{t("import.intro")}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          label={t("import.file")}
          accept=".csv,text/csv"
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setChecked(null);
            setImported(null);
            run.reset();
          }}
          clearable
          w={320}
          disabled={busy}
        />
        <Button onClick={check} disabled={!file || busy} variant={checked ? "default" : "filled"}>
          {t("import.check")}
        </Button>
      </Group>
      <div aria-live="polite">
        {busy ? (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{checked ? t("import.importing") : t("import.checking")}</Text>
          </Group>
        ) : null}
        {run.error ? (
          <Alert color="red" role="alert">
            {describeError(t, run.error)}
          </Alert>
        ) : null}
        {imported ? (
          <Alert color="green" data-testid="import-result">
            {t("import.imported", imported)}
          </Alert>
        ) : checked ? (
          <Alert color="blue" data-testid="import-result">
            {t("import.checked", checked)}
          </Alert>
        ) : null}
      </div>
      {checked && !imported && checked.valid > 0 ? (
        <Group>
          <Button onClick={importValid} disabled={busy}>
            {t("import.importValid", { count: checked.valid })}
          </Button>
        </Group>
      ) : null}
      {report ? (
        <Stack gap="sm">
          <RejectedRows report={report} />
        </Stack>
      ) : null}
    </Page>
  );
}
