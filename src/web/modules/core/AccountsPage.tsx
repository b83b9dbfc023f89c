import { Alert, Badge, Button, Center, Loader, Modal, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertCircle, IconCircleCheck, IconUserPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../contracts/accounts.ts";
import { api } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { useFormatters } from "../../shell/format.ts";
import { languages } from "../../shell/i18n.ts";
import { useLiveEvents } from "../../shell/live-events.ts";
import { Page } from "../../shell/Page.tsx";
import { CreateAccountForm } from "./CreateAccountForm.tsx";

const accountsKey = ["core", "accounts"] as const;

/** Account events that change this list; the server sends them to administrators only. */
const accountEvents = ["core.account.create", "core.account.update", "core.account.set-locale"];

/** Administrators: every account, kept current live, and the form that creates one. */
export function AccountsPage() {
  const { t } = useTranslation(["core", "shell"]);
  const format = useFormatters();
  const client = useQueryClient();
  const [creating, createDialog] = useDisclosure(false);
  const [lastCreated, setLastCreated] = useState<Account | null>(null);
  const accounts = useQuery({
    queryKey: accountsKey,
    queryFn: ({ signal }) => api.get<{ accounts: Account[] }>("/api/accounts", { signal }),
  });
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: accountsKey }), [client]);
  useLiveEvents(accountEvents, refresh, { onReconnect: refresh });

  const rows = accounts.data?.accounts ?? [];
  return (
    <Page
      title={t("core:accounts.title")}
      actions={
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={createDialog.open}>
          {t("core:accounts.create")}
        </Button>
      }
    >
      {lastCreated ? (
        <Alert
          color="teal"
          icon={<IconCircleCheck aria-hidden />}
          withCloseButton
          closeButtonLabel={t("shell:close")}
          onClose={() => setLastCreated(null)}
        >
          {t("core:accounts.created", { name: lastCreated.name })}
        </Alert>
      ) : null}
      {accounts.isPending ? (
        <Center py="xl">
          <Loader aria-label={t("shell:loading")} />
        </Center>
      ) : accounts.error ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
          {describeError(t, accounts.error)}
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="accounts-table">
            <Table.Caption>{t("core:accounts.count", { count: rows.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("shell:fields.name")}</Table.Th>
                <Table.Th scope="col">{t("shell:fields.email")}</Table.Th>
                <Table.Th scope="col">{t("core:accounts.role")}</Table.Th>
                <Table.Th scope="col">{t("core:accounts.twoFactor")}</Table.Th>
                <Table.Th scope="col">{t("shell:fields.locale")}</Table.Th>
                <Table.Th scope="col">{t("core:accounts.createdAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((account) => (
                <Table.Tr key={account.id}>
                  <Table.Td>{account.name}</Table.Td>
                  <Table.Td>
                    <span dir="ltr">{account.email}</span>
                  </Table.Td>
                  <Table.Td>
                    {account.isAdmin ? (
                      <Badge variant="light">{t("core:accounts.admin")}</Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("core:accounts.member")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {account.twoFactorEnabled ? t("core:accounts.on") : t("core:accounts.off")}
                  </Table.Td>
                  <Table.Td lang={account.locale}>
                    {languages.find((language) => language.code === account.locale)?.name ?? account.locale}
                  </Table.Td>
                  <Table.Td>{format.dateTime(account.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={creating}
        onClose={createDialog.close}
        title={t("core:accounts.create")}
        closeButtonProps={{ "aria-label": t("shell:close") }}
      >
        <CreateAccountForm
          onCancel={createDialog.close}
          onCreated={(account) => {
            createDialog.close();
            setLastCreated(account);
            refresh();
          }}
        />
      </Modal>
    </Page>
  );
}
