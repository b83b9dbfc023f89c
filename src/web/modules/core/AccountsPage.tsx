import { Alert, Button, Center, Loader, Modal } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconAlertCircle, IconCircleCheck, IconUserPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../contracts/accounts.ts";
import { api } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { useLiveEvents } from "../../shell/live-events.ts";
import { Page } from "../../shell/Page.tsx";
import { AccountCards, AccountTable } from "./AccountList.tsx";
import { CreateAccountForm } from "./CreateAccountForm.tsx";

const accountsKey = ["core", "accounts"] as const;

/** Account events that change this list; the server sends them to administrators only. */
const accountEvents = ["core.account.create", "core.account.update", "core.account.set-locale"];

/** Administrators: every account, kept current live, and the form that creates one. */
export function AccountsPage() {
  const { t } = useTranslation(["core", "shell"]);
  const client = useQueryClient();
  const [creating, createDialog] = useDisclosure(false);
  const isPhone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });
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
      ) : isPhone ? (
        <AccountCards accounts={rows} />
      ) : (
        <AccountTable accounts={rows} />
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
