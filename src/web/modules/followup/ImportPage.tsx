import { Alert, Anchor, Button, FileInput, Group, Loader, Progress, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { describeError } from "../../shell/errors.ts";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import {
  type ImportJobView,
  type ImportReport,
  importRunning,
  useCancelJob,
  useImportJob,
  useStartImport,
} from "./queries.ts";
import { RefusedTable, wordFaults } from "./RefusedTable.tsx";
import "./followup.css";

/** The rows the check refused, with the line of the file and the reasons in the reader's language, as a table. */
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
      <RefusedTable
        testId="import-rejected"
        columns={[t("import.line"), t("import.eventId"), t("import.reasons")]}
        rows={report.rejectedRows.map((row) => ({
          key: row.line,
          where: row.line,
          what: row.eventId ?? "—",
          whatDir: "ltr",
          // Column names and the file's values stay left to right inside an Arabic sentence.
          why: wordFaults(t, "import", row),
        }))}
      />
    </section>
  );
}

/** A size in bytes as the reader's language writes it, in B, kB or MB. */
function sizeOf(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / 1024 / 1024, "megabyte"]
      : bytes >= 1024
        ? [bytes / 1024, "kilobyte"]
        : [bytes, "byte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
}

/**
 * An import's progress: rows read and bytes of the file, from the job's live progress; it stays, full,
 * once the job is done, so the reader sees how much of the file was read.
 */
function ImportProgress({ job, applying }: { job: ImportJobView | undefined; applying: boolean }) {
  const { t } = useTranslation("followup");
  const format = useFormatters();
  const detail = (job?.job.detail ?? {}) as { rowsRead?: number; bytesRead?: number; totalBytes?: number };
  const total = detail.totalBytes ?? 0;
  const read = Math.min(detail.bytesRead ?? 0, total);
  const percent = total > 0 ? Math.round((read / total) * 100) : 0;
  const running = importRunning(job);
  return (
    <Stack gap={4} data-testid="import-progress">
      <Text size="sm" id="import-progress-label">
        {running ? `${applying ? t("import.importing") : t("import.checking")} ` : ""}
        {t("import.progress", {
          rows: format.number(detail.rowsRead ?? 0),
          read: sizeOf(read, format.locale),
          total: sizeOf(total, format.locale),
        })}
      </Text>
      <Progress
        value={percent}
        animated={running}
        aria-labelledby="import-progress-label"
        aria-valuetext={t("import.percent", { percent })}
      />
    </Stack>
  );
}

/**
 * The ACLED import as the monitoring team runs it: choose the file, which is uploaded and checked as a
 * background job (nothing is written) while a bar shows the rows and bytes read; read the rejected rows
 * of its report; then import the valid rows, a second job sending the same file.
 */
export function ImportPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("followup");
  const format = useFormatters();
  // The report's counts as the reader's language writes numbers (150,000; 150 000; ١٥٠٬٠٠٠).
  const counts = (report: ImportReport) =>
    Object.fromEntries(
      Object.entries(report).map(([key, value]) => [
        key,
        typeof value === "number" ? format.number(value) : value,
      ]),
    );
  const [file, setFile] = useState<File | null>(null);
  const [checkJobId, setCheckJobId] = useState<string | null>(null);
  const [importJobId, setImportJobId] = useState<string | null>(null);
  const start = useStartImport(slug);
  const checkJob = useImportJob(checkJobId);
  const importJob = useImportJob(importJobId);
  const clear = () => {
    setCheckJobId(null);
    setImportJobId(null);
    start.reset();
  };
  const check = () => {
    if (!file) return;
    clear();
    start.mutate({ file, dryRun: true }, { onSuccess: ({ jobId }) => setCheckJobId(jobId) });
  };
  const importValid = () => {
    if (!file) return;
    start.mutate({ file, dryRun: false }, { onSuccess: ({ jobId }) => setImportJobId(jobId) });
  };
  const current = importJobId ? importJob : checkJobId ? checkJob : null;
  const running = Boolean(current && importRunning(current.data));
  const busy = start.isPending || running;
  const checked = checkJob.data?.job.state === "succeeded" ? checkJob.data.report : null;
  const imported = importJob.data?.job.state === "succeeded" ? importJob.data.report : null;
  const stopped =
    current?.data && !running && current.data.job.state !== "succeeded" ? current.data.job : null;
  const runningJobId = running ? (current?.data?.job.id ?? null) : null;
  const cancel = useCancelJob(runningJobId);
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
            clear();
          }}
          clearable
          clearButtonProps={{ "aria-label": t("import.clear") }}
          w={320}
          disabled={busy}
        />
        <Button onClick={check} disabled={!file || busy} variant={checked ? "default" : "filled"}>
          {t("import.check")}
        </Button>
      </Group>
      <div aria-live="polite">
        {start.isPending ? (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t("import.uploading")}</Text>
          </Group>
        ) : current?.data && current.data.job.state !== "failed" ? (
          <ImportProgress job={current.data} applying={Boolean(importJobId)} />
        ) : null}
        {start.error || current?.error || cancel.error ? (
          <Alert color="red" role="alert">
            {describeError(t, start.error ?? current?.error ?? cancel.error)}
          </Alert>
        ) : null}
        {stopped ? (
          <Alert color="red" role="alert">
            {stopped.state === "failed"
              ? t("import.failed", { message: stopped.error?.message ?? "" })
              : t("import.stopped")}
          </Alert>
        ) : null}
        {imported ? (
          <Alert color="green" data-testid="import-result">
            {t("import.imported", counts(imported))}
          </Alert>
        ) : checked ? (
          <Alert color="blue" data-testid="import-result">
            {t("import.checked", counts(checked))}
          </Alert>
        ) : null}
      </div>
      {running && current?.data?.job.can.cancel ? (
        <Group>
          <Button
            variant="light"
            color="red"
            onClick={() => cancel.mutate()}
            loading={cancel.isPending}
            data-testid="import-cancel"
          >
            {t("import.cancel")}
          </Button>
        </Group>
      ) : null}
      {checked && !importJobId && checked.valid > 0 ? (
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
