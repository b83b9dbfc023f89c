import { ActionIcon, Button, Menu } from "@mantine/core";
import { IconDownload, IconPrinter, IconQuote } from "@tabler/icons-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { apiPath } from "../queries.ts";

/** One file or feed the menu offers. */
export type ExportLink = { label: string; href: string; download?: boolean };
export type ExportGroup = { label: string; links: ExportLink[] };

const exportLanguages = ["en", "ru", "ar"];

/** The language exports give names in: the reader's, where the record can. */
export function useExportLanguage(): string {
  const { i18n } = useTranslation();
  return exportLanguages.includes(i18n.language) ? i18n.language : "en";
}

/** The three citation formats of a record, fact or source, for a menu. */
export function useCiteLinks(subjectType: string, id: string): ExportLink[] {
  const { t } = useTranslation("process");
  const lang = useExportLanguage();
  return (["csl", "bibtex", "ris"] as const).map((format) => ({
    label: t(`exports.formats.${format}`),
    href: `${apiPath("cite", subjectType, id)}?format=${format}&lang=${lang}`,
    download: true,
  }));
}

/** The spreadsheets and feeds of a process, for a menu. */
export function useProcessExportGroups(slug: string): ExportGroup[] {
  const { t } = useTranslation("process");
  const lang = useExportLanguage();
  return [
    {
      label: t("exports.spreadsheets"),
      links: (["rounds", "attendance", "conflicts", "sources"] as const).map((kind) => ({
        label: t(`exports.csv.${kind}`),
        href: `${apiPath("processes", slug, "export", `${kind}.csv`)}?lang=${lang}`,
        download: true,
      })),
    },
    {
      label: t("exports.feeds"),
      links: [
        { label: t("exports.atom"), href: `${apiPath("processes", slug, "feed.atom")}?lang=${lang}` },
        { label: t("exports.ics"), href: `${apiPath("processes", slug, "rounds.ics")}?lang=${lang}` },
      ],
    },
  ];
}

/**
 * "Export / cite": a menu of the page's files, feeds and citations. Mantine's menu is a keyboard
 * menu (Enter or Space opens it, arrows move, Escape closes and returns the focus to the button).
 */
export function ExportMenu({ groups }: { groups: ExportGroup[] }) {
  const { t } = useTranslation("process");
  return (
    <Menu position="bottom-end" shadow="md" width={300} withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          leftSection={<IconDownload size={18} aria-hidden />}
          className="no-print"
          data-testid="export-menu"
        >
          {t("exports.menu")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {groups.map((group, index) => (
          <div key={group.label} role="none">
            {index > 0 ? <Menu.Divider /> : null}
            <Menu.Label>{group.label}</Menu.Label>
            {group.links.map((link) => (
              <Menu.Item
                key={link.href}
                component="a"
                href={link.href}
                {...(link.download ? { download: "" } : { target: "_blank", rel: "noopener" })}
              >
                {link.label}
              </Menu.Item>
            ))}
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** A small "cite" button beside a fact or a source, opening its three citation formats. */
export function CiteMenu({ subjectType, id, subject }: { subjectType: string; id: string; subject: string }) {
  const { t } = useTranslation("process");
  const links = useCiteLinks(subjectType, id);
  return (
    <Menu position="bottom-start" shadow="md" width={260} withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          size="sm"
          color="gray.8"
          aria-label={t("exports.citeSubject", { subject })}
          className="no-print cite-button"
        >
          <IconQuote size={14} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("exports.cite")}</Menu.Label>
        {links.map((link) => (
          <Menu.Item key={link.href} component="a" href={link.href} download="">
            {link.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * A "Print" button. While printing, the page's folded parts (the timeline as a table) are opened,
 * so the paper holds what the screen hides behind a click; they fold again afterwards.
 */
export function PrintButton() {
  const { t } = useTranslation("process");
  useEffect(() => {
    const opened: HTMLDetailsElement[] = [];
    const before = () => {
      for (const details of document.querySelectorAll<HTMLDetailsElement>("details:not([open])")) {
        details.open = true;
        opened.push(details);
      }
    };
    const after = () => {
      for (const details of opened.splice(0)) details.open = false;
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return (
    <Button
      variant="default"
      leftSection={<IconPrinter size={18} aria-hidden />}
      onClick={() => window.print()}
      className="no-print"
      data-testid="print-button"
    >
      {t("exports.print")}
    </Button>
  );
}
