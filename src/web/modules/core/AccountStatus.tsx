import { Button, Group, Stack, Text } from "@mantine/core";
import { IconUserCheck, IconUserOff } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../contracts/accounts.ts";
import { api } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { useSession } from "../../shell/session.ts";
import { accountsKey } from "./MembershipForms.tsx";

/**
 * Whether an account may sign in, and the administrator's button to disable it (after a confirmation
 * saying what happens: its sessions end at once, its records stay) or enable it again. One's own
 * account offers no button: the server refuses it anyway.
 */
export function AccountStatus({
  account,
  announce,
}: {
  account: Account;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation(["core", "shell"]);
  const client = useQueryClient();
  const { account: me } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = async (verb: "disable" | "enable") => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/accounts/${account.id}/${verb}`, {});
      setConfirming(false);
      announce(
        t(verb === "disable" ? "core:accounts.disabledNotice" : "core:accounts.enabledNotice", {
          name: account.name,
        }),
      );
      await client.invalidateQueries({ queryKey: accountsKey });
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const label = account.disabled ? t("core:accounts.disabled") : t("core:accounts.active");
  return (
    <Stack gap={4} data-testid="account-status">
      <Text size="sm" c={account.disabled ? "red.8" : undefined} fw={account.disabled ? 600 : undefined}>
        {label}
      </Text>
      {me?.id === account.id ? null : account.disabled ? (
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconUserCheck size={14} aria-hidden />}
          loading={busy}
          onClick={() => void change("enable")}
          aria-label={`${t("core:accounts.enable")} ${account.name}`}
        >
          {t("core:accounts.enable")}
        </Button>
      ) : confirming ? (
        <Stack gap={4} role="group" aria-label={t("core:accounts.disable")}>
          <Text size="xs">{t("core:accounts.disableConfirm", { name: account.name })}</Text>
          <Group gap={4}>
            <Button size="compact-xs" color="red" loading={busy} onClick={() => void change("disable")}>
              {t("core:accounts.disable")}
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
              {t("shell:cancel")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          leftSection={<IconUserOff size={14} aria-hidden />}
          onClick={() => setConfirming(true)}
          aria-label={`${t("core:accounts.disable")} ${account.name}`}
        >
          {t("core:accounts.disable")}
        </Button>
      )}
      {error ? (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
