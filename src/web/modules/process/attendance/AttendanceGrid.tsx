import { Text } from "@mantine/core";
import { type KeyboardEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { directionOf } from "../../../shell/i18n.ts";
import { conflictsOf, useDisputedText } from "../components/ConflictMark.tsx";
import { useDates } from "../format.ts";
import { attendanceMarks, roleColor, roleOrder } from "../roles.ts";
import type { AttendanceCell, AttendanceMatrix } from "../types.ts";
import { CellDialog, type OpenCell } from "./CellDialog.tsx";
import { cellsByKey, type GridPosition, moveInGrid, orderedParticipants, yearGroups } from "./grid.ts";

/** The fill of a cell: the role's colour, split in two when the participant held two roles that round. */
function cellBackground(cells: AttendanceCell[]): string | undefined {
  const attended = cells.filter((cell) => cell.attendance === "attended");
  if (attended.length === 0) return undefined;
  if (attended.length === 1) return roleColor(attended[0]?.role);
  const colors = attended.map((cell) => roleColor(cell.role));
  return `linear-gradient(135deg, ${colors[0]} 50%, ${colors[1]} 50%)`;
}

/**
 * The attendance matrix: participants down, rounds across; each cell coloured by the participant's role
 * in that round, with a mark of its own for absent, boycotted, declined and unknown, so an absence stands
 * out at a glance (the United States after round 15). The names stay in view while the rounds scroll.
 * It is an ARIA grid: one Tab stop, arrows move between cells, Enter opens the cited text and sources.
 */
export function AttendanceGrid({
  matrix,
  processSlug,
  namesOf,
}: {
  matrix: AttendanceMatrix;
  processSlug: string;
  /** A participant's name in the reader's language, where the participant list gives one. */
  namesOf?: (participantId: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation("process");
  const rtl = directionOf(i18n.language) === "rtl";
  const dates = useDates();
  const disputedText = useDisputedText();
  const participants = useMemo(() => orderedParticipants(matrix), [matrix]);
  const rounds = useMemo(() => [...matrix.rounds].sort((a, b) => a.number - b.number), [matrix]);
  const cells = useMemo(() => cellsByKey(matrix), [matrix]);
  const years = useMemo(() => yearGroups(rounds), [rounds]);
  const [focus, setFocus] = useState<GridPosition>({ row: 0, col: 0 });
  const [open, setOpen] = useState<OpenCell | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const size = { rows: participants.length, cols: rounds.length };

  const register = (row: number, col: number) => (element: HTMLElement | null) => {
    const key = `${row}:${col}`;
    if (element) elements.current.set(key, element);
    else elements.current.delete(key);
  };
  const tabIndexOf = (row: number, col: number) => (focus.row === row && focus.col === col ? 0 : -1);
  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveInGrid(focus, event.key, size, rtl, event.ctrlKey || event.metaKey);
    if (!next) return;
    event.preventDefault();
    setFocus(next);
    elements.current.get(`${next.row}:${next.col}`)?.focus();
  };

  const roundLabel = (round: (typeof rounds)[number]) => {
    const conflicts = conflictsOf(round);
    return [
      t("round.heading", { number: round.number }),
      dates.day(round.startDate),
      round.city,
      conflicts.length > 0 ? disputedText(conflicts) : null,
    ]
      .filter(Boolean)
      .join(", ");
  };

  const cellLabel = (participantName: string, round: (typeof rounds)[number], list: AttendanceCell[]) => {
    const where = t("attendanceMatrix.cellRound", { number: round.number });
    if (list.length === 0) return `${participantName}, ${where}: ${t("attendanceMatrix.noRecord")}`;
    const parts = list.map((cell) =>
      [t(`roles.${cell.role}`, { defaultValue: cell.role }), t(`attendance.${cell.attendance}`)].join(", "),
    );
    const sourceCount = list.reduce((sum, cell) => sum + cell.sourceCount, 0);
    const conflicts = list.flatMap((cell) => conflictsOf(cell));
    const disputed =
      conflicts.length > 0 ? ` ${disputedText(conflicts, t(`attendance.${list[0]?.attendance}`))}` : "";
    return `${participantName}, ${where}: ${parts.join("; ")}. ${t("sources.count", { count: sourceCount })}${disputed}`;
  };

  if (participants.length === 0 || rounds.length === 0) {
    return <Text c="dimmed">{t("attendanceMatrix.empty")}</Text>;
  }

  return (
    <>
      <ul className="matrix-legend" aria-label={t("attendanceMatrix.legend")}>
        {roleOrder
          .filter((role) => matrix.cells.some((cell) => cell.role === role))
          .map((role) => (
            <li key={role}>
              <span className="matrix-swatch" style={{ background: roleColor(role) }} aria-hidden />
              {t(`roles.${role}`)}
            </li>
          ))}
        {(["absent", "boycotted", "declined", "unknown"] as const).map((attendance) => (
          <li key={attendance}>
            <span className={`matrix-swatch att-${attendance}`} aria-hidden>
              {attendanceMarks[attendance]}
            </span>
            {t(`attendance.${attendance}`)}
          </li>
        ))}
        <li>
          <span className="matrix-swatch att-none" aria-hidden />
          {t("attendanceMatrix.noRecord")}
        </li>
        {matrix.cells.some((cell) => cell.conflicted) ? (
          <li>
            <span className="matrix-swatch matrix-swatch-disputed" aria-hidden>
              !
            </span>
            {t("disputed.short")}
          </li>
        ) : null}
      </ul>
      <Text size="xs" c="dimmed">
        {t("attendanceMatrix.keyboardHint")}
      </Text>
      <div className="matrix-scroll" data-testid="attendance-scroll">
        <table
          className="matrix"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a native table given the grid role for arrow-key navigation
          role="grid"
          aria-label={t("attendanceMatrix.gridLabel")}
          onKeyDown={onKeyDown}
          data-testid="attendance-matrix"
        >
          <thead>
            <tr aria-hidden className="matrix-years">
              <th className="matrix-corner" />
              {years.map((group) => (
                <th key={group.key} colSpan={group.span} className="matrix-year">
                  {group.year}
                </th>
              ))}
            </tr>
            <tr>
              <th className="matrix-corner" scope="col">
                <span className="visually-hidden">{t("attendanceMatrix.participant")}</span>
              </th>
              {rounds.map((round, col) => (
                <th key={round.id} scope="col" className="matrix-round" data-number={round.number}>
                  <Link
                    to={`/rounds/${encodeURIComponent(round.id)}`}
                    ref={register(-1, col)}
                    tabIndex={tabIndexOf(-1, col)}
                    onFocus={() => setFocus({ row: -1, col })}
                    aria-label={roundLabel(round)}
                    title={roundLabel(round)}
                  >
                    {round.number}
                    {conflictsOf(round).length > 0 ? (
                      <span className="matrix-disputed-round" aria-hidden>
                        !
                      </span>
                    ) : null}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {participants.map((participant, row) => {
              const fullName = namesOf?.(participant.id) ?? participant.name;
              // A long name gives way to the short one in the column, in English only (short names are Latin).
              const shownName =
                fullName.length > 22 && participant.shortName && i18n.language === "en"
                  ? participant.shortName
                  : fullName;
              return (
                <tr key={participant.id} data-participant={participant.name}>
                  <th scope="row" className="matrix-name">
                    <Link
                      to={`/participants/${encodeURIComponent(participant.id)}`}
                      ref={register(row, -1)}
                      tabIndex={tabIndexOf(row, -1)}
                      onFocus={() => setFocus({ row, col: -1 })}
                      // Named by the name shown (WCAG 2.5.3: voice control finds what it sees); the full
                      // name is its description.
                      title={fullName}
                    >
                      {shownName}
                    </Link>
                  </th>
                  {rounds.map((round, col) => {
                    const list = cells.get(`${participant.id}|${round.id}`) ?? [];
                    const missed = list.find((cell) => cell.attendance !== "attended");
                    const state = list.length === 0 ? "none" : missed ? missed.attendance : "attended";
                    const disputed = list.some((cell) => conflictsOf(cell).length > 0);
                    return (
                      <td key={round.id} className="matrix-cell">
                        <button
                          type="button"
                          ref={register(row, col)}
                          tabIndex={tabIndexOf(row, col)}
                          onFocus={() => setFocus({ row, col })}
                          onClick={() =>
                            setOpen({ participant: { ...participant, name: fullName }, round, cells: list })
                          }
                          className={`matrix-mark att-${state}`}
                          style={{
                            background: cellBackground(list),
                            boxShadow: missed ? `inset 0 -4px 0 ${roleColor(missed.role)}` : undefined,
                          }}
                          aria-label={cellLabel(fullName, round, list)}
                          aria-haspopup="dialog"
                          data-testid="attendance-cell"
                          data-round={round.number}
                          data-attendance={state}
                          data-role={list.map((cell) => cell.role).join(" ")}
                          data-disputed={disputed ? "true" : undefined}
                        >
                          <span aria-hidden>{missed ? attendanceMarks[missed.attendance] : ""}</span>
                          {disputed ? (
                            <span className="matrix-disputed" aria-hidden data-testid="cell-conflict-mark">
                              !
                            </span>
                          ) : null}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CellDialog open={open} onClose={() => setOpen(null)} processSlug={processSlug} />
    </>
  );
}
