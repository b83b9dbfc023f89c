import { type MantineSpacing, Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A table of records: it scrolls sideways on a narrow screen rather than squeezing its columns, its
 * column headers are announced as such, and its caption (where given) says how many rows it holds.
 */
export function RecordTable({
  testId,
  minWidth,
  columns,
  caption,
  spacing = "xs",
  horizontalSpacing,
  striped = true,
  highlightOnHover,
  children,
}: {
  testId: string;
  minWidth: number;
  columns: string[];
  caption?: string;
  spacing?: MantineSpacing | number;
  horizontalSpacing?: MantineSpacing;
  striped?: boolean;
  highlightOnHover?: boolean;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        striped={striped}
        highlightOnHover={highlightOnHover}
        verticalSpacing={spacing}
        horizontalSpacing={horizontalSpacing}
        data-testid={testId}
      >
        {caption === undefined ? null : <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
