import { Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { LocalText } from "../../../shell/LocalText.tsx";
import { Page } from "../../../shell/Page.tsx";
import { Crumbs } from "../components/ProcessLinks.tsx";
import { NotInSources, RecordPending } from "../components/QueryState.tsx";
import { RecordTable } from "../components/RecordTable.tsx";
import { RoleBadge } from "../components/RoleBadge.tsx";
import { SourcesButton, uniqueSources } from "../components/Sources.tsx";
import { useLocalName } from "../format.ts";
import { useRoundDelegation, useSubjectRecord } from "../queries.ts";
import { UncertainMark } from "./RoundParticipants.tsx";

const statusColors: Record<string, string> = {
  invited: "gray",
  submitted: "blue",
  changes_requested: "orange",
  accredited: "teal",
  declined: "red",
};

/**
 * A delegation at a round: the participant and its role, the accreditation status, and its members with
 * their names in their own script and in Latin letters, titles, the head marked (and doubted where the
 * record doubts it), each with its sources.
 */
export function DelegationPage() {
  const { t } = useTranslation("process");
  const { id = "" } = useParams();
  const localName = useLocalName();
  const delegation = useRoundDelegation(id);
  const record = useSubjectRecord("round", delegation.data?.roundId);

  if (!delegation.isSuccess)
    return <RecordPending query={delegation} notFoundTitle={t("delegation.notFoundTitle")} />;
  const data = delegation.data;
  const participantName = localName(data.participant.names, data.participant.name);
  const roundHeading = t("round.heading", { number: data.roundNumber });
  const title = t("delegation.title", { participant: participantName, round: roundHeading });
  const sourcesOf = (memberId: string) => {
    const entry = record.data?.related.find(
      (candidate) =>
        candidate.subject.subjectType === "delegation_member" && candidate.subject.subjectId === memberId,
    );
    return uniqueSources(
      ...Object.values(entry?.citations ?? {}),
      ...(entry?.facts ?? []).map((fact) => fact.sources),
    );
  };
  const members = [...data.members].sort(
    (a, b) => Number(b.isHead) - Number(a.isHead) || a.position - b.position,
  );
  return (
    <Page
      title={title}
      actions={
        <Group gap="xs">
          <RoleBadge role={data.role} />
          <Badge color={statusColors[data.status] ?? "gray"} variant="light">
            {t(`delegation.statuses.${data.status}`)}
          </Badge>
        </Group>
      }
    >
      <Crumbs
        items={[
          { label: roundHeading, to: `/rounds/${encodeURIComponent(data.roundId)}` },
          { label: participantName, to: `/participants/${encodeURIComponent(data.participant.slug)}` },
          { label: t("delegation.crumb") },
        ]}
      />
      {data.secretariatNote ? (
        <Text size="sm">
          <b>{t("delegation.note")}:</b> {data.secretariatNote}
        </Text>
      ) : null}
      {members.length === 0 ? (
        <NotInSources>{t("delegation.noMembers")}</NotInSources>
      ) : (
        <RecordTable
          testId="delegation-members"
          minWidth={520}
          spacing={6}
          columns={[
            t("delegation.nameLatin"),
            t("delegation.nameNative"),
            t("delegation.memberTitle"),
            t("sources.title"),
          ]}
        >
          {members.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Td>
                <LocalText value={member.localized.name} />{" "}
                {member.isHead ? (
                  <Badge size="xs" variant="filled">
                    {t("heads.head")}
                  </Badge>
                ) : null}{" "}
                <UncertainMark member={member} />
              </Table.Td>
              <Table.Td>
                {member.nameNative ? <bdi dir="auto">{member.nameNative}</bdi> : <NotInSources />}
              </Table.Td>
              <Table.Td>
                {member.localized.title ? <LocalText value={member.localized.title} /> : <NotInSources />}
              </Table.Td>
              <Table.Td>
                <SourcesButton sources={sourcesOf(member.id)} subject={member.nameLatin} />
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
    </Page>
  );
}
