// Geometry without PostGIS (not in the baseline): checking a zone's polygon as people draw or import it,
// its bounding box, and whether a point lies in it (ray casting), for attributing incidents to zones.
import type { PolygonGeometry } from "../../../contracts/followup.ts";
import { BadRequest } from "../../platform/errors.ts";

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/**
 * Why a coordinate pair is not a place, or null: out of range, or with latitude and longitude the
 * wrong way round (a latitude past ±90 that would be a valid longitude, with a longitude within ±90).
 */
export function coordinateFault(longitude: number, latitude: number): string | null {
  const code = coordinateFaultCode(longitude, latitude);
  if (code === null) return null;
  return {
    not_numbers: "a coordinate is not a number",
    swapped: `latitude ${latitude} is out of range (±90): latitude and longitude look swapped`,
    latitude_range: `latitude ${latitude} is out of range (±90)`,
    longitude_range: `longitude ${longitude} is out of range (±180)`,
  }[code];
}

/** The same fault as a code, for a page to word in its reader's language. */
export function coordinateFaultCode(
  longitude: number,
  latitude: number,
): "not_numbers" | "swapped" | "latitude_range" | "longitude_range" | null {
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return "not_numbers";
  const lonOk = Math.abs(longitude) <= 180;
  const latOk = Math.abs(latitude) <= 90;
  if (lonOk && latOk) return null;
  if (!latOk && Math.abs(latitude) <= 180 && Math.abs(longitude) <= 90) return "swapped";
  if (!latOk) return "latitude_range";
  return "longitude_range";
}

type Point = [number, number];

function orientation(p: Point, q: Point, r: Point): number {
  return Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
}

/** Whether q, collinear with p and r, lies on the segment p–r. */
function onSegment(p: Point, q: Point, r: Point): boolean {
  return (
    Math.min(p[0], r[0]) <= q[0] &&
    q[0] <= Math.max(p[0], r[0]) &&
    Math.min(p[1], r[1]) <= q[1] &&
    q[1] <= Math.max(p[1], r[1])
  );
}

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  return (
    (o1 === 0 && onSegment(a, c, b)) ||
    (o2 === 0 && onSegment(a, d, b)) ||
    (o3 === 0 && onSegment(c, a, d)) ||
    (o4 === 0 && onSegment(c, b, d))
  );
}

/** The first pair of non-adjacent edges of a closed ring that touch or cross, or null. */
function selfIntersection(ring: Point[]): [number, number] | null {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i += 1) {
    for (let j = i + 1; j < edges; j += 1) {
      if (j === i + 1 || (i === 0 && j === edges - 1)) continue;
      if (segmentsCross(ring[i] as Point, ring[i + 1] as Point, ring[j] as Point, ring[j + 1] as Point))
        return [i, j];
    }
  }
  return null;
}

/**
 * Refuses a polygon a map cannot show or a point cannot be tested against, naming the fault: a ring
 * not closed or with fewer than four positions, a coordinate out of range or swapped, a ring that
 * crosses itself. GeoJSON positions are [longitude, latitude].
 */
export function checkPolygon(geometry: PolygonGeometry): void {
  (geometry.coordinates as Point[][]).forEach((ring, r) => {
    const where = `ring ${r + 1}`;
    if (ring.length < 4)
      throw new BadRequest(
        `The polygon's ${where} has ${ring.length} positions: a ring needs at least 4.`,
        { ring: r, fault: "too_few_positions", positions: ring.length },
        "invalid_polygon",
      );
    ring.forEach((position, p) => {
      const fault = coordinateFault(position[0], position[1]);
      if (fault)
        throw new BadRequest(
          `The polygon's ${where}, position ${p + 1}: ${fault}.`,
          {
            ring: r,
            position: p,
            fault: coordinateFaultCode(position[0], position[1]),
            value: `${position[0]}, ${position[1]}`,
          },
          "invalid_coordinates",
        );
    });
    const first = ring[0] as Point;
    const last = ring.at(-1) as Point;
    if (first[0] !== last[0] || first[1] !== last[1])
      throw new BadRequest(
        `The polygon's ${where} is not closed: its last position must repeat its first.`,
        { ring: r, fault: "not_closed" },
        "invalid_polygon",
      );
    if (ring.length > 5000)
      throw new BadRequest(
        `The polygon's ${where} has more than 5,000 positions: simplify it.`,
        { ring: r, fault: "too_many_positions" },
        "invalid_polygon",
      );
    const crossing = selfIntersection(ring);
    if (crossing)
      throw new BadRequest(
        `The polygon's ${where} crosses itself (edges ${crossing[0] + 1} and ${crossing[1] + 1}).`,
        { ring: r, edges: crossing, fault: "self_intersecting" },
        "self_intersecting_polygon",
      );
  });
}

/** The bounding box of a polygon's outer ring. */
export function bboxOf(geometry: PolygonGeometry): Bbox {
  const outer = geometry.coordinates[0] ?? [];
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of outer as [number, number][]) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

function inRing(ring: number[][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies in a polygon: inside its outer ring and outside every hole. */
export function containsPoint(geometry: PolygonGeometry, bbox: Bbox, lon: number, lat: number): boolean {
  if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) return false;
  const [outer, ...holes] = geometry.coordinates;
  if (!outer || !inRing(outer, lon, lat)) return false;
  return !holes.some((hole) => inRing(hole, lon, lat));
}
