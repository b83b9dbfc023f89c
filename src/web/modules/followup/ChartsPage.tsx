import { Anchor, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { outsideColour, seriesColours } from "./colours.ts";
import { countsByMonth, monthsBetween } from "./months.ts";
import { useMonthCounts, useZones } from "./queries.ts";
import "./followup.css";

type Series = { id: string | null; name: string; colour: string };
type Row = ReturnType<typeof countsByMonth>[number];

const width = 800;
const height = 300;
const margin = { top: 12, bottom: 36, side: 40 };

/** Stacked bars, one per month, one colour per zone; mirrored for a right-to-left page. */
function StackedBars({
  rows,
  series,
  label,
  rtl,
}: {
  rows: Row[];
  series: Series[];
  label: string;
  rtl: boolean;
}) {
  const max = Math.max(1, ...rows.map((row) => row.total));
  const plotWidth = width - 2 * margin.side;
  const plotHeight = height - margin.top - margin.bottom;
  const step = plotWidth / Math.max(rows.length, 1);
  const bar = Math.min(48, Math.max(2, step * 0.7));
  const y = (value: number) => (value / max) * plotHeight;
  const x = (index: number) => {
    const left = margin.side + index * step + (step - bar) / 2;
    return rtl ? width - left - bar : left;
  };
  const labelEvery = Math.ceil(rows.length / 12);
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="followup-bar-chart" role="img" aria-label={label}>
      {ticks.map((tick) => {
        const at = margin.top + plotHeight - y(tick);
        return (
          <g key={tick}>
            <line x1={margin.side} x2={width - margin.side} y1={at} y2={at} stroke="#dee2e6" />
            <text
              x={rtl ? width - margin.side + 6 : margin.side - 6}
              y={at + 4}
              fontSize="11"
              textAnchor={rtl ? "start" : "end"}
            >
              {tick}
            </text>
          </g>
        );
      })}
      {rows.map((row, index) => {
        let base = margin.top + plotHeight;
        return (
          <g key={row.month}>
            {series.map((one) => {
              const value = row.counts.get(one.id) ?? 0;
              if (value === 0) return null;
              const h = y(value);
              base -= h;
              return (
                <rect
                  key={one.id ?? "outside"}
                  x={x(index)}
                  y={base}
                  width={bar}
                  height={h}
                  fill={one.colour}
                />
              );
            })}
            {index % labelEvery === 0 ? (
              <text x={x(index) + bar / 2} y={height - margin.bottom + 16} fontSize="11" textAnchor="middle">
                {row.month}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** Incidents per zone per month: the chart, its key, and the same counts as a table (its text alternative). */
export function ChartsPage() {
  const { slug = "" } = useParams();
  const { t, i18n } = useTranslation("followup");
  const format = useFormatters();
  const zones = useZones(slug);
  const counts = useMonthCounts(slug);
  const loaded = pageData(counts, t, t("charts.title"));
  if ("element" in loaded) return loaded.element;
  const items = loaded.data.items;
  const known = items.map((item) => item.month).sort();
  const months = known.length > 0 ? monthsBetween(known[0] ?? "", known.at(-1) ?? "") : [];
  const zoneList = zones.data?.items ?? [];
  const series: Series[] = [
    ...zoneList.map((zone, index) => ({
      id: zone.id as string | null,
      name: zone.name,
      colour: seriesColours[index % seriesColours.length] ?? outsideColour,
    })),
    { id: null, name: t("charts.outside"), colour: outsideColour },
  ];
  // A zone the reader may not see counts with the incidents outside every zone.
  const visible = new Set(series.map((one) => one.id));
  const rows = countsByMonth(
    items.map((item) => (visible.has(item.zoneId) ? item : { ...item, zoneId: null })),
    series.map((one) => one.id),
    months,
  );
  const shown = series.filter((one) => rows.some((row) => (row.counts.get(one.id) ?? 0) > 0));
  return (
    <Page
      title={t("charts.title")}
      actions={
        <Anchor component={Link} to={`/processes/${encodeURIComponent(slug)}/followup`}>
          {t("links.back")}
        </Anchor>
      }
    >
      {rows.length === 0 ? (
        <Text c="dimmed">{t("charts.none")}</Text>
      ) : (
        <Stack gap="md">
          <StackedBars
            rows={rows}
            series={shown}
            rtl={i18n.dir() === "rtl"}
            label={t("charts.chartLabel", { from: months[0], to: months.at(-1) })}
          />
          <Group gap="md" component="ul" className="followup-plain-list">
            {shown.map((one) => (
              <Group key={one.id ?? "outside"} component="li" gap={4} wrap="nowrap">
                <span
                  className="followup-swatch is-area"
                  style={{ borderColor: one.colour, background: one.colour }}
                  aria-hidden
                />
                <Text size="sm" dir="auto">
                  {one.name}
                </Text>
              </Group>
            ))}
          </Group>
          <Title order={2} size="h3" id="followup-chart-table">
            {t("charts.table")}
          </Title>
          <div className="followup-table-scroll">
            <Table
              striped
              withTableBorder
              aria-labelledby="followup-chart-table"
              data-testid="followup-chart-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("charts.month")}</Table.Th>
                  {shown.map((one) => (
                    <Table.Th scope="col" key={one.id ?? "outside"} dir="auto">
                      {one.name}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t("charts.total")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.month}>
                    <Table.Th scope="row">{row.month}</Table.Th>
                    {shown.map((one) => (
                      <Table.Td key={one.id ?? "outside"}>
                        {format.number(row.counts.get(one.id) ?? 0)}
                      </Table.Td>
                    ))}
                    <Table.Td>{format.number(row.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Stack>
      )}
    </Page>
  );
}
