import {
  Anchor,
  Badge,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { zoneStatuses } from "../../../contracts/followup.ts";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { ConflictCard } from "../process/index.ts";
import { useSlugAddress } from "./canonical.ts";
import { FollowupForm, useFollowupSend } from "./FollowupForm.tsx";
import { apiPath, useZone, type Zone, type ZoneFull } from "./queries.ts";
import "./followup.css";

const day = (value: string) => `${value.slice(0, 10)}T12:00:00Z`;

/** Sources as links (their titles where known), or a dash. */
function SourceLinks({ sources }: { sources: Zone["sources"] }) {
  const { t } = useTranslation("followup");
  if (sources.length === 0) return <Text size="sm">{t("zone.noSources")}</Text>;
  return (
    <Stack gap={2} component="ul" className="followup-plain-list">
      {sources.map((source) => (
        <li key={source.url}>
          <Anchor href={source.url} size="sm" rel="noreferrer" dir="auto">
            {source.title ?? source.url}
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}

/**
 * The secretariat's and guarantors' form to record what became of a zone from a day on (partly seized,
 * retaken, dissolved…), with a note and a source; the server refuses a day not written YYYY-MM-DD.
 */
function RecordStatusForm({ zone }: { zone: ZoneFull }) {
  const { t } = useTranslation("followup");
  const sending = useFollowupSend();
  const [status, setStatus] = useState<string>(zone.status === "established" ? "partly_seized" : zone.status);
  const [fromDate, setFromDate] = useState("");
  const [note, setNote] = useState("");
  const [source, setSource] = useState("");
  const submit = () =>
    sending.send(
      apiPath("zones", zone.id, "statuses"),
      {
        status,
        fromDate: fromDate.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
        sources: source.trim() ? [{ url: source.trim() }] : [],
      },
      () => {
        setNote("");
        setSource("");
      },
    );
  return (
    <FollowupForm
      id="zone-record"
      testId="zone-record"
      title={t("zone.record")}
      sending={sending}
      onSubmit={submit}
      saved={() => t("zone.recorded")}
      submitLabel={t("zone.recordAction")}
    >
      <Group grow wrap="wrap" align="flex-start">
        <NativeSelect
          label={t("zone.status")}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value)}
          data={zoneStatuses.map((value) => ({ value, label: t(`zoneStatus.${value}`) }))}
        />
        <TextInput
          label={t("zone.fromDay")}
          value={fromDate}
          onChange={(event) => setFromDate(event.currentTarget.value)}
          placeholder="2018-04-12"
          required
        />
      </Group>
      <Textarea
        label={t("zone.note")}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      <TextInput
        label={t("commitments.sourceUrl")}
        value={source}
        onChange={(event) => setSource(event.currentTarget.value)}
        type="url"
      />
    </FollowupForm>
  );
}

/**
 * One de-escalation zone as the public reads it: its area and the memorandum that created it, its start,
 * term and extension rule, what became of it (status history with dates, notes and sources), and what
 * the sources dispute about it or its memorandum, each conflict by kind with every value's sources.
 */
export function ZonePage() {
  const { slug = "", id = "" } = useParams();
  useSlugAddress(slug);
  const { t } = useTranslation("followup");
  const format = useFormatters();
  const query = useZone(id);
  const loaded = pageData(query, t, t("zone.title"));
  if ("element" in loaded) return loaded.element;
  const zone = loaded.data;
  const base = `/processes/${encodeURIComponent(slug)}`;
  const term = zone.termMonths
    ? zone.autoExtend
      ? t("zone.termExtended", { count: zone.termMonths })
      : t("zone.term", { count: zone.termMonths })
    : t("zone.noTerm");
  const aboutZone = zone.conflicts.filter((conflict) => conflict.about === "zone");
  const aboutMemorandum = zone.conflicts.filter((conflict) => conflict.about === "memorandum");
  return (
    <Page
      title={zone.name}
      actions={
        <Group gap="md" className="followup-no-print">
          <Anchor component={Link} to={`${base}/followup?zone=${encodeURIComponent(zone.id)}`}>
            {t("zone.onMap")}
          </Anchor>
        </Group>
      }
    >
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" size="md">
          {t(`zoneStatus.${zone.status}`)}
        </Badge>
        {zone.approximate ? (
          <Badge variant="outline" color="gray" size="md">
            {t("map.approximateBadge")}
          </Badge>
        ) : null}
        {zone.conflicts.length > 0 ? (
          <Anchor href="#zone-conflicts" size="sm">
            {t("zone.disputedCount", { count: zone.conflicts.length })}
          </Anchor>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="zone-facts">
        <div>
          <Text size="xs" c="dimmed">
            {t("zone.area")}
          </Text>
          <Text size="sm" dir="auto">
            {zone.area ?? "—"}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t("zone.memorandum")}
          </Text>
          <Text size="sm" dir="auto">
            {zone.memorandum ?? "—"}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t("zone.start")}
          </Text>
          <Text size="sm">{format.date(day(zone.startDate))}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t("zone.termLabel")}
          </Text>
          <Text size="sm">{term}</Text>
        </div>
      </SimpleGrid>
      <section aria-labelledby="zone-sources">
        <Title order={2} size="h4" id="zone-sources" mb="xs">
          {t("zone.sources")}
        </Title>
        <SourceLinks sources={zone.sources} />
      </section>
      <section aria-labelledby="zone-history">
        <Title order={2} size="h4" id="zone-history" mb="xs">
          {t("zone.history")}
        </Title>
        <div className="followup-table-scroll">
          <Table withTableBorder data-testid="zone-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("zone.from")}</Table.Th>
                <Table.Th scope="col">{t("zone.status")}</Table.Th>
                <Table.Th scope="col">{t("zone.note")}</Table.Th>
                <Table.Th scope="col">{t("zone.sources")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {zone.history.map((entry) => (
                <Table.Tr key={`${entry.fromDate}-${entry.status}`}>
                  <Table.Td>{format.date(day(entry.fromDate))}</Table.Td>
                  <Table.Td>{t(`zoneStatus.${entry.status}`)}</Table.Td>
                  <Table.Td dir="auto">{entry.note ?? "—"}</Table.Td>
                  <Table.Td>
                    <SourceLinks sources={entry.sources} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>
      {zone.can.recordStatus ? <RecordStatusForm zone={zone} /> : null}
      {zone.conflicts.length > 0 ? (
        <section aria-labelledby="zone-conflicts-title" id="zone-conflicts">
          <Title order={2} size="h4" id="zone-conflicts-title" mb="xs">
            {t("zone.conflicts")}
          </Title>
          <Stack gap="sm" data-testid="zone-conflicts">
            {[...aboutZone, ...aboutMemorandum].map((conflict) => (
              <ConflictCard
                key={conflict.id}
                conflict={conflict}
                context={
                  <Badge variant="outline" color="gray" size="sm">
                    {conflict.about === "zone" ? t("zone.aboutZone") : t("zone.aboutMemorandum")}
                  </Badge>
                }
              />
            ))}
          </Stack>
        </section>
      ) : null}
    </Page>
  );
}
