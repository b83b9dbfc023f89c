import { Alert, Button, Center, Loader, Modal } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconAlertCircle, IconUserPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../contracts/accounts.ts";
import { api } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { Page } from "../../shell/Page.tsx";
import type { MembershipActions } from "./AccountDelegations.tsx";
import { AccountCards, AccountTable } from "./AccountList.tsx";
import { CreateAccountForm } from "./CreateAccountForm.tsx";
import { DoneNotice, useDialogWithNotice } from "./DoneNotice.tsx";
import { AddToDelegationForm, accountsKey, type Removal, RemoveMembershipForm } from "./MembershipForms.tsx";
import { localName, useAllMemberships } from "./memberships.ts";

type MembershipDialog = { kind: "add"; account: Account } | { kind: "remove"; removal: Removal };

/**
 * Administrators: every account with its places on delegations (which give it roles in processes),
 * kept current live; the forms that create an account, put it on a delegation and take it off one.
 */
export function AccountsPage() {
  const { t, i18n } = useTranslation(["core", "shell"]);
  const client = useQueryClient();
  const [creating, createDialog] = useDisclosure(false);
  const isPhone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });
  const notice = useDialogWithNotice<MembershipDialog>();
  const { dialog, open: openDialog, close: closeDialog, finish } = notice;
  const accounts = useQuery({
    queryKey: accountsKey,
    queryFn: ({ signal }) => api.get<{ accounts: Account[] }>("/api/accounts", { signal }),
  });
  const memberships = useAllMemberships();
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: accountsKey }), [client]);
  const actions: MembershipActions = {
    onAdd: (account) => openDialog({ kind: "add", account }),
    onRemove: (account, membership) =>
      openDialog({
        kind: "remove",
        removal: {
          accountId: account.id,
          accountName: account.name,
          delegationId: membership.delegationId,
          participantName: localName(membership.participant.names, i18n.language),
          processName: localName(membership.process.names, i18n.language),
          roles: membership.roles,
        },
      }),
  };

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
      <DoneNotice message={notice.done} onClose={notice.dismiss} testId="accounts-done" />
      {memberships.error ? (
        <Alert color="orange" icon={<IconAlertCircle aria-hidden />} role="alert">
          {t("core:memberships.loadFailed", { reason: describeError(t, memberships.error) })}
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
        <AccountCards
          accounts={rows}
          memberships={memberships.data}
          actions={actions}
          announce={notice.announce}
        />
      ) : (
        <AccountTable
          accounts={rows}
          memberships={memberships.data}
          actions={actions}
          announce={notice.announce}
        />
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
            notice.announce(t("core:accounts.created", { name: account.name }));
            refresh();
          }}
        />
      </Modal>
      <Modal
        opened={dialog !== null}
        onClose={closeDialog}
        title={
          dialog?.kind === "add"
            ? t("core:memberships.addTitle", { name: dialog.account.name })
            : t("core:memberships.removeTitle")
        }
        closeButtonProps={{ "aria-label": t("shell:close") }}
      >
        {dialog?.kind === "add" ? (
          <AddToDelegationForm account={dialog.account} onDone={finish} onCancel={closeDialog} />
        ) : dialog?.kind === "remove" ? (
          <RemoveMembershipForm removal={dialog.removal} onDone={finish} onCancel={closeDialog} />
        ) : null}
      </Modal>
    </Page>
  );
}
