import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RecordTable } from "./components.tsx";
import { useIsPhone } from "./format.ts";
import type { RoundDelegation } from "./types.ts";

/** A delegation's submitted members, the head first marked. */
export function MembersTable({ delegation }: { delegation: RoundDelegation }) {
  const { t } = useTranslation("secretariat");
  const isPhone = useIsPhone();
  if (delegation.members.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("delegations.noMembers")}
      </Text>
    );
  }
  const members = [...delegation.members].sort((a, b) => a.position - b.position);
  if (isPhone) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} data-testid="members-table">
        {members.map((member) => (
          <li key={member.id} className="card-item member-row" data-head={member.isHead || undefined}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} dir="ltr">
                {member.nameLatin}
              </Text>
              {member.isHead ? (
                <Badge variant="light" size="sm">
                  {t("delegations.head")}
                </Badge>
              ) : null}
            </Group>
            {member.nameNative ? <Text dir="auto">{member.nameNative}</Text> : null}
            {member.title ? (
              <Text size="sm" c="dimmed" dir="auto">
                {member.title}
              </Text>
            ) : null}
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <RecordTable
      testId="members-table"
      minWidth={480}
      striped={false}
      columns={[t("fields.nameNative"), t("fields.nameLatin"), t("fields.title"), t("fields.isHead")]}
    >
      {members.map((member) => (
        <Table.Tr key={member.id}>
          <Table.Td dir="auto">{member.nameNative ?? "—"}</Table.Td>
          <Table.Td dir="ltr">{member.nameLatin}</Table.Td>
          <Table.Td dir="auto">{member.title ?? "—"}</Table.Td>
          <Table.Td>{member.isHead ? t("delegations.head") : ""}</Table.Td>
        </Table.Tr>
      ))}
    </RecordTable>
  );
}
