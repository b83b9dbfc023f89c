import { Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconCircleCheck, IconListDetails, IconMessageReport } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { AccreditationBadge, CardItem, CardList, RecordTable } from "./components.tsx";
import type { Decision } from "./DelegationDecisionForm.tsx";
import { useIsPhone } from "./format.ts";
import { localName } from "./forms.ts";
import type { RoundDelegation } from "./types.ts";

export type Open = { kind: Decision | "members" | "view"; delegation: RoundDelegation } | null;

/** What the secretariat may do with one delegation, as the server allows it. */
function DelegationActions({
  delegation,
  name,
  onOpen,
}: {
  delegation: RoundDelegation;
  name: string;
  onOpen: (open: Open) => void;
}) {
  const { t } = useTranslation("secretariat");
  return (
    <Group gap={6} wrap="wrap">
      {delegation.members.length > 0 ? (
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconListDetails size={14} aria-hidden />}
          onClick={() => onOpen({ kind: "view", delegation })}
          aria-label={t("delegations.viewFor", { name })}
        >
          {t("delegations.view")}
        </Button>
      ) : null}
      {delegation.can.accredit ? (
        <Button
          size="compact-sm"
          color="green"
          leftSection={<IconCircleCheck size={14} aria-hidden />}
          onClick={() => onOpen({ kind: "accredit", delegation })}
          aria-label={t("delegations.accreditFor", { name })}
        >
          {t("delegations.accredit")}
        </Button>
      ) : null}
      {delegation.can.requestChanges ? (
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          leftSection={<IconMessageReport size={14} aria-hidden />}
          onClick={() => onOpen({ kind: "requestChanges", delegation })}
          aria-label={t("delegations.requestChangesFor", { name })}
        >
          {t("delegations.requestChanges")}
        </Button>
      ) : null}
      {delegation.can.submitMembers ? (
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => onOpen({ kind: "members", delegation })}
          aria-label={t("delegations.enterListFor", { name })}
        >
          {t("delegations.enterList")}
        </Button>
      ) : null}
    </Group>
  );
}

/** The round's delegations as cards on a phone, as a table elsewhere, each with its actions. */
export function DelegationTable({
  items,
  onOpen,
}: {
  items: RoundDelegation[];
  onOpen: (open: Open) => void;
}) {
  const { t, i18n } = useTranslation("secretariat");
  const isPhone = useIsPhone();
  if (isPhone) {
    return (
      <CardList testId="delegations-table" label={t("delegations.count", { count: items.length })}>
        {items.map((delegation) => {
          const name = localName(delegation.participant.names, i18n.language);
          return (
            <CardItem key={delegation.id} data-participant={delegation.participant.slug}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>{name}</Text>
                  <AccreditationBadge status={delegation.status} />
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`role.${delegation.role}`)}
                  {delegation.head ? ` · ${delegation.head.nameLatin}` : ""}
                  {` · ${t("delegations.memberCount", { count: delegation.members.length })}`}
                </Text>
                {delegation.status === "changes_requested" && delegation.secretariatNote ? (
                  <Text size="xs" c="dimmed" className="pre-line">
                    {delegation.secretariatNote}
                  </Text>
                ) : null}
                <DelegationActions delegation={delegation} name={name} onOpen={onOpen} />
              </Stack>
            </CardItem>
          );
        })}
      </CardList>
    );
  }
  return (
    <RecordTable
      testId="delegations-table"
      minWidth={720}
      spacing="sm"
      caption={t("delegations.count", { count: items.length })}
      columns={[
        t("fields.participant"),
        t("fields.role"),
        t("fields.accreditation"),
        t("delegations.head"),
        t("delegations.members"),
        t("rounds.actions"),
      ]}
    >
      {items.map((delegation) => {
        const name = localName(delegation.participant.names, i18n.language);
        return (
          <Table.Tr key={delegation.id} data-participant={delegation.participant.slug}>
            <Table.Td>{name}</Table.Td>
            <Table.Td>{t(`role.${delegation.role}`)}</Table.Td>
            <Table.Td>
              <AccreditationBadge status={delegation.status} />
              {delegation.status === "changes_requested" && delegation.secretariatNote ? (
                <Text size="xs" c="dimmed" mt={4} className="pre-line">
                  {delegation.secretariatNote}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td dir="auto">{delegation.head?.nameLatin ?? "—"}</Table.Td>
            <Table.Td>{delegation.members.length}</Table.Td>
            <Table.Td>
              <DelegationActions delegation={delegation} name={name} onOpen={onOpen} />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </RecordTable>
  );
}
