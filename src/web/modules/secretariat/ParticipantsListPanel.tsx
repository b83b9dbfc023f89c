import { ActionIcon, Alert, Button, Group, Paper, Radio, Stack, Table, Text, Title } from "@mantine/core";
import {
  IconArrowDown,
  IconArrowUp,
  IconDeviceFloppy,
  IconGripVertical,
  IconPrinter,
} from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AccreditationBadge, FormError, LoadFailure, Loading, RecordTable } from "./components.tsx";
import { localName, useDescribeError } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, recordKey, useParticipantsList, useRoundDelegations } from "./queries.ts";
import { type PrecedenceOrder, precedenceOrders, type RoundDelegation, type RoundDetail } from "./types.ts";

/** The custom order to start from: the stored one, then anyone invited since, in English alphabetical order. */
function startingOrder(round: RoundDetail, delegations: RoundDelegation[]): RoundDelegation[] {
  const byParticipant = new Map(delegations.map((delegation) => [delegation.participant.id, delegation]));
  const stored = (round.precedence.customOrder ?? []).flatMap((id) => {
    const delegation = byParticipant.get(id);
    return delegation ? [delegation] : [];
  });
  const rest = delegations
    .filter((delegation) => !stored.includes(delegation))
    .sort((a, b) => a.participant.names.en.localeCompare(b.participant.names.en, "en"));
  return [...stored, ...rest];
}

/**
 * A custom order of precedence: every invited delegation once, moved with the arrow buttons (or
 * dragged with a mouse). Only accredited delegations appear on the printed list.
 */
function CustomOrder({
  items,
  onChange,
}: {
  items: RoundDelegation[];
  onChange: (items: RoundDelegation[]) => void;
}) {
  const { t, i18n } = useTranslation("secretariat");
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    onChange(next);
  };
  return (
    <Stack
      gap={6}
      component="ol"
      p={0}
      m={0}
      aria-label={t("precedence.customLabel")}
      data-testid="custom-order"
    >
      {items.map((delegation, index) => {
        const name = localName(delegation.participant.names, i18n.language);
        return (
          <li
            key={delegation.id}
            className="precedence-item"
            style={{ listStyle: "none" }}
            draggable
            data-dragging={dragging === index || undefined}
            data-drop-target={over === index && dragging !== index ? true : undefined}
            onDragStart={(event) => {
              setDragging(index);
              event.dataTransfer.effectAllowed = "move";
            }}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(index);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(event) => {
              event.preventDefault();
              if (dragging !== null) move(dragging, index);
              setDragging(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
          >
            <IconGripVertical size={16} className="precedence-handle" aria-hidden />
            <Text span size="sm" c="dimmed" w={24}>
              {index + 1}.
            </Text>
            <span className="precedence-name">
              <span>{name}</span>
              {delegation.status !== "accredited" ? <AccreditationBadge status={delegation.status} /> : null}
            </span>
            <ActionIcon
              variant="subtle"
              disabled={index === 0}
              onClick={() => move(index, index - 1)}
              aria-label={t("precedence.moveUp", { name })}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              disabled={index === items.length - 1}
              onClick={() => move(index, index + 1)}
              aria-label={t("precedence.moveDown", { name })}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </li>
        );
      })}
    </Stack>
  );
}

/** The list as it will print, in the order chosen. */
function ListPreview({ roundId, order }: { roundId: string; order: PrecedenceOrder }) {
  const { t, i18n } = useTranslation("secretariat");
  const list = useParticipantsList(roundId, order);
  if (list.isPending) return <Loading />;
  if (list.error) return <LoadFailure error={list.error} />;
  if (list.data.entries.length === 0) {
    return <Text c="dimmed">{t("precedence.empty")}</Text>;
  }
  return (
    <RecordTable
      testId="participants-list"
      minWidth={480}
      columns={["#", t("fields.participant"), t("fields.role"), t("delegations.head")]}
    >
      {list.data.entries.map((entry) => (
        <Table.Tr key={entry.participant.id}>
          <Table.Td>{entry.position}</Table.Td>
          <Table.Td>{localName(entry.participant.names, i18n.language)}</Table.Td>
          <Table.Td>{t(`role.${entry.role}`)}</Table.Td>
          <Table.Td>
            {entry.head ? (
              <>
                <span dir="ltr">{entry.head.nameLatin}</span>
                {entry.head.title ? (
                  <Text span size="xs" c="dimmed" dir="auto">
                    {" "}
                    — {entry.head.title}
                  </Text>
                ) : null}
              </>
            ) : (
              "—"
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </RecordTable>
  );
}

/**
 * The round's list of participants: the secretariat picks the order of precedence (English
 * alphabetical, by role, or its own), keeps it for the round, and prints the server's page.
 */
export function ParticipantsListPanel({ round }: { round: RoundDetail }) {
  const { t, i18n } = useTranslation("secretariat");
  const client = useQueryClient();
  const describe = useDescribeError();
  const delegations = useRoundDelegations(round.id);
  const [order, setOrder] = useState<PrecedenceOrder>(round.precedence.order);
  const [custom, setCustom] = useState<RoundDelegation[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (delegations.isPending) return <Loading />;
  if (delegations.error) return <LoadFailure error={delegations.error} />;
  const customItems = custom ?? startingOrder(round, delegations.data.items);
  const mayChoose = round.can.setPrecedence;

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await api.put(`/api/rounds/${encodeURIComponent(round.id)}/precedence`, {
        order,
        ...(order === "custom" ? { customOrder: customItems.map((item) => item.participant.id) } : {}),
      });
      await client.invalidateQueries({ queryKey: recordKey });
      notifySuccess(t("precedence.saved", { number: round.number }));
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setSaving(false);
    }
  };
  const printUrl = `/api/rounds/${encodeURIComponent(round.id)}/participants-list.html?${new URLSearchParams({
    lang: i18n.language,
    order,
  })}`;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t("roundPage.list")}
          </Title>
          <FormError message={error} />
          <Radio.Group
            value={order}
            onChange={(value) => setOrder(value as PrecedenceOrder)}
            label={t("fields.order")}
            description={order !== round.precedence.order ? t("precedence.unsaved") : undefined}
          >
            <Group gap="md" mt={6}>
              {precedenceOrders.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`precedence.${value}`)}
                  disabled={!mayChoose && value !== order}
                />
              ))}
            </Group>
          </Radio.Group>
          {order === "custom" ? (
            delegations.data.items.length === 0 ? (
              <Alert color="gray">{t("precedence.nobodyInvited")}</Alert>
            ) : (
              <CustomOrder items={customItems} onChange={mayChoose ? setCustom : () => undefined} />
            )
          ) : null}
          <div className="record-actions">
            {mayChoose ? (
              <Button
                onClick={save}
                loading={saving}
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              >
                {t("precedence.save")}
              </Button>
            ) : null}
            <Button
              component="a"
              href={printUrl}
              target="_blank"
              rel="noopener"
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
            >
              {t("precedence.print")}
            </Button>
          </div>
        </Stack>
      </Paper>
      {order === "custom" ? (
        <Text size="sm" c="dimmed">
          {t("precedence.customPreview")}
        </Text>
      ) : null}
      <ListPreview roundId={round.id} order={order} />
    </Stack>
  );
}
