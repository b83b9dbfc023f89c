import {
  Alert,
  Anchor,
  Button,
  Group,
  Input,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { caseKinds, emptyListReport, listColumns, listSharings } from "../../../contracts/humanitarian.ts";
import { ApiError } from "../../shell/api.ts";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { humKeys, type Report, uploadList } from "./queries.ts";
import { explain, PersonNames, useHumContext } from "./shared.tsx";

type Step = "file" | "mapping" | "preview" | "done";

const emptyReport: Report = emptyListReport(true, "csv");

/**
 * The validation report: counts, encoding, rows refused and flagged with why (never their values): each
 * finding names its field by the label the mapping step shows, in the reader's language.
 */
function ReportSummary({ report }: { report: Report }) {
  const { t } = useTranslation("humanitarian");
  const findings = (rows: Report["rejectedRows"], caption: string, testId: string) =>
    rows.length === 0 ? null : (
      <Table.ScrollContainer minWidth={420}>
        <Table withTableBorder data-testid={testId}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("upload.row")}</Table.Th>
              <Table.Th scope="col">{t("upload.why")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>
                  {row.findings.map((finding) => (
                    <Text key={`${finding.field}-${finding.code}`} size="sm">
                      {/* The field by its label, as the mapping step names it; a finding about the whole row needs none. */}
                      {finding.field === "row"
                        ? ""
                        : `${t(`column.${finding.field}`, { defaultValue: finding.field })}: `}
                      {t(`finding.${finding.code}`, { defaultValue: finding.message })}
                      {finding.ref !== undefined ? ` (${t("upload.ref", { ref: finding.ref })})` : ""}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  return (
    <Stack gap="sm">
      <Text data-testid="upload-report">
        {t("upload.summary", {
          rows: report.rows,
          valid: report.valid,
          rejected: report.rejected,
          flagged: report.flagged,
          duplicates: report.duplicates,
        })}
      </Text>
      <Text size="sm">
        {t("upload.encoding", { format: report.format.toUpperCase(), encoding: report.encoding })}
      </Text>
      {findings(report.rejectedRows, t("upload.rejectedRows"), "rejected-rows")}
      {findings(report.flaggedRows, t("upload.flaggedRows"), "flagged-rows")}
    </Stack>
  );
}

/** A side uploads a list: the file, the column mapping, the preview with its report, then the import. */
export function UploadPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const client = useQueryClient();
  const context = useHumContext(slug);
  const [step, setStep] = useState<Step>("file");
  const [file, setFile] = useState<File | null>(null);
  const [delegationId, setDelegationId] = useState("");
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<string>("detained");
  const [sharing, setSharing] = useState<string>("side");
  const [dayMonth, setDayMonth] = useState("refuse");
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loaded = pageData(context.process, t, t("upload.title"));
  if ("element" in loaded) return loaded.element;
  const side = delegationId || context.mySides[0]?.delegationId || "";
  const send = async (dryRun: boolean, withMapping: boolean) => {
    if (!file) return null;
    setBusy(true);
    setError(null);
    try {
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, header]) => header));
      return await uploadList(slug, file, {
        delegationId: side,
        title: title || file.name,
        fileName: file.name,
        kind,
        sharing,
        dayMonth,
        dryRun: String(dryRun),
        mapping: withMapping ? JSON.stringify(chosen) : undefined,
      });
    } catch (failure) {
      // A file in its own column names: its header comes back, and the mapping step starts from it.
      const header = (failure as ApiError).details as { header?: string[] } | null;
      if (
        failure instanceof ApiError &&
        failure.code === "no_name_columns" &&
        header?.header &&
        !withMapping
      ) {
        setReport({ ...emptyReport, header: header.header });
        setMapping(Object.fromEntries(listColumns.map((column) => [column, ""])));
        setStep("mapping");
        return null;
      }
      setError(explain(t, failure));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const readFile = async (event: React.FormEvent) => {
    event.preventDefault();
    const answer = await send(true, false);
    if (!answer) return;
    setMapping(Object.fromEntries(listColumns.map((column) => [column, answer.mapping[column] ?? ""])));
    setReport(answer);
    setStep("mapping");
  };
  const preview = async () => {
    const answer = await send(true, true);
    if (answer) {
      setReport(answer);
      setStep("preview");
    }
  };
  const importNow = async () => {
    const answer = await send(false, true);
    if (answer) {
      setReport(answer);
      setStep("done");
      await client.invalidateQueries({ queryKey: humKeys.all });
    }
  };
  return (
    <Page title={t("upload.title")}>
      <Text size="sm" c="dimmed">
        {t(`upload.step.${step}`)}
      </Text>
      {error ? (
        <Alert color="red" role="alert" title={t("upload.refused")}>
          {error}
        </Alert>
      ) : null}
      {busy ? (
        <Stack gap={4} role="status">
          <Text size="sm">{t("upload.working")}</Text>
          <Progress value={100} animated aria-label={t("upload.working")} />
        </Stack>
      ) : null}
      {context.mySides.length === 0 ? <Alert color="gray">{t("upload.noSide")}</Alert> : null}
      <FormPanel id="upload-file" title={t("upload.file")} onSubmit={readFile}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("side")}
            data={context.mySides.map((m) => ({
              value: m.delegationId,
              label: context.nameOf(m.participantId),
            }))}
            value={side}
            onChange={(e) => setDelegationId(e.currentTarget.value)}
          />
          <TextInput
            label={t("lists.name")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("upload.kind")}
            data={caseKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("lists.sharing")}
            data={listSharings.map((value) => ({ value, label: t(`sharing.${value}`) }))}
            value={sharing}
            onChange={(e) => setSharing(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("upload.dayMonth")}
            data={["refuse", "day_first", "month_first"].map((value) => ({
              value,
              label: t(`dayMonth.${value}`),
            }))}
            value={dayMonth}
            onChange={(e) => setDayMonth(e.currentTarget.value)}
          />
          <Input.Wrapper
            label={t("upload.pick")}
            labelElement="label"
            id="hum-file"
            description={t("upload.formats")}
          >
            <input
              id="hum-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setStep("file");
                setReport(null);
              }}
            />
          </Input.Wrapper>
        </SimpleGrid>
        <Group>
          <Button type="submit" disabled={!file || !side} loading={busy && step === "file"}>
            {t("upload.read")}
          </Button>
        </Group>
      </FormPanel>
      {report && step !== "file" ? (
        <Paper withBorder p="md" radius="md" aria-labelledby="upload-mapping">
          <Stack gap="sm">
            <Title order={2} size="h4" id="upload-mapping">
              {t("upload.mapping")}
            </Title>
            <Text size="sm">{t("upload.mappingHelp", { columns: report.header.join(", ") })}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {listColumns.map((column) => (
                <NativeSelect
                  key={column}
                  label={t(`column.${column}`)}
                  data={[
                    { value: "", label: t("upload.notInFile") },
                    ...report.header.map((h) => ({ value: h, label: h })),
                  ]}
                  value={mapping[column] ?? ""}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setMapping((current) => ({ ...current, [column]: value }));
                    setStep("mapping");
                  }}
                />
              ))}
            </SimpleGrid>
            <Group>
              <Button
                onClick={preview}
                loading={busy && step === "mapping"}
                variant={step === "mapping" ? "filled" : "light"}
              >
                {t("upload.preview")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {report && (step === "preview" || step === "done") ? (
        <Paper withBorder p="md" radius="md" aria-labelledby="upload-preview">
          <Stack gap="sm">
            <Title order={2} size="h4" id="upload-preview">
              {step === "done" ? t("upload.result") : t("upload.previewTitle")}
            </Title>
            <ReportSummary report={report} />
            {step === "preview" ? (
              <>
                <Table.ScrollContainer minWidth={480}>
                  <Table withTableBorder striped>
                    <Table.Caption>{t("upload.firstRows")}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t("upload.row")}</Table.Th>
                        <Table.Th scope="col">{t("person.name")}</Table.Th>
                        <Table.Th scope="col">{t("person.birth")}</Table.Th>
                        <Table.Th scope="col">{t("upload.valid")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {report.preview.map((row) => (
                        <Table.Tr key={row.row}>
                          <Table.Td>{row.row}</Table.Td>
                          <Table.Td>
                            <PersonNames person={row.person} />
                          </Table.Td>
                          <Table.Td>{row.person.birthDate ?? row.person.birthYear ?? "—"}</Table.Td>
                          <Table.Td>{row.valid ? t("upload.yes") : t("upload.no")}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Group>
                  <Button onClick={importNow} loading={busy} disabled={report.valid === 0} color="teal">
                    {t("upload.import", { count: report.valid })}
                  </Button>
                </Group>
              </>
            ) : (
              <Alert color="teal" role="status">
                {t("upload.imported", { count: report.casesCreated })}{" "}
                {report.listId ? (
                  <Anchor component={Link} to={`/humanitarian/lists/${encodeURIComponent(report.listId)}`}>
                    {t("upload.open")}
                  </Anchor>
                ) : null}
              </Alert>
            )}
          </Stack>
        </Paper>
      ) : null}
    </Page>
  );
}
