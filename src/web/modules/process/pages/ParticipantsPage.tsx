import { Anchor, Badge, Table, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../../shell/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { RecordTable } from "../components/RecordTable.tsx";
import { useLocalName } from "../format.ts";
import { useParticipants } from "../queries.ts";

/** Every participant of the record: states, parties and organizations, findable by any of their names. */
export function ParticipantsPage() {
  const { t } = useTranslation("process");
  const localName = useLocalName();
  const participants = useParticipants();
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  const items = (participants.data?.items ?? [])
    .filter(
      (participant) =>
        !needle ||
        [
          participant.name,
          participant.shortName ?? "",
          ...Object.values(participant.names),
          ...participant.aliases,
        ].some((name) => name?.toLowerCase().includes(needle)),
    )
    .sort((a, b) => localName(a.names, a.name).localeCompare(localName(b.names, b.name)));
  return (
    <Page title={t("participants.title")}>
      <TextInput
        label={t("participants.search")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={360}
      />
      {participants.isPending ? (
        <Loading />
      ) : participants.error ? (
        <LoadError error={participants.error} onRetry={() => void participants.refetch()} />
      ) : (
        <RecordTable
          testId="participants-table"
          minWidth={320}
          spacing={6}
          columns={[t("participants.name"), t("participants.kind")]}
        >
          {items.map((participant) => (
            <Table.Tr key={participant.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/participants/${encodeURIComponent(participant.slug)}`}
                  size="sm"
                >
                  {localName(participant.names, participant.name)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" size="sm">
                  {t(`participant.kinds.${participant.kind}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
    </Page>
  );
}
