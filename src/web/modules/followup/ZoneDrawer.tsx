// Drawing a zone's outline: the state shared by the map (click to add a point, drag one to move it) and
// the panel beside it, where the same points are listed and can be typed, added and removed with the
// keyboard alone. The server checks the polygon (closed, in range, not crossing itself) and its message
// is shown beside the map; a new zone or a new outline of an existing one is saved through the module's
// routes (a redraw names the version it was drawn on).
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { type FormEvent, useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { apiPath, useFollowupChange, type Zone } from "./queries.ts";

export type Vertex = [number, number];

/** What the map needs while a zone is drawn: the points, and how to add and move one. */
export type Drawing = {
  vertices: Vertex[];
  add: (vertex: Vertex) => void;
  move: (index: number, vertex: Vertex) => void;
};

/** Six decimals (about 10 cm): enough for a zone, short enough to read and type. */
const rounded = (value: number) => Math.round(value * 1e6) / 1e6;

/** The drawing's state: whether one is under way, which zone it redraws (null: a new zone), its points. */
export function useZoneDrawing() {
  const [active, setActive] = useState(false);
  const [target, setTarget] = useState<string | null>(null);
  const [vertices, setVertices] = useState<Vertex[]>([]);
  const add = useCallback((vertex: Vertex) => {
    setVertices((previous) => [...previous, [rounded(vertex[0]), rounded(vertex[1])]]);
  }, []);
  const move = useCallback((index: number, vertex: Vertex) => {
    setVertices((previous) =>
      previous.map((old, i) => (i === index ? [rounded(vertex[0]), rounded(vertex[1])] : old)),
    );
  }, []);
  const drawing: Drawing | null = useMemo(
    () => (active ? { vertices, add, move } : null),
    [active, vertices, add, move],
  );
  return { active, setActive, target, setTarget, vertices, setVertices, add, move, drawing };
}

export type ZoneDrawingState = ReturnType<typeof useZoneDrawing>;

/** The outer ring of a zone without its closing point: the points one redraws. */
function openRing(zone: Zone): Vertex[] {
  const ring = (zone.geometry.coordinates[0] ?? []).map(([lon = 0, lat = 0]) => [lon, lat] as Vertex);
  const [first, last] = [ring[0], ring.at(-1)];
  return first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1]
    ? ring.slice(0, -1)
    : ring;
}

/** The points as a closed GeoJSON polygon. */
function polygonOf(vertices: Vertex[]) {
  const first = vertices[0];
  return { type: "Polygon" as const, coordinates: [first ? [...vertices, first] : []] };
}

/** A number typed in either convention (35.5 or 35,5), or null. */
function parseCoordinate(text: string): number | null {
  const value = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(value) ? value : null;
}

/**
 * The drawing panel: start, choose the zone to redraw (or a new one), the points as a list that can be
 * typed, undo, cancel, and save. Shown to who may record zones (`can.create` of the zones' read).
 */
