import { Alert, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionDialog, LoadFailure, Loading } from "./components.tsx";
import { DecisionForm } from "./DelegationDecisionForm.tsx";
import { InviteForm } from "./DelegationInviteForm.tsx";
import { DelegationTable, type Open } from "./DelegationTable.tsx";
import { localName } from "./forms.ts";
import { InviteByRoleForm } from "./InviteByRoleForm.tsx";
import { MembersForm } from "./MembersForm.tsx";
import { MembersTable } from "./MembersTable.tsx";
import { useRoundDelegations } from "./queries.ts";
import type { RoundDetail } from "./types.ts";

/**
 * The round's delegations for the secretariat: invite participants, follow each delegation's
 * accreditation, read its list, accredit it or ask for changes, or enter a list received on paper.
 */
export function DelegationsPanel({ round }: { round: RoundDetail }) {
  const { t, i18n } = useTranslation("secretariat");
  const delegations = useRoundDelegations(round.id);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  if (delegations.isPending) return <Loading />;
  if (delegations.error) return <LoadFailure error={delegations.error} />;
  const items = [...delegations.data.items].sort((a, b) =>
    localName(a.participant.names, i18n.language).localeCompare(
      localName(b.participant.names, i18n.language),
      i18n.language,
    ),
  );
  const invited = new Set(items.map((item) => item.participant.id));
  const openName = open ? localName(open.delegation.participant.names, i18n.language) : "";
  const dialogTitle = open
    ? open.kind === "members"
      ? t("delegations.enterListTitle", { name: openName })
      : open.kind === "view"
        ? t("delegations.viewTitle", { name: openName })
        : t(`delegations.${open.kind}Title`, { name: openName })
    : "";

  return (
    <Stack gap="md">
      {delegations.data.can.invite ? (
        <>
          <InviteForm round={round} invited={invited} />
          <InviteByRoleForm round={round} />
        </>
      ) : null}
      {items.length === 0 ? (
        <Text c="dimmed">{t("delegations.none")}</Text>
      ) : (
        <DelegationTable items={items} onOpen={setOpen} />
      )}
      <ActionDialog opened={open !== null} onClose={close} title={dialogTitle} size="xl">
        {open?.kind === "view" ? (
          <Stack>
            {open.delegation.secretariatNote ? (
              <Alert color="gray" title={t("fields.secretariatNote")}>
                <span className="pre-line">{open.delegation.secretariatNote}</span>
              </Alert>
            ) : null}
            <MembersTable delegation={open.delegation} />
          </Stack>
        ) : open?.kind === "members" ? (
          <MembersForm delegation={open.delegation} onDone={close} onCancel={close} />
        ) : open ? (
          <DecisionForm decision={open.kind} delegation={open.delegation} onDone={close} onCancel={close} />
        ) : null}
      </ActionDialog>
    </Stack>
  );
}
