// Where the map's labels go: pure geometry over GeoJSON rings, and the HTML element a label is drawn
// with. Kept apart from FollowupMap.tsx, which owns MapLibre and its layers.
type Polygon = GeoJSON.Polygon;
type Position = GeoJSON.Position;

/** A label's spot: the centre of the polygon's outer ring's vertices (good enough for compact shapes). */
export function centreOf(ring: Position[]): [number, number] {
  const points = ring.slice(0, -1);
  let longitude = 0;
  let latitude = 0;
  for (const [lon = 0, lat = 0] of points) {
    longitude += lon;
    latitude += lat;
  }
  const n = Math.max(points.length, 1);
  return [longitude / n, latitude / n];
}

/** A zone name's spot: its northernmost vertex, so the name never hides the incidents inside. */
export function northernmost(ring: Position[]): [number, number] {
  const top = ring.reduce((best, point) => ((point[1] ?? 0) > (best[1] ?? -90) ? point : best), [0, -90]);
  return [top[0] ?? 0, top[1] ?? 0];
}

/** The outer ring with the most vertices: where a governorate (maybe several polygons) is labelled. */
export function largestRing(
  geometry: Polygon | { type: "MultiPolygon"; coordinates: Position[][][] },
): Position[] {
  const rings =
    geometry.type === "Polygon"
      ? [geometry.coordinates[0] ?? []]
      : geometry.coordinates.map((p) => p[0] ?? []);
  return rings.reduce((best, ring) => (ring.length > best.length ? ring : best), [] as Position[]);
}

/** A map label as an HTML marker (symbol text would need a glyph server); hidden from screen readers, which read the lists. */
export function labelElement(text: string, className: string): HTMLElement {
  const element = document.createElement("div");
  element.className = className;
  element.textContent = text;
  element.setAttribute("aria-hidden", "true");
  return element;
}
