import { Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  DraggableSession,
  GridEditor,
  lengthOf,
  pictureIdOf,
  useDragPreview,
  useEditing,
} from "./GridEditor.tsx";
import { layout } from "./grid-geometry.ts";
import type { Programme, SessionView } from "./queries.ts";
import { clockOf, kindColours, minutesOf, nameIn, sessionKinds } from "./shared.ts";

const { timeAxis, column, header, perMinute } = layout;

/** One day of the programme as a picture: rooms across, time down, sessions coloured by kind. */
function DayPicture({
  programme,
  day,
  sessions,
  rtl,
}: {
  programme: Programme;
  day: Programme["days"][number];
  sessions: SessionView[];
  rtl: boolean;
}) {
  const { t, i18n } = useTranslation("programme");
  const editing = useEditing();
  const preview = useDragPreview();
  const rooms = programme.rooms;
  const from = minutesOf(day.from);
  const to = minutesOf(day.to);
  const width = timeAxis + Math.max(1, rooms.length) * column;
  const height = header + (to - from) * perMinute + 4;
  const x = (left: number, w: number) => (rtl ? width - left - w : left);
  const y = (time: string) => header + (minutesOf(time) - from) * perMinute;
  const hours = [];
  for (let m = Math.ceil(from / 60) * 60; m <= to; m += 60) hours.push(m);
  const titleId = `programme-day-${day.date}`;
  const columnOf = (roomId: string | null | undefined) =>
    roomId ? rooms.findIndex((room) => room.id === roomId) : -1;
  const boxOf = (roomIndex: number, start: number, minutes: number) => {
    const left = roomIndex >= 0 ? timeAxis + roomIndex * column + 3 : timeAxis;
    const w = roomIndex >= 0 ? column - 6 : width - timeAxis;
    return {
      x: x(left, w),
      y: header + (start - from) * perMinute + 1,
      width: w,
      height: Math.max(14, minutes * perMinute - 2),
    };
  };
  const dragged = preview ? sessions.find((s) => s.id === preview.sessionId) : undefined;
  const landing =
    preview && dragged
      ? preview.target.swapWith
        ? boxOf(
            columnOf(preview.target.swapWith.room?.id),
            minutesOf(clockOf(preview.target.swapWith.startsAt)),
            lengthOf(preview.target.swapWith),
          )
        : boxOf(columnOf(preview.target.roomId), preview.target.start, lengthOf(dragged))
      : null;
  const landingClashes = Boolean(preview && preview.target.clashes.length > 0);
  return (
    <svg
      id={pictureIdOf(day.date)}
      role={editing ? "group" : "img"}
      aria-labelledby={titleId}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: "block" }}
      className="programme-picture"
    >
      <title id={titleId}>{t("grid.pictureOf", { day: day.date, count: sessions.length })}</title>
      {rooms.map((room, i) => (
        <text
          key={room.id}
          x={x(timeAxis + i * column, column) + column / 2}
          y={18}
          textAnchor="middle"
          fontSize={12}
          fontWeight={600}
          fill="#212529"
        >
          {room.name}
        </text>
      ))}
      {hours.map((m) => {
        const label = `${String(Math.floor(m / 60)).padStart(2, "0")}:00`;
        const top = header + (m - from) * perMinute;
        return (
          <g key={m}>
            <line
              x1={x(timeAxis, width - timeAxis)}
              x2={x(timeAxis, width - timeAxis) + width - timeAxis}
              y1={top}
              y2={top}
              stroke="#dee2e6"
            />
            <text
              x={rtl ? width - 6 : 6}
              y={top + 4}
              fontSize={11}
              textAnchor={rtl ? "end" : "start"}
              fill="#495057"
            >
              {label}
            </text>
          </g>
        );
      })}
      {day.breaks.map((pause) => (
        <rect
          key={pause.from}
          x={x(timeAxis, width - timeAxis)}
          width={width - timeAxis}
          y={y(pause.from)}
          height={(minutesOf(pause.to) - minutesOf(pause.from)) * perMinute}
          fill="url(#programme-hatch)"
          opacity={0.5}
        />
      ))}
      <defs>
        <pattern
          id="programme-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <line x1="0" y1="0" x2="0" y2="6" stroke="#adb5bd" strokeWidth="2" />
        </pattern>
      </defs>
      {sessions.map((session) => {
        const box = boxOf(
          columnOf(session.room?.id),
          minutesOf(clockOf(session.startsAt)),
          lengthOf(session),
        );
        const colour = kindColours[session.kind];
        const label = session.requestId
          ? session.participants.map((p) => nameIn(i18n.language, p)).join(" – ")
          : session.title;
        const shape = (
          <>
            <rect
              {...box}
              rx={4}
              fill={colour.fill}
              stroke={colour.edge}
              strokeWidth={session.locked ? 3 : 1.5}
              strokeDasharray={session.state === "provisional" ? "5 3" : undefined}
            />
            <text
              x={box.x + (rtl ? box.width - 5 : 5)}
              y={box.y + 12}
              fontSize={11}
              fill="#212529"
              textAnchor={rtl ? "end" : "start"}
            >
              {label.length > 22 ? `${label.slice(0, 21)}…` : label}
            </text>
          </>
        );
        if (!editing) return <g key={session.id}>{shape}</g>;
        const where = `${session.room?.name ?? t("move.noRoom")}, ${clockOf(session.startsAt)}–${clockOf(session.endsAt)}`;
        return (
          <DraggableSession
            key={session.id}
            session={session}
            day={day}
            label={t(session.locked ? "drag.lockedLabel" : "drag.label", {
              title: session.title,
              place: where,
            })}
          >
            {shape}
          </DraggableSession>
        );
      })}
      {landing ? (
        <rect
          {...landing}
          rx={4}
          fill={landingClashes ? "#ffe3e3" : "#d3f9d8"}
          fillOpacity={0.6}
          stroke={landingClashes ? "#c92a2a" : "#2b8a3e"}
          strokeWidth={2.5}
          strokeDasharray="6 3"
          pointerEvents="none"
          data-testid="drop-landing"
          data-clash={landingClashes ? "true" : "false"}
        />
      ) : null}
    </svg>
  );
}