export function ZoneDrawer({ slug, zones, state }: { slug: string; zones: Zone[]; state: ZoneDrawingState }) {
  const { t } = useTranslation("followup");
  const change = useFollowupChange();
  const [longitude, setLongitude] = useState("");
  const [latitude, setLatitude] = useState("");
  const [typedError, setTypedError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [startDate, setStartDate] = useState("");
  const [approximate, setApproximate] = useState(true);
  const [saved, setSaved] = useState<string | null>(null);
  const { active, target, vertices, setVertices } = state;
  const redrawn = zones.find((zone) => zone.id === target) ?? null;

  const begin = () => {
    change.reset();
    setSaved(null);
    state.setTarget(null);
    setVertices([]);
    state.setActive(true);
  };
  const stop = () => {
    change.reset();
    state.setActive(false);
    setVertices([]);
    setTypedError(null);
  };
  const chooseTarget = (id: string) => {
    change.reset();
    const zone = zones.find((candidate) => candidate.id === id) ?? null;
    state.setTarget(zone?.id ?? null);
    setVertices(zone ? openRing(zone) : []);
    if (zone) setApproximate(zone.approximate);
  };
  const addTyped = (event: FormEvent) => {
    event.preventDefault();
    const lon = parseCoordinate(longitude);
    const lat = parseCoordinate(latitude);
    if (lon === null || lat === null || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      setTypedError(t("draw.badPoint"));
      return;
    }
    setTypedError(null);
    state.add([lon, lat]);
    setLongitude("");
    setLatitude("");
  };
  const edit = (index: number, axis: 0 | 1, text: string) => {
    const value = parseCoordinate(text);
    if (value === null) return;
    const current = vertices[index];
    if (!current) return;
    state.move(index, axis === 0 ? [value, current[1]] : [current[0], value]);
  };
  const save = () => {
    setSaved(null);
    const geometry = polygonOf(vertices);
    const done = (message: string) => () => {
      setSaved(message);
      state.setActive(false);
      setVertices([]);
    };
    if (redrawn)
      change.mutate(
        {
          path: apiPath("zones", redrawn.id, "shape"),
          body: { geometry, version: redrawn.version, approximate },
        },
        { onSuccess: done(t("draw.savedShape", { name: redrawn.name })) },
      );
    else
      change.mutate(
        {
          path: apiPath("processes", slug, "zones"),
          body: { name: name.trim(), geometry, approximate, startDate: startDate.trim() },
        },
        { onSuccess: done(t("draw.savedNew", { name: name.trim() })) },
      );
  };

  if (!active)
    return (
      <Stack gap="xs" className="followup-no-print">
        <Group>
          <Button variant="light" onClick={begin} data-testid="zone-draw-start">
            {t("draw.start")}
          </Button>
        </Group>
        {saved ? (
          <Text size="sm" role="status" c="green.8">
            {saved}
          </Text>
        ) : null}
      </Stack>
    );

  const enough = vertices.length >= 3;
  return (
    <Paper
      withBorder
      p="sm"
      aria-labelledby="zone-draw-title"
      className="followup-no-print"
      data-testid="zone-draw"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="zone-draw-title">
          {redrawn ? t("draw.redrawTitle", { name: redrawn.name }) : t("draw.title")}
        </Title>
        <Text size="sm">{t("draw.hint")}</Text>
        <NativeSelect
          label={t("draw.target")}
          value={target ?? ""}
          onChange={(event) => chooseTarget(event.currentTarget.value)}
          data={[
            { value: "", label: t("draw.newZone") },
            ...zones.map((zone) => ({ value: zone.id, label: t("draw.redraw", { name: zone.name }) })),
          ]}
        />
        <Title order={3} size="h5" id="zone-draw-points">
          {t("draw.points", { count: vertices.length })}
        </Title>
        {vertices.length > 0 ? (
          <Stack gap={4} component="ol" className="followup-plain-list" aria-labelledby="zone-draw-points">
            {vertices.map(([lon, lat], index) => (
              // The index is the point's identity: points are only appended, moved, or removed.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={index} component="li" gap={4} wrap="nowrap" data-testid="zone-draw-point">
                <Text size="sm" w={24} aria-hidden>
                  {index + 1}.
                </Text>
                <TextInput
                  size="xs"
                  dir="ltr"
                  aria-label={t("draw.pointLongitude", { n: index + 1 })}
                  defaultValue={String(lon)}
                  key={`lon-${lon}`}
                  onBlur={(event) => edit(index, 0, event.currentTarget.value)}
                  w={110}
                />
                <TextInput
                  size="xs"
                  dir="ltr"
                  aria-label={t("draw.pointLatitude", { n: index + 1 })}
                  defaultValue={String(lat)}
                  key={`lat-${lat}`}
                  onBlur={(event) => edit(index, 1, event.currentTarget.value)}
                  w={110}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("draw.remove", { n: index + 1 })}
                  onClick={() => setVertices(vertices.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        ) : null}
        <form onSubmit={addTyped} aria-label={t("draw.addTitle")}>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              size="xs"
              dir="ltr"
              label={t("draw.longitude")}
              value={longitude}
              onChange={(event) => setLongitude(event.currentTarget.value)}
              placeholder="36.63"
              w={110}
            />
            <TextInput
              size="xs"
              dir="ltr"
              label={t("draw.latitude")}
              value={latitude}
              onChange={(event) => setLatitude(event.currentTarget.value)}
              placeholder="35.93"
              w={110}
            />
            <Button size="xs" type="submit" variant="default">
              {t("draw.add")}
            </Button>
          </Group>
          {typedError ? (
            <Text size="xs" c="red.8" role="alert">
              {typedError}
            </Text>
          ) : null}
        </form>
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="default"
            onClick={() => setVertices(vertices.slice(0, -1))}
            disabled={vertices.length === 0}
          >
            {t("draw.undo")}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={stop}>
            {t("draw.cancel")}
          </Button>
        </Group>
        {redrawn ? null : (
          <Group gap="xs" grow wrap="wrap">
            <TextInput
              size="xs"
              label={t("draw.name")}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              required
            />
            <TextInput
              size="xs"
              dir="ltr"
              label={t("draw.startDate")}
              value={startDate}
              onChange={(event) => setStartDate(event.currentTarget.value)}
              placeholder="2017-05-04"
              required
            />
          </Group>
        )}
        <Checkbox
          size="xs"
          label={t("draw.approximate")}
          checked={approximate}
          onChange={(event) => setApproximate(event.currentTarget.checked)}
        />
        {!enough ? <Text size="xs">{t("draw.needThree")}</Text> : null}
        {change.error ? (
          <Alert color="red" role="alert" data-testid="zone-draw-error">
            {describeError(t, change.error)}
          </Alert>
        ) : null}
        <Group>
          <Button
            size="xs"
            onClick={save}
            loading={change.isPending}
            disabled={!enough || (!redrawn && (!name.trim() || !startDate.trim()))}
            data-testid="zone-draw-save"
          >
            {redrawn ? t("draw.saveShape") : t("draw.saveNew")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
