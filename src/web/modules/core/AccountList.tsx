import { Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconShieldCheck, IconUserShield } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../contracts/accounts.ts";
import { useFormatters } from "../../shell/format.ts";
import { languages } from "../../shell/i18n.ts";
import { AccountDelegations, type MembershipActions } from "./AccountDelegations.tsx";
import { AccountStatus } from "./AccountStatus.tsx";
import type { AccountMembership } from "./memberships.ts";

/** The accounts, with each one's places on delegations (undefined while they load) and what to do with them. */
type ListProps = {
  accounts: Account[];
  memberships: Map<string, AccountMembership[]> | undefined;
  actions: MembershipActions;
  /** Shows the notice of a finished change (an account disabled or enabled). */
  announce: (message: string) => void;
};

function languageName(locale: string): string {
  return languages.find((language) => language.code === locale)?.name ?? locale;
}

function Role({ account }: { account: Account }) {
  const { t } = useTranslation("core");
  if (!account.isAdmin) {
    return (
      <Text size="sm" c="dimmed">
        {t("accounts.member")}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" c="indigo">
      <IconUserShield size={16} aria-hidden />
      <Text size="sm" fw={500} inherit>
        {t("accounts.admin")}
      </Text>
    </Group>
  );
}

function TwoFactor({ account }: { account: Account }) {
  const { t } = useTranslation("core");
  return account.twoFactorEnabled ? (
    <Group gap={4} wrap="nowrap" c="teal">
      <IconShieldCheck size={16} aria-hidden />
      <Text size="sm" inherit>
        {t("accounts.on")}
      </Text>
    </Group>
  ) : (
    <Text size="sm">{t("accounts.off")}</Text>
  );
}

/** Wide screens: one row per account. */
export function AccountTable({ accounts, memberships, actions, announce }: ListProps) {
  const { t } = useTranslation(["core", "shell"]);
  const format = useFormatters();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="accounts-table">
        <Table.Caption>{t("core:accounts.count", { count: accounts.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("shell:fields.name")}</Table.Th>
            <Table.Th scope="col">{t("shell:fields.email")}</Table.Th>
            <Table.Th scope="col">{t("core:accounts.role")}</Table.Th>
            <Table.Th scope="col">{t("core:memberships.column")}</Table.Th>
            <Table.Th scope="col">{t("core:accounts.twoFactor")}</Table.Th>
            <Table.Th scope="col">{t("shell:fields.locale")}</Table.Th>
            <Table.Th scope="col">{t("core:accounts.createdAt")}</Table.Th>
            <Table.Th scope="col">{t("core:accounts.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.id} data-account={account.email}>
              <Table.Td>{account.name}</Table.Td>
              <Table.Td>
                <span dir="ltr">{account.email}</span>
              </Table.Td>
              <Table.Td>
                <Role account={account} />
              </Table.Td>
              <Table.Td miw={240}>
                <AccountDelegations
                  account={account}
                  memberships={memberships?.get(account.id)}
                  actions={actions}
                />
              </Table.Td>
              <Table.Td>
                <TwoFactor account={account} />
              </Table.Td>
              <Table.Td lang={account.locale}>{languageName(account.locale)}</Table.Td>
              <Table.Td>{format.dateTime(account.createdAt)}</Table.Td>
              <Table.Td miw={140}>
                <AccountStatus account={account} announce={announce} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: one card per account, nothing to scroll sideways. */
export function AccountCards({ accounts, memberships, actions, announce }: ListProps) {
  const { t } = useTranslation(["core", "shell"]);
  const format = useFormatters();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("core:accounts.count", { count: accounts.length })}
      </Text>
      <Stack gap="xs" component="ul" className="plain-list" data-testid="accounts-list">
        {accounts.map((account) => (
          <Paper component="li" key={account.id} withBorder p="sm" radius="md" data-account={account.email}>
            <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
              <Stack gap={2} miw={0}>
                <Text fw={600}>{account.name}</Text>
                <Text size="sm" dir="ltr" className="break-anywhere">
                  {account.email}
                </Text>
              </Stack>
              <Role account={account} />
            </Group>
            <Group gap="md" mt={6}>
              <Group gap={4} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {t("core:accounts.twoFactor")}:
                </Text>
                <TwoFactor account={account} />
              </Group>
              <Text size="sm" lang={account.locale}>
                {languageName(account.locale)}
              </Text>
              <Text size="xs" c="dimmed">
                {format.dateTime(account.createdAt)}
              </Text>
            </Group>
            <Stack gap={2} mt="xs">
              <Text size="xs" c="dimmed">
                {t("core:memberships.column")}:
              </Text>
              <AccountDelegations
                account={account}
                memberships={memberships?.get(account.id)}
                actions={actions}
              />
            </Stack>
            <Stack gap={2} mt="xs">
              <AccountStatus account={account} announce={announce} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