/** The legend: each kind's colour and name; dashed edges are provisional, thick ones locked. */
export function Legend() {
  const { t } = useTranslation("programme");
  return (
    <Group
      gap="md"
      wrap="wrap"
      component="ul"
      aria-label={t("grid.legend")}
      style={{ listStyle: "none", padding: 0, margin: 0 }}
    >
      {sessionKinds.map((kind) => (
        <Group key={kind} gap={6} component="li" wrap="nowrap">
          <span
            aria-hidden="true"
            style={{
              width: 14,
              height: 14,
              borderRadius: 3,
              background: kindColours[kind].fill,
              border: `2px solid ${kindColours[kind].edge}`,
              display: "inline-block",
            }}
          />
          <Text size="sm">{t(`kind.${kind}`)}</Text>
        </Group>
      ))}
      <Text size="sm" component="li" c="dimmed">
        {t("grid.legendLines")}
      </Text>
    </Group>
  );
}

/** The programme: per day, the picture and its text alternative (a table of every session). */
export function ProgrammeGrid({
  programme,
  actions,
  editable = false,
}: {
  programme: Programme;
  actions?: (session: SessionView) => React.ReactNode;
  /** The secretariat's grid: sessions can be dragged to another room or time, or onto another to swap. */
  editable?: boolean;
}) {
  const { t, i18n } = useTranslation("programme");
  const rtl = i18n.dir(i18n.language) === "rtl";
  const days =
    programme.days.length > 0
      ? programme.days
      : [...new Set(programme.sessions.map((s) => s.day))].map((date) => ({
          date,
          from: "08:00",
          to: "20:00",
          breaks: [],
        }));
  if (days.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t("grid.empty")}
      </Text>
    );
  const grid = (
    <Stack gap="xl">
      <Legend />
      {days.map((day, index) => {
        const sessions = programme.sessions.filter((s) => s.day === day.date);
        return (
          <section key={day.date} aria-labelledby={`day-${day.date}`} className="programme-day">
            <Title order={2} size="h3" id={`day-${day.date}`} mb="sm">
              {t("grid.day", { number: index + 1, date: day.date })}
            </Title>
            <div className="programme-picture-frame">
              <DayPicture programme={programme} day={day} sessions={sessions} rtl={rtl} />
            </div>
            <Table.ScrollContainer minWidth={600} mt="sm">
              <Table striped withTableBorder captionSide="top">
                <Table.Caption>{t("grid.tableCaption", { date: day.date })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("grid.time")}</Table.Th>
                    <Table.Th scope="col">{t("grid.session")}</Table.Th>
                    <Table.Th scope="col">{t("grid.room")}</Table.Th>
                    <Table.Th scope="col">{t("grid.participants")}</Table.Th>
                    {actions ? <Table.Th scope="col">{t("grid.actions")}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sessions.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={actions ? 5 : 4}>{t("grid.noSessions")}</Table.Td>
                    </Table.Tr>
                  ) : null}
                  {sessions.map((session) => (
                    <Table.Tr key={session.id} data-testid="programme-session" data-kind={session.kind}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <bdi>{`${clockOf(session.startsAt)}–${clockOf(session.endsAt)}`}</bdi>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600} dir="auto">
                          {session.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`kind.${session.kind}`)}
                          {session.state === "provisional" ? ` · ${t("state.provisional")}` : ""}
                          {session.locked ? ` · ${t("state.locked")}` : ""}
                        </Text>
                      </Table.Td>
                      <Table.Td>{session.room?.name ?? "—"}</Table.Td>
                      <Table.Td>
                        {session.participants.map((p) => nameIn(i18n.language, p)).join(", ")}
                      </Table.Td>
                      {actions ? <Table.Td>{actions(session)}</Table.Td> : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </section>
        );
      })}
    </Stack>
  );
  return editable ? (
    <GridEditor programme={programme} rtl={rtl}>
      {grid}
    </GridEditor>
  ) : (
    grid
  );
}
