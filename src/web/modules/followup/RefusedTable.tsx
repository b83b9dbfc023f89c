import { Table } from "@mantine/core";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";

/** A value of the file inside a sentence: isolated, so it keeps its own direction in Arabic. */
export const isolate = (value: string) => `\u2068${value}\u2069`;

type Fault = { field: string; code: string; params: Record<string, string | number> };

/**
 * Why the server refused a row or a feature, in the reader's language: each fault's code worded by
 * `${prefix}.faults.<code>` with its values isolated (they keep their direction inside an Arabic
 * sentence); a report without codes (or with an unknown one) shows the server's English reasons.
 */
export function wordFaults(
  t: TFunction,
  prefix: string,
  row: { reasons: string[]; faults?: Fault[] | undefined },
  fieldName: (field: string) => string = isolate,
): string {
  if (!row.faults || row.faults.length !== row.reasons.length) return row.reasons.join("; ");
  return row.faults
    .map((fault, index) =>
      t(`${prefix}.faults.${fault.code}`, {
        ...Object.fromEntries(
          Object.entries(fault.params).map(([key, value]) => [
            key,
            typeof value === "number" ? value : isolate(value),
          ]),
        ),
        field: fieldName(fault.field),
        defaultValue: row.reasons[index],
      }),
    )
    .join("; ");
}

/** A report's refused rows or features as a table: where in the file, what it names, and why. */
export function RefusedTable(props: {
  testId: string;
  columns: [where: string, what: string, why: string];
  rows: { key: string | number; where: ReactNode; what: ReactNode; whatDir: "ltr" | "auto"; why: string }[];
}) {
  return (
    <div className="followup-table-scroll">
      <Table withTableBorder striped data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>
            {props.columns.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.where}</Table.Td>
              <Table.Td dir={row.whatDir}>{row.what}</Table.Td>
              <Table.Td>{row.why}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
