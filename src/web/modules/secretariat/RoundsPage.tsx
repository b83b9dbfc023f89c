import { Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconCalendarPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { SectionContexts } from "../../shell/module.ts";
import {
  ActionDialog,
  CardItem,
  CardList,
  LoadFailure,
  Loading,
  RecordTable,
  RoundStatusBadge,
} from "./components.tsx";
import { useDays, useIsPhone } from "./format.ts";
import { localName } from "./forms.ts";
import { useRounds } from "./queries.ts";
import { RoundActions } from "./RoundActions.tsx";
import { RoundForm } from "./RoundForm.tsx";
import type { ProcessDetail } from "./types.ts";
import { useWorkspaceProcess } from "./Workspace.tsx";

/** The secretariat's rounds of a process: newest first, each with its status and allowed actions. */
function RoundsTable({ process }: { process: ProcessDetail }) {
  const { t, i18n } = useTranslation("secretariat");
  const days = useDays();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const rounds = useRounds(process.slug);
  const [planning, setPlanning] = useState(false);

  if (rounds.isPending) return <Loading />;
  if (rounds.error) return <LoadFailure error={rounds.error} />;
  const items = [...rounds.data.items].sort((a, b) => b.number - a.number);
  const nextNumber = items.reduce((highest, round) => Math.max(highest, round.number), 0) + 1;
  const base = `/secretariat/${encodeURIComponent(process.slug)}`;
  return (
    <>
      {rounds.data.can.plan ? (
        <div>
          <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setPlanning(true)}>
            {t("rounds.plan")}
          </Button>
        </div>
      ) : null}
      {items.length === 0 ? (
        <Text c="dimmed">{t("rounds.none")}</Text>
      ) : isPhone ? (
        <CardList testId="rounds-table" label={t("rounds.count", { count: items.length })}>
          {items.map((round) => (
            <CardItem key={round.id} data-round={round.number}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4}>
                  <Anchor component={Link} to={`${base}/rounds/${encodeURIComponent(round.id)}`} fw={600}>
                    {localName(round.names, i18n.language)}
                  </Anchor>
                  <Text size="sm">
                    {[days.span(round.startDate, round.endDate) ?? t("rounds.noDates"), round.city]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                  <div>
                    <RoundStatusBadge status={round.status} />
                  </div>
                </Stack>
                <div className="no-shrink">
                  <RoundActions round={round} process={process} variant="menu" />
                </div>
              </Group>
            </CardItem>
          ))}
        </CardList>
      ) : (
        <RecordTable
          testId="rounds-table"
          minWidth={640}
          spacing="sm"
          highlightOnHover
          caption={t("rounds.count", { count: items.length })}
          columns={[
            t("fields.roundNumber"),
            t("fields.name"),
            t("fields.dates"),
            t("fields.city"),
            t("fields.status"),
            t("rounds.actions"),
          ]}
        >
          {items.map((round) => (
            <Table.Tr key={round.id} data-round={round.number}>
              <Table.Td>{round.number}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`${base}/rounds/${encodeURIComponent(round.id)}`}>
                  {localName(round.names, i18n.language)}
                </Anchor>
              </Table.Td>
              <Table.Td className="nowrap-cell">
                {days.span(round.startDate, round.endDate) ?? (
                  <Text span c="dimmed" size="sm">
                    {t("rounds.noDates")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{round.city ?? "—"}</Table.Td>
              <Table.Td>
                <RoundStatusBadge status={round.status} />
              </Table.Td>
              <Table.Td>
                <RoundActions round={round} process={process} variant="menu" />
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
      <ActionDialog opened={planning} onClose={() => setPlanning(false)} title={t("rounds.plan")} size="xl">
        <RoundForm
          process={process}
          nextNumber={nextNumber}
          onCancel={() => setPlanning(false)}
          onDone={(round) => {
            setPlanning(false);
            navigate(`${base}/rounds/${encodeURIComponent(round.id)}`);
          }}
        />
      </ActionDialog>
    </>
  );
}

/** The workspace's first section, the rounds. */
export function RoundsSection(context: SectionContexts["workspace"]) {
  const process = useWorkspaceProcess(context.process);
  return process ? <RoundsTable process={process} /> : null;
}
