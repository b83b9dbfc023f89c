import { Button, FileInput, Group, List, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ZoneImportReport } from "../../../contracts/followup-files.ts";
import { api } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { apiPath, followupKeys } from "./queries.ts";
import { isolate, RefusedTable, wordFaults } from "./RefusedTable.tsx";

/** The zones a report names under a heading (those to create, or to update), or nothing. */
function NamedZones(props: { id: string; title: string; zones: { feature: number; name: string }[] }) {
  if (props.zones.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600} id={props.id}>
        {props.title}
      </Text>
      <List size="sm" aria-labelledby={props.id}>
        {props.zones.map((zone) => (
          <List.Item key={zone.feature} dir="auto">
            {zone.name}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/** The check's report: the zones to create and update by name, and every refused feature with why. */
function ImportReport({ report }: { report: ZoneImportReport }) {
  const { t } = useTranslation("followup");
  return (
    <Stack gap="xs" data-testid="zone-import-report">
      <Text size="sm">
        {t(report.dryRun ? "zoneImport.checked" : "zoneImport.imported", {
          created: report.created.length,
          updated: report.updated.length,
          refused: report.rejected.length,
        })}
      </Text>
      <NamedZones
        id="zone-import-created"
        title={t(report.dryRun ? "zoneImport.toCreate" : "zoneImport.created")}
        zones={report.created}
      />
      <NamedZones
        id="zone-import-updated"
        title={t(report.dryRun ? "zoneImport.toUpdate" : "zoneImport.updated")}
        zones={report.updated}
      />
      {report.rejected.length > 0 ? (
        <section aria-labelledby="zone-import-refused">
          <Title order={3} size="h5" id="zone-import-refused" mb={4}>
            {t("zoneImport.refused")}
          </Title>
          <RefusedTable
            testId="zone-import-refused"
            columns={[t("zoneImport.feature"), t("zoneImport.name"), t("zoneImport.reasons")]}
            rows={report.rejected.map((row) => ({
              key: `${row.feature}-${row.code}`,
              where: row.feature + 1,
              what: row.name ?? "—",
              whatDir: "auto",
              why: wordFaults(t, "zoneImport", row, (field) =>
                t(`zoneImport.fields.${field.replaceAll(".", "_")}`, { defaultValue: isolate(field) }),
              ),
            }))}
          />
        </section>
      ) : null}
    </Stack>
  );
}

/**
 * Importing zones from a GeoJSON file on the map page (the secretariat and the guarantors): the file is
 * checked first — the zones it would create or update, each refused feature with why in the reader's
 * language, nothing written — and imported only when no feature is refused: the server takes the whole
 * file in one operation or nothing of it.
 */
export function ZoneImportPanel({ slug }: { slug: string }) {
  const { t } = useTranslation("followup");
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [collection, setCollection] = useState<unknown>(null);
  const [unreadable, setUnreadable] = useState(false);
  const send = useMutation({
    mutationFn: ({ body, dryRun }: { body: unknown; dryRun: boolean }) =>
      api.post<ZoneImportReport>(apiPath("processes", slug, "zones", "import"), body, {
        query: { dryRun: String(dryRun) },
      }),
    onSuccess: (report) => {
      if (!report.dryRun) client.invalidateQueries({ queryKey: followupKeys.all });
    },
  });
  const check = async () => {
    if (!file) return;
    send.reset();
    setUnreadable(false);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setUnreadable(true);
      return;
    }
    setCollection(parsed);
    send.mutate({ body: parsed, dryRun: true });
  };
  const report = send.data;
  const ready = report?.dryRun && report.rejected.length === 0 && report.features > 0;
  return (
    <FormPanel
      id="zone-import-title"
      testId="zone-import"
      className="followup-no-print"
      title={t("zoneImport.title")}
      onSubmit={(event) => {
        event.preventDefault();
        void check();
      }}
      error={unreadable ? t("zoneImport.notJson") : send.error ? describeError(t, send.error) : null}
    >
      <Text size="sm">{t("zoneImport.intro")}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          label={t("zoneImport.file")}
          accept=".geojson,.json,application/geo+json,application/json"
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setCollection(null);
            setUnreadable(false);
            send.reset();
          }}
          clearable
          clearButtonProps={{ "aria-label": t("zoneImport.clear") }}
          maw={320}
          w="100%"
          disabled={send.isPending}
        />
        <Button type="submit" disabled={!file} loading={send.isPending && send.variables?.dryRun}>
          {t("zoneImport.check")}
        </Button>
      </Group>
      <div aria-live="polite">
        {report ? <ImportReport report={report} /> : null}
        {report?.dryRun && report.rejected.length > 0 ? (
          <Text size="sm" mt="xs" c="red.8">
            {t("zoneImport.fixFirst")}
          </Text>
        ) : null}
      </div>
      {ready ? (
        <Group>
          <Button
            onClick={() => send.mutate({ body: collection, dryRun: false })}
            loading={send.isPending && !send.variables?.dryRun}
          >
            {t("zoneImport.apply", { count: report.created.length + report.updated.length })}
          </Button>
        </Group>
      ) : null}
    </FormPanel>
  );
}
