import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { InEnglish, LocalText } from "../../../shell/LocalText.tsx";
import { Page } from "../../../shell/Page.tsx";
import { ConflictMark } from "../components/ConflictMark.tsx";
import { Conflicts } from "../components/Conflicts.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { Facts, FieldItem, FieldList } from "../components/Facts.tsx";
import { Crumbs, ParticipantLink } from "../components/ProcessLinks.tsx";
import { LoadError, Loading, NotInSources, RecordPending } from "../components/QueryState.tsx";
import { RoleBadge } from "../components/RoleBadge.tsx";
import { Section } from "../components/Section.tsx";
import { Sources, SourcesButton, sourcesOfFields } from "../components/Sources.tsx";
import { useDates, useLocalName } from "../format.ts";
import { useMeeting, useProcess, useSubjectRecord } from "../queries.ts";
import { roleRank } from "../roles.ts";
import { allSourcesOf } from "./RoundPage.tsx";

/**
 * A meeting of the format outside the rounds (a ministerial meeting, a summit, the Sochi congress, a
 * quadrilateral consultation): when and where, at what level, who took part, what the record says.
 */
export function MeetingPage() {
  const { t } = useTranslation("process");
  const { id = "" } = useParams();
  const dates = useDates();
  const localName = useLocalName();
  const meeting = useMeeting(id);
  const record = useSubjectRecord("meeting", meeting.data?.id);
  const process = useProcess(meeting.data?.processSlug ?? "");

  if (!meeting.isSuccess) return <RecordPending query={meeting} notFoundTitle={t("meeting.notFoundTitle")} />;
  const data = meeting.data;
  const name = localName(data.names, data.name);
  const processName = process.data ? localName(process.data.names, process.data.name) : data.processSlug;
  const citations = record.data?.citations;
  const participants = [...data.participants].sort(
    (a, b) =>
      roleRank(a.role) - roleRank(b.role) || a.participant.name.localeCompare(b.participant.name, "en"),
  );
  return (
    <Page
      title={name}
      actions={
        <Group gap="xs">
          <Badge variant="light">{t(`timeline.kinds.${data.kind}`)}</Badge>
          {data.isDemo ? <DemoBadge /> : null}
        </Group>
      }
    >
      <Crumbs
        items={[
          { label: t("processes.title"), to: "/processes" },
          { label: processName, to: `/processes/${encodeURIComponent(data.processSlug)}` },
          { label: t(`timeline.kinds.${data.kind}`) },
        ]}
      />
      <FieldList>
        <FieldItem label={t("fields.dates")}>
          {data.startDate ? dates.range(data.startDate, data.endDate, data.datePrecision) : <NotInSources />}{" "}
          <SourcesButton sources={sourcesOfFields(citations, /date/i)} subject={t("fields.dates")} />
          <ConflictMark
            marked={data}
            fields={["dates"]}
            processSlug={data.processSlug}
            what={t("fields.dates")}
          />
          {data.dateNote ? (
            <Text size="xs" c="dimmed">
              <InEnglish text={data.dateNote} />
            </Text>
          ) : null}
        </FieldItem>
        <FieldItem label={t("fields.city")}>
          {data.city ? <LocalText value={data.localized?.city} fallback={data.city} /> : <NotInSources />}{" "}
          <SourcesButton sources={sourcesOfFields(citations, /city/i)} subject={t("fields.city")} />
          <ConflictMark
            marked={data}
            fields={["city"]}
            processSlug={data.processSlug}
            what={t("fields.city")}
          />
        </FieldItem>
        <FieldItem label={t("fields.venue")}>
          {data.venue ? <LocalText value={data.localized?.venue} fallback={data.venue} /> : <NotInSources />}{" "}
          <ConflictMark
            marked={data}
            fields={["venue"]}
            processSlug={data.processSlug}
            what={t("fields.venue")}
          />
        </FieldItem>
        <FieldItem label={t("fields.host")}>
          {data.host ? <InEnglish text={data.host} /> : <NotInSources />}{" "}
          <SourcesButton sources={sourcesOfFields(citations, /host/i)} subject={t("fields.host")} />
        </FieldItem>
        <FieldItem label={t("meeting.level")}>
          {data.level ? t(`meeting.levels.${data.level}`, { defaultValue: data.level }) : <NotInSources />}{" "}
          <ConflictMark
            marked={data}
            fields={["level"]}
            processSlug={data.processSlug}
            what={t("meeting.level")}
          />
        </FieldItem>
      </FieldList>

      <Section id="participants" title={t("participants.title")}>
        {participants.length === 0 ? (
          <NotInSources />
        ) : (
          <ul className="plain-list">
            {participants.map((entry) => (
              <li key={`${entry.participant.id}-${entry.role}`} className="participant-line">
                <ParticipantLink participant={entry.participant} /> <RoleBadge role={entry.role} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="facts" title={t("record.title")}>
        {record.isPending ? (
          <Loading />
        ) : record.error ? (
          <LoadError error={record.error} />
        ) : (
          <Facts facts={record.data.facts} subject={name} processSlug={data.processSlug} />
        )}
      </Section>

      {record.data && record.data.conflicts.length > 0 ? (
        <Section id="conflicts" title={t("conflicts.roundTitle", { count: record.data.conflicts.length })}>
          <Conflicts conflicts={record.data.conflicts} />
        </Section>
      ) : null}

      <Section id="sources" title={t("sources.title")}>
        {record.isPending ? <Loading /> : <Sources sources={allSourcesOf(record.data)} />}
      </Section>
    </Page>
  );
}
