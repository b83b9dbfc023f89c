import { Code, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconBan, IconCircleCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../shell/format.ts";

/** One audit entry as GET /api/audit returns it (contracts/audit.ts on the server side). */
export type AuditEntry = {
  seq: number;
  at: string;
  actorLabel: string;
  action: string;
  outcome: string;
  subjectType: string | null;
  subjectId: string | null;
  processId: string | null;
  tier: string;
  data: Record<string, unknown>;
};

type ListProps = { entries: AuditEntry[]; fresh: ReadonlySet<number> };

function Outcome({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("platform");
  const ok = entry.outcome === "ok";
  return (
    <Group gap={4} wrap="nowrap" c={ok ? "teal" : "red"}>
      {ok ? <IconCircleCheck size={16} aria-hidden /> : <IconBan size={16} aria-hidden />}
      <Text size="sm" fw={500} inherit>
        {t(`audit.outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}
      </Text>
    </Group>
  );
}

/** The action's name for people, when we have one, above its operation name. */
function Action({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("platform");
  const label = t(`actions.${entry.action}`, { defaultValue: "" });
  return (
    <Stack gap={2} align="flex-start">
      {label ? <Text size="sm">{label}</Text> : null}
      <Code dir="ltr">{entry.action}</Code>
    </Stack>
  );
}

function Subject({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("platform");
  if (!entry.subjectType) return <>—</>;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{t(`subjects.${entry.subjectType}`, { defaultValue: entry.subjectType })}</Text>
      {entry.subjectId ? (
        <Code dir="ltr" className="subject-id">
          {entry.subjectId}
        </Code>
      ) : null}
    </Stack>
  );
}

function Details({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("platform");
  if (Object.keys(entry.data ?? {}).length === 0) return <>—</>;
  return (
    <details>
      <summary>{t("audit.show")}</summary>
      <Code block dir="ltr" className="audit-data">
        {JSON.stringify(entry.data, null, 2)}
      </Code>
    </details>
  );
}

/** Wide screens: one row per entry. */
export function AuditTable({ entries, fresh }: ListProps) {
  const { t } = useTranslation("platform");
  const format = useFormatters();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="xs" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">{t("audit.at")}</Table.Th>
            <Table.Th scope="col">{t("audit.actor")}</Table.Th>
            <Table.Th scope="col">{t("audit.action")}</Table.Th>
            <Table.Th scope="col">{t("audit.outcome")}</Table.Th>
            <Table.Th scope="col">{t("audit.subject")}</Table.Th>
            <Table.Th scope="col">{t("audit.tier")}</Table.Th>
            <Table.Th scope="col">{t("audit.data")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq} data-fresh={fresh.has(entry.seq) || undefined} className="audit-row">
              <Table.Td>{format.number(entry.seq)}</Table.Td>
              <Table.Td className="nowrap">{format.dateTime(entry.at)}</Table.Td>
              <Table.Td className="nowrap">{entry.actorLabel}</Table.Td>
              <Table.Td>
                <Action entry={entry} />
              </Table.Td>
              <Table.Td>
                <Outcome entry={entry} />
              </Table.Td>
              <Table.Td>
                <Subject entry={entry} />
              </Table.Td>
              <Table.Td>{t(`tiers.${entry.tier}`, { defaultValue: entry.tier })}</Table.Td>
              <Table.Td>
                <Details entry={entry} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: one card per entry, nothing to scroll sideways. */
export function AuditCards({ entries, fresh }: ListProps) {
  const { t } = useTranslation("platform");
  const format = useFormatters();
  return (
    <Stack gap="xs" component="ul" className="plain-list" data-testid="audit-list">
      {entries.map((entry) => (
        <Paper
          component="li"
          key={entry.seq}
          withBorder
          p="sm"
          radius="md"
          data-fresh={fresh.has(entry.seq) || undefined}
          className="audit-row"
        >
          <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
            <Action entry={entry} />
            <Outcome entry={entry} />
          </Group>
          <Text size="sm" mt={6} className="break-anywhere">
            {entry.actorLabel}
          </Text>
          <Text size="xs" c="dimmed">
            {format.dateTime(entry.at)} · #{format.number(entry.seq)} ·{" "}
            {t(`tiers.${entry.tier}`, { defaultValue: entry.tier })}
          </Text>
          <Group gap="md" mt={6} align="flex-start" justify="space-between">
            <Subject entry={entry} />
            <Details entry={entry} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
