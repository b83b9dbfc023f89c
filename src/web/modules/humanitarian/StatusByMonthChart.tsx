// Status changes month by month, one small chart per side: a bar per month stacked by the status reached,
// the colours named in a legend beside it (words, not colour alone), the same numbers in the table below.
import { Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type CaseCounts, type CaseStatus, caseStatuses } from "../../../contracts/humanitarian.ts";
import { monthsBetween } from "./months.ts";
import { statusColour } from "./shared.tsx";

const width = 720;
const height = 180;
const left = 36;
const right = 12;
const top = 12;
const bottom = 30;
const fill = (colour: string) => `var(--mantine-color-${colour}-6)`;

/** The legend: each status drawn, with its colour and its word. */
function Legend({ statuses }: { statuses: CaseStatus[] }) {
  const { t } = useTranslation("humanitarian");
  return (
    <Group gap="sm" wrap="wrap" component="ul" className="hum-legend" aria-label={t("pictures.legend")}>
      {statuses.map((status) => (
        <Group key={status} gap={4} component="li" wrap="nowrap">
          <span className="hum-swatch" style={{ background: fill(statusColour[status]) }} aria-hidden />
          <Text size="xs">{t(`status.${status}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** One side's status changes by month as stacked bars (time left to right, as on the exchanges' time line). */
function SideChart({ side, rows, months }: { side: string; rows: CaseCounts["byMonth"]; months: string[] }) {
  const { t } = useTranslation("humanitarian");
  const perMonth = months.map((month) => rows.filter((row) => row.month === month));
  const most = Math.max(1, ...perMonth.map((list) => list.reduce((sum, row) => sum + row.count, 0)));
  const plot = width - left - right;
  const step = plot / months.length;
  const bar = Math.min(36, step * 0.7);
  const y = (count: number) => top + (height - top - bottom) * (1 - count / most);
  const every = Math.ceil(months.length / 12);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={t("pictures.monthChart", { side, count: total, months: months.length })}
      className="hum-chart"
      style={{ direction: "ltr" }}
      data-testid="status-month-chart"
    >
      <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} stroke="currentColor" />
      <text x={left - 6} y={y(most) + 4} textAnchor="end">
        {most}
      </text>
      <text x={left - 6} y={y(0) + 4} textAnchor="end">
        0
      </text>
      {perMonth.map((list, index) => {
        const month = months[index] ?? "";
        const x = left + step * index + (step - bar) / 2;
        let base = 0;
        return (
          <g key={month}>
            {caseStatuses.map((status) => {
              const count = list.find((row) => row.status === status)?.count ?? 0;
              if (count === 0) return null;
              const from = base;
              base += count;
              return (
                <rect
                  key={status}
                  x={x}
                  width={bar}
                  y={y(base)}
                  height={y(from) - y(base)}
                  fill={fill(statusColour[status])}
                >
                  <title>{`${month}: ${t(`status.${status}`)} ${count}`}</title>
                </rect>
              );
            })}
            {index % every === 0 ? (
              <text x={x + bar / 2} y={height - 10} textAnchor="middle">
                {month}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** Every side's chart of status changes by month, with one legend of the statuses drawn. */
export function StatusByMonthChart({
  counts,
  nameOf,
}: {
  counts: CaseCounts;
  nameOf: (id: string) => string;
}) {
  const months = monthsBetween(counts.byMonth.map((row) => row.month));
  if (months.length === 0) return null;
  const sides = [...new Set(counts.byMonth.map((row) => row.delegationId))];
  const statuses = caseStatuses.filter((status) => counts.byMonth.some((row) => row.status === status));
  return (
    <Stack gap="xs">
      {sides.map((side) => (
        <Stack key={side} gap={2}>
          <Text size="sm">{nameOf(side)}</Text>
          <SideChart
            side={nameOf(side)}
            rows={counts.byMonth.filter((row) => row.delegationId === side)}
            months={months}
          />
        </Stack>
      ))}
      <Legend statuses={statuses} />
    </Stack>
  );
}
