import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import {
  IconAlertCircle,
  IconInfoCircle,
  IconSearch,
  IconUserMinus,
  IconUserPlus,
} from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { useSession } from "../../shell/session.ts";
import { DoneNotice, useDialogWithNotice } from "./DoneNotice.tsx";
import { AddAccountForm, type Removal, RemoveMembershipForm } from "./MembershipForms.tsx";
import { localName, positionLabel, type StandingDelegation, useProcessDelegations } from "./memberships.ts";

type Dialog = { kind: "add"; delegation: StandingDelegation } | { kind: "remove"; removal: Removal };

/** Whether a delegation matches the search: its participant's names, or a member's name or e-mail. */
function matches(delegation: StandingDelegation, search: string): boolean {
  const wanted = search.trim().toLocaleLowerCase();
  if (!wanted) return true;
  const texts = [
    ...Object.values(delegation.participant.names),
    ...delegation.members.flatMap((member) => [member.name, member.email]),
  ];
  return texts.some((text) => text?.toLocaleLowerCase().includes(wanted));
}

/**
 * A process's standing delegations, each with the accounts that act for its participant (and so hold
 * its roles). Administrators and the process's secretariat see it and may take an account off;
 * only administrators may put one on, since only they can look accounts up. Changes made elsewhere
 * show up live.
 */
export function StandingDelegations({ processRef }: { processRef: string }) {
  const { t, i18n } = useTranslation(["core", "secretariat", "shell"]);
  const _client = useQueryClient();
  const { account } = useSession();
  const isAdmin = account?.isAdmin ?? false;
  const loaded = useProcessDelegations(processRef);
  const [search, setSearch] = useState("");
  const notice = useDialogWithNotice<Dialog>();
  const { dialog, open: openDialog, close, finish } = notice;

  if (loaded.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t("shell:loading")} />
      </Center>
    );
  }
  if (loaded.error) {
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
        {describeError(t, loaded.error)}
      </Alert>
    );
  }
  const { process, delegations, rolesOf } = loaded.data;
  const processName = localName(process.names, i18n.language);
  const nameOf = (delegation: StandingDelegation) => localName(delegation.participant.names, i18n.language);
  const shown = delegations
    .filter((delegation) => matches(delegation, search))
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b), i18n.language));
  const people = delegations.reduce((sum, delegation) => sum + delegation.members.length, 0);

  return (
    <Stack gap="md">
      <Text maw={720}>{t("core:delegations.intro")}</Text>
      {isAdmin ? null : (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} data-testid="admins-add">
          {t("core:delegations.onlyAdminsAdd")}
        </Alert>
      )}
      <DoneNotice message={notice.done} onClose={notice.dismiss} testId="delegations-done" />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          label={t("core:delegations.search")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
          type="search"
        />
        <Text size="sm" c="dimmed" role="status">
          {t("core:delegations.summary", { count: delegations.length, people })}
        </Text>
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed">{t("core:delegations.noneFound")}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          spacing="md"
          component="ul"
          className="plain-list"
          data-testid="standing-delegations"
        >
          {shown.map((delegation) => {
            const name = nameOf(delegation);
            const roles = rolesOf(delegation.participant.id);
            return (
              <Card
                key={delegation.id}
                component="li"
                withBorder
                radius="md"
                padding="md"
                data-participant={delegation.participant.slug}
              >
                <Stack gap="xs">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Title order={2} size="h4">
                      {name}
                    </Title>
                    <Group gap={4} wrap="wrap">
                      {roles.map((role) => (
                        <Badge key={role} variant="light" color={role === "host" ? "indigo" : "gray"}>
                          {t(`secretariat:role.${role}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Group>
                  {delegation.members.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t("core:delegations.empty")}
                    </Text>
                  ) : (
                    <Stack gap={6} component="ul" className="plain-list">
                      {delegation.members.map((member) => {
                        const removeLabel = t("core:delegations.removeLabel", {
                          name: member.name,
                          participant: name,
                        });
                        return (
                          <Group
                            component="li"
                            key={member.accountId}
                            justify="space-between"
                            wrap="nowrap"
                            gap="xs"
                            align="flex-start"
                            data-account={member.email}
                          >
                            <Stack gap={0} miw={0}>
                              <Text size="sm" fw={600}>
                                {member.name}
                                <Text span c="dimmed" fw={400} inherit>
                                  {" · "}
                                  <span dir="auto">{positionLabel(t, member.position)}</span>
                                </Text>
                              </Text>
                              <Text size="xs" c="dimmed" dir="ltr" className="break-anywhere" ta="start">
                                {member.email}
                              </Text>
                            </Stack>
                            <Tooltip label={removeLabel} withinPortal>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={removeLabel}
                                onClick={() =>
                                  openDialog({
                                    kind: "remove",
                                    removal: {
                                      accountId: member.accountId,
                                      accountName: member.name,
                                      delegationId: delegation.id,
                                      participantName: name,
                                      processName,
                                      roles,
                                    },
                                  })
                                }
                              >
                                <IconUserMinus size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        );
                      })}
                    </Stack>
                  )}
                  {isAdmin ? (
                    <div>
                      <Button
                        variant="light"
                        size="compact-sm"
                        leftSection={<IconUserPlus size={14} aria-hidden />}
                        onClick={() => openDialog({ kind: "add", delegation })}
                        aria-label={t("core:delegations.addLabel", { participant: name })}
                      >
                        {t("core:delegations.add")}
                      </Button>
                    </div>
                  ) : null}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={
          dialog?.kind === "add"
            ? t("core:delegations.addTitle", { participant: nameOf(dialog.delegation) })
            : t("core:memberships.removeTitle")
        }
        closeButtonProps={{ "aria-label": t("shell:close") }}
      >
        {dialog?.kind === "add" ? (
          <AddAccountForm delegation={dialog.delegation} onDone={finish} onCancel={close} />
        ) : dialog?.kind === "remove" ? (
          <RemoveMembershipForm removal={dialog.removal} onDone={finish} onCancel={close} />
        ) : null}
      </Modal>
    </Stack>
  );
}
