import { Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page } from "../../../shell/Page.tsx";
import { ExportMenu, PrintButton, useCiteLinks, useProcessExportGroups } from "../components/ExportMenu.tsx";
import { Crumbs } from "../components/ProcessLinks.tsx";
import { RecordPending } from "../components/QueryState.tsx";
import { useLocalName } from "../format.ts";
import { useProcess } from "../queries.ts";
import { Timeline } from "./process-sections.tsx";

/**
 * The timeline of a process on a page of its own: the picture and its table, a "Print" button (the
 * print stylesheet fits the picture to the paper and opens the table) and the process's exports.
 */
export function TimelinePage() {
  const { t } = useTranslation("process");
  const { slug = "" } = useParams();
  const localName = useLocalName();
  const process = useProcess(slug);
  const exportGroups = useProcessExportGroups(slug);
  const citeLinks = useCiteLinks("process", process.data?.id ?? slug);
  if (!process.isSuccess) return <RecordPending query={process} notFoundTitle={t("process.notFoundTitle")} />;
  const name = localName(process.data.names, process.data.name);
  return (
    <Page
      title={t("exports.timelineTitle", { name })}
      actions={
        <Group gap="xs">
          <ExportMenu groups={[...exportGroups, { label: t("exports.citeThis"), links: citeLinks }]} />
          <PrintButton />
        </Group>
      }
    >
      <Crumbs
        items={[
          { label: t("processes.title"), to: "/processes" },
          { label: name, to: `/processes/${encodeURIComponent(slug)}` },
          { label: t("timeline.title") },
        ]}
      />
      <Timeline slug={slug} />
    </Page>
  );
}
