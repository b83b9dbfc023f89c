// Moving sessions on the programme's picture by dragging them (mouse, touch, or the keyboard), with the
// same checks as the move form: where a session would land and what it would clash with is shown and
// announced while it moves; the server checks the drop and refuses a clash with its reason, saving
// nothing. Dropping a session on another of the same room swaps the two.
import {
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useDraggable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { Alert, Text } from "@mantine/core";
import { createContext, type ReactNode, useContext, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { clockAt, type Day, type DropTarget, dropTarget, layout, momentOn } from "./grid-geometry.ts";
import { apiPath, type Programme, type SessionView, useProgrammeChange } from "./queries.ts";
import { clockOf, minutesOf } from "./shared.ts";

type Dragged = { session: SessionView; day: Day };
type Preview = { sessionId: string; target: DropTarget };

const EditorContext = createContext<{ preview: Preview | null } | null>(null);

/** The drag under way, for the picture to draw where the session would land. */
export function useDragPreview(): Preview | null {
  return useContext(EditorContext)?.preview ?? null;
}

/** Whether the picture is inside an editor (its sessions can be dragged). */
export function useEditing(): boolean {
  return useContext(EditorContext) !== null;
}

/** The element id of a day's picture, by which a drag finds how much the picture is scaled. */
export const pictureIdOf = (date: string) => `programme-picture-${date}`;

/** How many screen pixels one unit of a day's picture takes (it is scaled to fit its frame). */
function scaleOf(date: string): number {
  const svg = document.getElementById(pictureIdOf(date));
  const box = svg?.getAttribute("viewBox")?.split(" ").map(Number);
  const width = svg?.getBoundingClientRect().width ?? 0;
  return box?.[2] && width > 0 ? width / box[2] : 1;
}

/** The grid's editor: wraps the days' pictures of the secretariat's programme page. */
export function GridEditor({
  programme,
  rtl,
  children,
}: {
  programme: Programme;
  rtl: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation("programme");
  const change = useProgrammeChange();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const scale = useRef(1);
  const announced = useRef("");
  const latest = useRef<Preview | null>(null);
  const keyboard: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
    const across = layout.column * scale.current;
    const down = Math.max(1, programme.slotMinutes) * layout.perMinute * scale.current;
    const step: Record<string, [number, number]> = {
      ArrowRight: [across, 0],
      ArrowLeft: [-across, 0],
      ArrowDown: [0, down],
      ArrowUp: [0, -down],
    };
    const move = step[event.code];
    if (!move) return undefined;
    event.preventDefault();
    return { x: currentCoordinates.x + move[0], y: currentCoordinates.y + move[1] };
  };
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboard }),
  );
  const dragged = (data: unknown) => data as Dragged | undefined;
  const targetOf = (event: DragMoveEvent | DragEndEvent) => {
    const what = dragged(event.active.data.current);
    if (!what) return null;
    const delta = { x: event.delta.x / scale.current, y: event.delta.y / scale.current };
    return { what, target: dropTarget(programme, what.day, what.session, delta, rtl) };
  };
  const place = (target: DropTarget) => `${target.roomName ?? t("move.noRoom")}, ${clockAt(target.start)}`;
  const describe = (target: DropTarget) => {
    if (target.swapWith) return t("drag.overSwap", { other: target.swapWith.title });
    const clash = target.clashes[0];
    if (clash)
      return t(clash.reason === "room" ? "drag.overRoomClash" : "drag.overDelegationClash", {
        place: place(target),
        other: clash.session.title,
      });
    return t("drag.over", { place: place(target) });
  };
  const where = (session: SessionView) =>
    `${session.room?.name ?? t("move.noRoom")}, ${clockOf(session.startsAt)}`;

  const onDragStart = (event: DragStartEvent) => {
    const what = dragged(event.active.data.current);
    if (what) scale.current = scaleOf(what.day.date);
    announced.current = "";
    setOutcome(null);
  };
  const onDragMove = (event: DragMoveEvent) => {
    const found = targetOf(event);
    if (!found) return;
    const next = { sessionId: found.what.session.id, target: found.target };
    latest.current = next;
    setPreview((current) =>
      current &&
      current.sessionId === next.sessionId &&
      current.target.start === next.target.start &&
      current.target.roomId === next.target.roomId
        ? current
        : next,
    );
  };
  const onDragEnd = async (event: DragEndEvent) => {
    setPreview(null);
    latest.current = null;
    const found = targetOf(event);
    if (!found || found.target.unchanged) return;
    const { what, target } = found;
    try {
      if (target.swapWith) {
        await change.mutateAsync({
          path: apiPath("programme", "sessions", "swap"),
          body: { sessionIds: [what.session.id, target.swapWith.id] },
        });
        setOutcome({
          ok: true,
          message: t("drag.swapped", { title: what.session.title, other: target.swapWith.title }),
        });
      } else {
        await change.mutateAsync({
          method: "PATCH",
          path: apiPath("programme", "sessions", what.session.id),
          body: {
            startsAt: momentOn(what.session, target.start),
            roomId: target.roomId,
            expectedUpdatedAt: what.session.updatedAt,
          },
        });
        setOutcome({
          ok: true,
          message: t("drag.moved", { title: what.session.title, place: place(target) }),
        });
      }
    } catch (failure) {
      setOutcome({ ok: false, message: t("drag.refused", { reason: describeError(t, failure) }) });
    }
  };
  const announcements = {
    onDragStart: ({ active }: { active: { data: { current?: unknown } } }) => {
      const what = dragged(active.data.current);
      return what ? t("drag.pickedUp", { title: what.session.title, place: where(what.session) }) : undefined;
    },
    onDragMove: () => {
      const current = latest.current;
      if (!current) return undefined;
      const text = describe(current.target);
      if (text === announced.current) return undefined;
      announced.current = text;
      return text;
    },
    onDragOver: () => undefined,
    onDragEnd: ({ active }: { active: { data: { current?: unknown } } }) => {
      const what = dragged(active.data.current);
      return what ? t("drag.dropped", { title: what.session.title }) : undefined;
    },
    onDragCancel: ({ active }: { active: { data: { current?: unknown } } }) => {
      const what = dragged(active.data.current);
      return what
        ? t("drag.cancelled", { title: what.session.title, place: where(what.session) })
        : undefined;
    },
  };
  return (
    <EditorContext.Provider value={{ preview }}>
      <Text size="sm" c="dimmed" className="programme-no-print">
        {t("drag.hint")}
      </Text>
      <div aria-live="polite" className="programme-no-print">
        {outcome ? (
          <Alert
            color={outcome.ok ? "green" : "red"}
            role={outcome.ok ? "status" : "alert"}
            data-testid="drag-outcome"
            withCloseButton
            onClose={() => setOutcome(null)}
          >
            {outcome.message}
          </Alert>
        ) : null}
      </div>
      <DndContext
        sensors={sensors}
        onDragStart={onDragStart}
        onDragMove={onDragMove}
        onDragEnd={(event) => void onDragEnd(event)}
        onDragCancel={() => {
          setPreview(null);
          latest.current = null;
        }}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t("drag.instructions") },
        }}
        autoScroll={false}
      >
        {children}
      </DndContext>
    </EditorContext.Provider>
  );
}

/**
 * One session of the picture that the secretariat can drag (a locked one cannot): it follows the
 * pointer or the arrow keys; the picture draws where it would land.
 */
export function DraggableSession({
  session,
  day,
  label,
  children,
}: {
  session: SessionView;
  day: Day;
  label: string;
  children: ReactNode;
}) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: session.id,
    data: { session, day } satisfies Dragged,
    disabled: session.locked,
  });
  const scale = isDragging ? scaleOf(day.date) : 1;
  return (
    <g
      ref={(node) => setNodeRef(node as unknown as HTMLElement | null)}
      {...attributes}
      {...listeners}
      aria-label={label}
      data-testid="grid-session"
      data-session-id={session.id}
      className="programme-draggable"
      opacity={isDragging ? 0.75 : 1}
      transform={transform ? `translate(${transform.x / scale} ${transform.y / scale})` : undefined}
    >
      {children}
    </g>
  );
}

/** The minutes a session lasts, for drawing its landing place. */
export const lengthOf = (session: SessionView) =>
  minutesOf(clockOf(session.endsAt)) - minutesOf(clockOf(session.startsAt));
