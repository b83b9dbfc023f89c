import { ActionIcon, Button, Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../contracts/accounts.ts";
import { type AccountMembership, localName, positionLabel, rolesLabel } from "./memberships.ts";

/** What the Accounts page does when the reader asks to add or remove a place on a delegation. */
export type MembershipActions = {
  onAdd: (account: Account) => void;
  onRemove: (account: Account, membership: AccountMembership) => void;
};

/**
 * One account's places on delegations (participant, position, the roles it gives, the process) with
 * a button to take each away, and the button that adds one.
 */
export function AccountDelegations({
  account,
  memberships,
  actions,
}: {
  account: Account;
  memberships: AccountMembership[] | undefined;
  actions: MembershipActions;
}) {
  const { t, i18n } = useTranslation(["core", "secretariat"]);
  const items = memberships ?? [];
  return (
    <Stack gap={4} data-testid="account-delegations">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("core:memberships.none")}
        </Text>
      ) : (
        <Stack gap={4} component="ul" className="plain-list">
          {items.map((membership) => {
            const participant = localName(membership.participant.names, i18n.language);
            const process = localName(membership.process.names, i18n.language);
            const roles = rolesLabel(t, membership.roles);
            const removeLabel = t("core:memberships.removeLabel", {
              name: account.name,
              participant,
              process,
            });
            return (
              <Group
                component="li"
                key={membership.delegationId}
                gap={4}
                wrap="nowrap"
                align="flex-start"
                data-participant={membership.participant.slug}
              >
                <Stack gap={0} miw={0} style={{ flex: 1 }}>
                  <Text size="sm">
                    <Text span fw={600} inherit>
                      {participant}
                    </Text>
                    {" · "}
                    <span dir="auto">{positionLabel(t, membership.position)}</span>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {roles ? `${roles} — ${process}` : process}
                  </Text>
                </Stack>
                <Tooltip label={removeLabel} withinPortal>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={removeLabel}
                    onClick={() => actions.onRemove(account, membership)}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            );
          })}
        </Stack>
      )}
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => actions.onAdd(account)}
          aria-label={t("core:memberships.addLabel", { name: account.name })}
        >
          {t("core:memberships.add")}
        </Button>
      </div>
    </Stack>
  );
}
