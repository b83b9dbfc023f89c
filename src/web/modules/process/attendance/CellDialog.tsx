import { Anchor, Blockquote, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { InEnglish } from "../../../shell/LocalText.tsx";
import { conflictsOf, DisputedConflicts, useDisputedText } from "../components/ConflictMark.tsx";
import { LoadError, Loading, NotInSources } from "../components/QueryState.tsx";
import { AttendanceBadge, RoleBadge } from "../components/RoleBadge.tsx";
import { Sources, uniqueSources } from "../components/Sources.tsx";
import { useDates, useJoin } from "../format.ts";
import { useSubjectRecord } from "../queries.ts";
import type { AttendanceCell } from "../types.ts";
import type { MatrixParticipant, MatrixRound } from "./grid.ts";

export type OpenCell = { participant: MatrixParticipant; round: MatrixRound; cells: AttendanceCell[] };

/** One participation of the cell: role, attendance, the text the record cites for it, and its sources. */
function Participation({ cell, processSlug }: { cell: AttendanceCell; processSlug: string }) {
  const { t } = useTranslation("process");
  const disputedText = useDisputedText();
  const conflicts = conflictsOf(cell);
  const record = useSubjectRecord("round_participation", cell.participationId);
  const sources = record.data
    ? uniqueSources(...Object.values(record.data.citations), ...record.data.facts.map((fact) => fact.sources))
    : [];
  return (
    <Stack gap="xs" className="cell-participation">
      <Group gap="xs">
        <RoleBadge role={cell.role} />
        <AttendanceBadge attendance={cell.attendance} always />
      </Group>
      {conflicts.length > 0 ? (
        <section className="cell-disputed" data-testid="cell-disputed" aria-label={disputedText(conflicts)}>
          <Text size="sm" fw={600}>
            {disputedText(conflicts)}
          </Text>
          <DisputedConflicts conflicts={conflicts} processSlug={processSlug} />
        </section>
      ) : null}
      {cell.note ? (
        <Text size="sm">
          <InEnglish text={cell.note} />
        </Text>
      ) : null}
      <div>
        <Text size="xs" fw={600}>
          {t("attendanceMatrix.citedText")}
        </Text>
        {cell.citedText ? (
          <Blockquote p="xs" mt={4} className="cited-text">
            <InEnglish text={cell.citedText} />
          </Blockquote>
        ) : (
          <NotInSources />
        )}
      </div>
      <div>
        <Text size="xs" fw={600}>
          {t("sources.title")}
        </Text>
        {record.isPending ? (
          <Loading />
        ) : record.error ? (
          <LoadError error={record.error} />
        ) : (
          <Sources sources={sources} />
        )}
      </div>
    </Stack>
  );
}

/** What a cell of the matrix stands for, opened from it: the cited text and the sources behind it. */
export function CellDialog({
  open,
  onClose,
  processSlug,
}: {
  open: OpenCell | null;
  onClose: () => void;
  processSlug: string;
}) {
  const { t } = useTranslation("process");
  const dates = useDates();
  const join = useJoin();
  const title = open
    ? t("attendanceMatrix.dialogTitle", { participant: open.participant.name, number: open.round.number })
    : "";
  return (
    <Modal
      opened={open !== null}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ "aria-label": t("shell:close") }}
    >
      {open ? (
        <Stack gap="md" data-testid="attendance-dialog" data-process={processSlug}>
          <Text size="sm" c="dimmed">
            {join([dates.day(open.round.startDate), open.round.city])}
          </Text>
          {open.cells.length === 0 ? (
            <Text size="sm">
              {t("attendanceMatrix.noRecordLong", {
                participant: open.participant.name,
                number: open.round.number,
              })}
            </Text>
          ) : (
            open.cells.map((cell) => (
              <Participation key={cell.participationId} cell={cell} processSlug={processSlug} />
            ))
          )}
          <Group gap="md">
            <Anchor component={Link} to={`/rounds/${encodeURIComponent(open.round.id)}`} size="sm">
              {t("attendanceMatrix.openRound", { number: open.round.number })}
            </Anchor>
            <Anchor
              component={Link}
              to={`/participants/${encodeURIComponent(open.participant.id)}`}
              size="sm"
            >
              {t("attendanceMatrix.openParticipant", { participant: open.participant.name })}
            </Anchor>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
