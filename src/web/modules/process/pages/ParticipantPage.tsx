import { Anchor, Badge, Blockquote, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { InEnglish, LocalText } from "../../../shell/LocalText.tsx";
import { Page } from "../../../shell/Page.tsx";
import { ConflictMark } from "../components/ConflictMark.tsx";
import { Conflicts } from "../components/Conflicts.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { Facts, FieldItem, FieldList } from "../components/Facts.tsx";
import { Crumbs } from "../components/ProcessLinks.tsx";
import { NotInSources, RecordPending } from "../components/QueryState.tsx";
import { RecordTable } from "../components/RecordTable.tsx";
import { AttendanceBadge, RoleBadge } from "../components/RoleBadge.tsx";
import { Section } from "../components/Section.tsx";
import { SourcesButton, uniqueSources } from "../components/Sources.tsx";
import { useDates, useLocalName } from "../format.ts";
import { useParticipant, useProcesses, useSubjectRecord } from "../queries.ts";
import type { ParticipantDetail, RoleChange } from "../types.ts";

/** One change of role (granted, boycott declared, …): when, at which round, the statement, its sources. */
function RoleChangeItem({ change }: { change: RoleChange }) {
  const { t } = useTranslation("process");
  const dates = useDates();
  const record = useSubjectRecord("role_change", change.id);
  const sources = uniqueSources(
    ...Object.values(record.data?.citations ?? {}),
    ...(record.data?.facts ?? []).map((fact) => fact.sources),
  );
  const label = t(`roleChanges.kinds.${change.change}`, { role: t(`roles.${change.role}`) });
  // A fact that only repeats the statement shown above would say the same thing twice.
  const facts = (record.data?.facts ?? []).filter((fact) => fact.text.trim() !== change.statement?.trim());
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="role-change" data-change={change.change}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Badge
            color={
              change.change === "boycott_declared" ||
              change.change === "absent" ||
              change.change === "withdrawn"
                ? "red"
                : "blue"
            }
            variant="light"
          >
            {label}
          </Badge>
          <Text size="sm" fw={600}>
            {change.occurredOn
              ? dates.range(change.occurredOn, null, change.occurredPrecision)
              : t("record.noDate")}
          </Text>
          {change.roundNumber ? (
            <Text size="sm">{t("round.heading", { number: change.roundNumber })}</Text>
          ) : null}
          <ConflictMark marked={change} processSlug={change.processSlug} what={label} />
        </Group>
        <SourcesButton sources={sources} subject={label} />
      </Group>
      {change.statement ? (
        <Blockquote p="xs" mt="xs" className="cited-text">
          <LocalText value={change.localized.statement} />
        </Blockquote>
      ) : null}
      {facts.length > 0 ? <Facts facts={facts} subject={label} /> : null}
      {record.data && record.data.conflicts.length > 0 ? (
        <Conflicts conflicts={record.data.conflicts} />
      ) : null}
    </Paper>
  );
}

/** Rounds of each process the participant took part in, with the role and attendance of each. */
function RoundsTaken({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation("process");
  if (participant.rounds.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("participant.noRounds")}
      </Text>
    );
  const rows = [...participant.rounds].sort(
    (a, b) => a.processSlug.localeCompare(b.processSlug) || a.roundNumber - b.roundNumber,
  );
  return (
    <RecordTable
      testId="participant-rounds"
      minWidth={360}
      spacing={4}
      columns={[t("rounds.number"), t("fields.role"), t("fields.attendance")]}
    >
      {rows.map((row) => (
        <Table.Tr
          key={`${row.roundId}-${row.role}`}
          data-round={row.roundNumber}
          data-attendance={row.attendance}
        >
          <Table.Td>
            <Anchor component={Link} to={`/rounds/${encodeURIComponent(row.roundId)}`} size="sm">
              {t("round.heading", { number: row.roundNumber })}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <RoleBadge role={row.role} />
          </Table.Td>
          <Table.Td>
            <AttendanceBadge attendance={row.attendance} always />
            <ConflictMark
              marked={row}
              processSlug={row.processSlug}
              what={`${t("round.heading", { number: row.roundNumber })}: ${t(`attendance.${row.attendance}`)}`}
              compact
            />
          </Table.Td>
        </Table.Tr>
      ))}
    </RecordTable>
  );
}

