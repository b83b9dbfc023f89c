// The map itself: MapLibre with a blank style (a background colour) and Syria's boundaries bundled as
// GeoJSON, so it draws with no tile server and no internet. Names are HTML markers, not symbol layers,
// because symbol text needs a glyph server. Only this file imports MapLibre, and only the map page
// imports this file, so the library stays out of every other page's download.
import "maplibre-gl/dist/maplibre-gl.css";
import {
  type GeoJSONSource,
  type MapLayerMouseEvent,
  type MapLayerTouchEvent,
  Map as MapLibre,
  Marker,
  type StyleSpecification,
  setWorkerUrl,
} from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useRef, useState } from "react";
import type { ZoneStatus } from "../../../contracts/followup.ts";
import { colourOfEventType, zoneStatusColours } from "./colours.ts";
import boundaries from "./geo/syria.json" with { type: "json" };
import { centreOf, labelElement, largestRing, northernmost } from "./map-labels.ts";
import type { Drawing } from "./ZoneDrawer.tsx";

setWorkerUrl(workerUrl);

// GeoJSON's types, as MapLibre's own declarations bring them (the global `GeoJSON` namespace).
type FeatureCollection = GeoJSON.FeatureCollection;
type Polygon = GeoJSON.Polygon;

export const boundariesAttribution = boundaries.attribution;

export type MapZone = {
  id: string;
  label: string;
  status: ZoneStatus;
  geometry: Polygon;
  approximate: boolean;
  /** Drawn faintly: another zone is chosen (`?zone=`). */
  muted?: boolean;
};
export type MapIncident = {
  id: string;
  longitude: number;
  latitude: number;
  eventType: string;
  verified: boolean;
  /** A place the server rounded (the public's): drawn larger and translucent, as an area, not a spot. */
  coarse?: boolean;
};

/** Syria with a margin: the view the map opens on. */
const syriaBounds: [number, number, number, number] = [35.4, 32.2, 42.6, 37.5];

const style: StyleSpecification = {
  version: 8,
  sources: { boundaries: { type: "geojson", data: boundaries as unknown as FeatureCollection } },
  layers: [
    { id: "sea", type: "background", paint: { "background-color": "#dbe9f4" } },
    {
      id: "neighbours",
      type: "fill",
      source: "boundaries",
      filter: ["==", ["get", "kind"], "neighbour"],
      paint: { "fill-color": "#eceae4", "fill-outline-color": "#b8b5ab" },
    },
    {
      id: "syria",
      type: "fill",
      source: "boundaries",
      filter: ["==", ["get", "kind"], "country"],
      paint: { "fill-color": "#fbfaf7" },
    },
    {
      id: "governorates",
      type: "line",
      source: "boundaries",
      filter: ["==", ["get", "kind"], "governorate"],
      paint: { "line-color": "#8c8a82", "line-width": 0.8, "line-dasharray": [3, 2] },
    },
    {
      id: "syria-border",
      type: "line",
      source: "boundaries",
      filter: ["==", ["get", "kind"], "country"],
      paint: { "line-color": "#45443f", "line-width": 1.6 },
    },
  ],
};

const empty: FeatureCollection = { type: "FeatureCollection", features: [] };

/**
 * Draws the zones (filled by their status on the chosen day, dashed where approximate) and the
 * incidents (coloured by type; filled when verified, hollow otherwise). Selecting a point calls
 * `onSelect`; the page shows its summary. Governorate names come in the page's language from
 * `governorateName`. Reports `false` through `onUnavailable` when the browser cannot draw WebGL.
 */
