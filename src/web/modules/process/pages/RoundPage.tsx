import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { InEnglish, LocalText } from "../../../shell/LocalText.tsx";
import { ModuleSections } from "../../../shell/ModuleSlots.tsx";
import { Page } from "../../../shell/Page.tsx";
import { ConflictMark } from "../components/ConflictMark.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { ExportMenu, PrintButton, useCiteLinks, useExportLanguage } from "../components/ExportMenu.tsx";
import { FieldItem, FieldList } from "../components/Facts.tsx";
import { Crumbs, RoundStatusBadge } from "../components/ProcessLinks.tsx";
import { NotInSources, RecordPending } from "../components/QueryState.tsx";
import { SourcesButton, sourcesOfFields, uniqueSources } from "../components/Sources.tsx";
import { useDates, useLocalName } from "../format.ts";
import { apiPath, useProcess, useRound, useSubjectRecord } from "../queries.ts";
import type { SubjectRecord } from "../types.ts";

/** Every source the record of a round cites, for the round itself and for its parts. */
export function allSourcesOf(record: SubjectRecord | undefined) {
  if (!record) return [];
  const bodies = [record, ...record.related];
  return uniqueSources(
    ...bodies.flatMap((body) => [
      ...Object.values(body.citations),
      ...body.facts.map((fact) => fact.sources),
      ...body.conflicts.flatMap((conflict) => [
        conflict.sources,
        ...conflict.values.map((value) => value.sources),
      ]),
    ]),
  );
}

/**
 * A round: dates, city, venue and status with their sources, then the modules' sections of the round
 * page (this module's: what was announced against what was held, the conflicts of the record shown
 * plainly, participants by role, outcomes, announcements, and every source the record cites).
 */
export function RoundPage() {
  const { t } = useTranslation("process");
  const { id = "" } = useParams();
  const dates = useDates();
  const localName = useLocalName();
  const round = useRound(id);
  const record = useSubjectRecord("round", id);
  const process = useProcess(round.data?.processSlug ?? "");
  const citeLinks = useCiteLinks("round", id);
  const exportLang = useExportLanguage();

  if (!round.isSuccess) return <RecordPending query={round} notFoundTitle={t("round.notFoundTitle")} />;
  const data = round.data;
  const heading = t("round.heading", { number: data.number });
  const processName = process.data ? localName(process.data.names, process.data.name) : data.processSlug;
  const citations = record.data?.citations;
  const subtitle = data.localized?.name ?? {
    text: localName(data.names, data.name),
    lang: "en" as const,
    fallback: false,
  };

  return (
    <Page
      title={heading}
      actions={
        <Group gap="xs">
          <RoundStatusBadge status={data.status} />
          {data.isDemo ? <DemoBadge /> : null}
          <ExportMenu
            groups={[
              { label: t("exports.citeThis"), links: citeLinks },
              {
                label: t("exports.feeds"),
                links: [
                  {
                    label: t("exports.ics"),
                    href: `${apiPath("processes", data.processSlug, "rounds.ics")}?lang=${exportLang}`,
                  },
                ],
              },
            ]}
          />
          <PrintButton />
        </Group>
      }
    >
      <Crumbs
        items={[
          { label: t("processes.title"), to: "/processes" },
          { label: processName, to: `/processes/${encodeURIComponent(data.processSlug)}` },
          { label: heading },
        ]}
      />
      {subtitle.text && subtitle.text !== heading ? (
        <Text c="dimmed" mt={-8}>
          <LocalText value={subtitle} />
        </Text>
      ) : null}

      <FieldList>
        <FieldItem label={t("fields.dates")}>
          <span data-testid="round-dates">
            {data.startDate ? dates.range(data.startDate, data.endDate) : <NotInSources />}
          </span>{" "}
          <SourcesButton sources={sourcesOfFields(citations, /date/i)} subject={t("fields.dates")} />
          <ConflictMark
            marked={data}
            fields={["dates"]}
            processSlug={data.processSlug}
            what={t("fields.dates")}
          />
        </FieldItem>
        <FieldItem label={t("fields.city")}>
          <span data-testid="round-city">
            {data.city ? <LocalText value={data.localized?.city} fallback={data.city} /> : <NotInSources />}
          </span>{" "}
          <SourcesButton sources={sourcesOfFields(citations, /city/i)} subject={t("fields.city")} />
          <ConflictMark
            marked={data}
            fields={["city"]}
            processSlug={data.processSlug}
            what={t("fields.city")}
          />
        </FieldItem>
        <FieldItem label={t("fields.venue")}>
          <span data-testid="round-venue">
            {data.venue ? (
              <LocalText value={data.localized?.venue} fallback={data.venue} />
            ) : (
              <NotInSources />
            )}
          </span>{" "}
          <SourcesButton sources={sourcesOfFields(citations, /venue/i)} subject={t("fields.venue")} />
          <ConflictMark
            marked={data}
            fields={["venue"]}
            processSlug={data.processSlug}
            what={t("fields.venue")}
          />
        </FieldItem>
        <FieldItem label={t("fields.status")}>
          <RoundStatusBadge status={data.status} />
          {data.statusReason ? (
            <Text size="sm" component="span">
              {" "}
              <InEnglish text={data.statusReason} />
            </Text>
          ) : null}
        </FieldItem>
      </FieldList>

      <ModuleSections page="round" context={{ round: data }} />
    </Page>
  );
}
