import { Button, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CompilationView } from "../../../../contracts/texts.ts";

// The document page's "Export" menu: the compilation or the clean text in Word, PDF or plain text, the
// adopted text in Akoma Ntoso, and each bracketed paragraph's options in Word.

const exportUrl = (id: string, query: string) => `/api/texts/${encodeURIComponent(id)}/export?${query}`;

/** Links to every export of the text the reader may download (the server filters them by tier, as the page). */
export function ExportMenu({ view }: { view: Pick<CompilationView, "document" | "paragraphs"> }) {
  const { t } = useTranslation("textsIo");
  const { document } = view;
  const bracketed = view.paragraphs.filter((p) => p.segments.some((segment) => segment.kind === "bracket"));
  const item = (href: string, label: string) => (
    <Menu.Item key={href} component="a" href={href} download>
      {label}
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" data-testid="export-menu">
          {t("export.menu")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("export.compilation")}</Menu.Label>
        {item(exportUrl(document.id, "format=docx&view=compilation"), t("export.docx"))}
        {item(exportUrl(document.id, "format=pdf&view=compilation"), t("export.pdf"))}
        {item(exportUrl(document.id, "format=txt&view=compilation"), t("export.txt"))}
        <Menu.Label>{t("export.clean")}</Menu.Label>
        {item(exportUrl(document.id, "format=docx&view=clean"), t("export.docx"))}
        {item(exportUrl(document.id, "format=pdf&view=clean"), t("export.pdf"))}
        {item(exportUrl(document.id, "format=txt&view=clean"), t("export.txt"))}
        {document.status !== "draft" ? (
          <>
            <Menu.Divider />
            {item(exportUrl(document.id, "format=akn"), t("export.akn"))}
          </>
        ) : null}
        {bracketed.length > 0 ? (
          <>
            <Menu.Divider />
            <Menu.Label>{t("export.options")}</Menu.Label>
            {bracketed.map((p) =>
              item(
                `/api/texts/${encodeURIComponent(document.id)}/paragraphs/${encodeURIComponent(p.id)}/export?format=docx`,
                t("export.paragraph", { number: p.number ?? p.eId }),
              ),
            )}
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