/**
 * A participant (a state, a party, an organization): its roles in each process, the changes of role with
 * their statements and sources (the United States' boycott from round 15), and every round it attended.
 */
export function ParticipantPage() {
  const { t } = useTranslation("process");
  const { id = "" } = useParams();
  const dates = useDates();
  const localName = useLocalName();
  const participant = useParticipant(id);
  const processes = useProcesses();
  const record = useSubjectRecord("participant", participant.data?.id);

  if (!participant.isSuccess)
    return <RecordPending query={participant} notFoundTitle={t("participant.notFoundTitle")} />;
  const data = participant.data;
  const name = localName(data.names, data.name);
  const processNameOf = (slug: string) => {
    const found = processes.data?.items.find((item) => item.slug === slug);
    return found ? localName(found.names, found.name) : slug;
  };
  const changes = [...data.roleChanges].sort((a, b) =>
    (a.occurredOn ?? "").localeCompare(b.occurredOn ?? ""),
  );
  return (
    <Page
      title={name}
      actions={
        <Group gap="xs">
          <Badge variant="outline">{t(`participant.kinds.${data.kind}`)}</Badge>
          {data.isDemo ? <DemoBadge /> : null}
        </Group>
      }
    >
      <Crumbs items={[{ label: t("participants.title"), to: "/participants" }, { label: name }]} />
      <FieldList>
        {data.shortName ? <FieldItem label={t("participant.shortName")}>{data.shortName}</FieldItem> : null}
        <FieldItem label={t("participant.aliases")}>
          {data.aliases.length > 0 ? <InEnglish text={data.aliases.join(", ")} /> : <NotInSources />}
        </FieldItem>
        {data.existsFrom ? (
          <FieldItem label={t("participant.existsFrom")}>{dates.longDay(data.existsFrom)}</FieldItem>
        ) : null}
      </FieldList>

      <Section id="roles" title={t("participant.roles")}>
        {data.roles.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("participant.noRoles")}
          </Text>
        ) : (
          <ul className="plain-list">
            {data.roles.map((role) => (
              <li key={role.id} className="role-line">
                <RoleBadge role={role.role} />{" "}
                <Anchor component={Link} to={`/processes/${encodeURIComponent(role.processSlug)}`} size="sm">
                  {processNameOf(role.processSlug)}
                </Anchor>{" "}
                <Text component="span" size="sm" c="dimmed">
                  {role.fromDate || role.toDate
                    ? t("participant.span", {
                        from: role.fromDate ? dates.day(role.fromDate) : "…",
                        to: role.toDate ? dates.day(role.toDate) : "…",
                      })
                    : null}
                </Text>{" "}
                <ConflictMark
                  marked={role}
                  processSlug={role.processSlug}
                  what={`${t(`roles.${role.role}`)}, ${processNameOf(role.processSlug)}`}
                />
                {role.note ? (
                  <Text size="xs" c="dimmed">
                    <InEnglish text={role.note} />
                  </Text>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="role-changes" title={t("roleChanges.title")}>
        {changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("roleChanges.none")}
          </Text>
        ) : (
          <Stack
            gap="sm"
            renderRoot={(props) => <ol {...props} className={`${props.className ?? ""} plain-list`} />}
          >
            {changes.map((change) => (
              <RoleChangeItem key={change.id} change={change} />
            ))}
          </Stack>
        )}
      </Section>

      <Section id="rounds" title={t("participant.rounds")}>
        <RoundsTaken participant={data} />
      </Section>

      {record.data && (record.data.facts.length > 0 || record.data.conflicts.length > 0) ? (
        <Section id="record" title={t("record.title")}>
          <Facts facts={record.data.facts} subject={name} />
          {record.data.conflicts.length > 0 ? <Conflicts conflicts={record.data.conflicts} /> : null}
        </Section>
      ) : null}
    </Page>
  );
}