export function FollowupMap({
  zones,
  incidents,
  selectedId,
  onSelect,
  governorateName,
  label,
  onUnavailable,
  drawing = null,
}: {
  zones: MapZone[];
  incidents: MapIncident[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  governorateName: (id: string, name: string) => string;
  label: string;
  onUnavailable: () => void;
  /** A zone being drawn: a click adds a point, a point dragged moves. */
  drawing?: Drawing | null;
}) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const [ready, setReady] = useState(false);
  const select = useRef(onSelect);
  select.current = onSelect;
  const unavailable = useRef(onUnavailable);
  unavailable.current = onUnavailable;
  const draw = useRef(drawing);
  draw.current = drawing;

  // The map is made once per mount; its data and label are set by the effects below.
  useEffect(() => {
    if (!container.current) return;
    let created: MapLibre;
    try {
      created = new MapLibre({
        container: container.current,
        style,
        bounds: syriaBounds,
        attributionControl: { compact: false, customAttribution: boundaries.attribution },
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
      });
    } catch {
      unavailable.current();
      return;
    }
    created.on("load", () => {
      created.addSource("zones", { type: "geojson", data: empty });
      created.addSource("incidents", { type: "geojson", data: empty });
      created.addLayer({
        id: "zones-fill",
        type: "fill",
        source: "zones",
        paint: { "fill-color": ["get", "colour"], "fill-opacity": ["case", ["get", "muted"], 0.08, 0.28] },
      });
      created.addLayer({
        id: "zones-edge",
        type: "line",
        source: "zones",
        filter: ["!", ["get", "approximate"]],
        paint: { "line-color": ["get", "colour"], "line-width": 2 },
      });
      created.addLayer({
        id: "zones-edge-approximate",
        type: "line",
        source: "zones",
        filter: ["get", "approximate"],
        paint: { "line-color": ["get", "colour"], "line-width": 2, "line-dasharray": [2, 1.5] },
      });
      created.addLayer({
        id: "incidents",
        type: "circle",
        source: "incidents",
        paint: {
          "circle-radius": ["case", ["get", "selected"], 9, ["get", "coarse"], 8, 6],
          "circle-opacity": ["case", ["get", "coarse"], 0.6, 1],
          "circle-color": ["case", ["get", "verified"], ["get", "colour"], "#ffffff"],
          "circle-stroke-color": ["case", ["get", "selected"], "#000000", ["get", "colour"]],
          "circle-stroke-width": ["case", ["get", "selected"], 3, 2],
        },
      });
      created.addSource("draft", { type: "geojson", data: empty });
      created.addLayer({
        id: "draft-fill",
        type: "fill",
        source: "draft",
        filter: ["==", ["geometry-type"], "Polygon"],
        paint: { "fill-color": "#1c7ed6", "fill-opacity": 0.15 },
      });
      created.addLayer({
        id: "draft-line",
        type: "line",
        source: "draft",
        filter: ["!=", ["geometry-type"], "Point"],
        paint: { "line-color": "#1c7ed6", "line-width": 2 },
      });
      created.addLayer({
        id: "draft-vertices",
        type: "circle",
        source: "draft",
        filter: ["==", ["geometry-type"], "Point"],
        paint: {
          "circle-radius": 7,
          "circle-color": "#ffffff",
          "circle-stroke-color": "#1c7ed6",
          "circle-stroke-width": 2,
        },
      });
      created.on("click", "incidents", (event: MapLayerMouseEvent) => {
        if (draw.current) return;
        const id = event.features?.[0]?.properties?.id;
        if (typeof id === "string") select.current(id);
      });
      // Drawing: a click on the map adds a point; a point pressed and dragged moves (mouse or touch).
      let dragged: number | null = null;
      created.on("click", (event) => {
        const drawingNow = draw.current;
        if (!drawingNow) return;
        const onVertex = created.queryRenderedFeatures(event.point, { layers: ["draft-vertices"] });
        if (onVertex.length > 0) return;
        drawingNow.add([event.lngLat.lng, event.lngLat.lat]);
      });
      const grab = (event: MapLayerMouseEvent | MapLayerTouchEvent) => {
        if (!draw.current) return;
        const index = event.features?.[0]?.properties?.index;
        if (typeof index !== "number") return;
        event.preventDefault();
        dragged = index;
        created.getCanvas().style.cursor = "grabbing";
      };
      const drag = (event: { lngLat: { lng: number; lat: number } }) => {
        if (dragged === null || !draw.current) return;
        draw.current.move(dragged, [event.lngLat.lng, event.lngLat.lat]);
      };
      const release = () => {
        if (dragged === null) return;
        dragged = null;
        created.getCanvas().style.cursor = "";
      };
      created.on("mousedown", "draft-vertices", grab);
      created.on("touchstart", "draft-vertices", grab);
      created.on("mousemove", drag);
      created.on("touchmove", drag);
      created.on("mouseup", release);
      created.on("touchend", release);
      created.on("mouseenter", "draft-vertices", () => {
        created.getCanvas().style.cursor = "move";
      });
      created.on("mouseleave", "draft-vertices", () => {
        if (dragged === null) created.getCanvas().style.cursor = draw.current ? "crosshair" : "";
      });
      created.on("mouseenter", "incidents", () => {
        created.getCanvas().style.cursor = "pointer";
      });
      created.on("mouseleave", "incidents", () => {
        created.getCanvas().style.cursor = "";
      });
      setReady(true);
    });
    created.on("error", (event) => {
      if (String(event.error?.message ?? "").includes("WebGL")) unavailable.current();
    });
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    map.current?.getCanvas().setAttribute("aria-label", label);
  }, [label]);

  // Governorate names in the page's language, as HTML (no glyph server).
  useEffect(() => {
    const current = map.current;
    if (!current) return;
    const markers = boundaries.features
      .filter((feature) => feature.properties.kind === "governorate" && feature.properties.id !== "SY")
      .map((feature) =>
        new Marker({
          element: labelElement(
            governorateName(feature.properties.id ?? "", feature.properties.name),
            "followup-map-governorate",
          ),
        })
          .setLngLat(centreOf(largestRing(feature.geometry as Polygon)))
          .addTo(current),
      );
    return () => {
      for (const marker of markers) marker.remove();
    };
  }, [governorateName]);

  useEffect(() => {
    const current = map.current;
    if (!current || !ready) return;
    (current.getSource("zones") as GeoJSONSource | undefined)?.setData({
      type: "FeatureCollection",
      features: zones.map((zone) => ({
        type: "Feature",
        properties: {
          id: zone.id,
          colour: zoneStatusColours[zone.status],
          approximate: zone.approximate,
          muted: Boolean(zone.muted),
        },
        geometry: zone.geometry,
      })),
    });
    // A zone's name sits above its northernmost point, so it never hides the incidents inside it.
    const markers = zones.map((zone) =>
      new Marker({ element: labelElement(zone.label, "followup-map-zone"), anchor: "bottom" })
        .setLngLat(northernmost(zone.geometry.coordinates[0] ?? []))
        .addTo(current),
    );
    return () => {
      for (const marker of markers) marker.remove();
    };
  }, [zones, ready]);

  useEffect(() => {
    const current = map.current;
    if (!current || !ready) return;
    (current.getSource("incidents") as GeoJSONSource | undefined)?.setData({
      type: "FeatureCollection",
      features: incidents.map((incident) => ({
        type: "Feature",
        properties: {
          id: incident.id,
          colour: colourOfEventType(incident.eventType),
          verified: incident.verified,
          selected: incident.id === selectedId,
          coarse: Boolean(incident.coarse),
        },
        geometry: { type: "Point", coordinates: [incident.longitude, incident.latitude] },
      })),
    });
  }, [incidents, selectedId, ready]);

  // The outline being drawn: its points (numbered, for dragging), its edges, and its area once closed.
  useEffect(() => {
    const current = map.current;
    if (!current || !ready) return;
    const vertices = drawing?.vertices ?? [];
    const first = vertices[0];
    const features: GeoJSON.Feature[] = vertices.map((vertex, index) => ({
      type: "Feature",
      properties: { index },
      geometry: { type: "Point", coordinates: vertex },
    }));
    if (vertices.length >= 3 && first)
      features.unshift({
        type: "Feature",
        properties: {},
        geometry: { type: "Polygon", coordinates: [[...vertices, first]] },
      });
    else if (vertices.length === 2)
      features.unshift({
        type: "Feature",
        properties: {},
        geometry: { type: "LineString", coordinates: vertices },
      });
    (current.getSource("draft") as GeoJSONSource | undefined)?.setData({
      type: "FeatureCollection",
      features,
    });
    current.getCanvas().style.cursor = drawing ? "crosshair" : "";
  }, [drawing, ready]);

  // The selected incident is brought into view when chosen from the list.
  useEffect(() => {
    const current = map.current;
    const chosen = incidents.find((incident) => incident.id === selectedId);
    if (!current || !ready || !chosen) return;
    if (!current.getBounds().contains([chosen.longitude, chosen.latitude]))
      current.easeTo({ center: [chosen.longitude, chosen.latitude] });
  }, [selectedId, incidents, ready]);

  return <div ref={container} className="followup-map" data-testid="followup-map" data-ready={ready} />;
}
