import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ModuleSection, useModules } from "../../shell/ModuleSlots.tsx";
import { NotFoundPage } from "../../shell/pages/NotFoundPage.tsx";
import { useSession } from "../../shell/session.ts";
import { localName } from "./forms.ts";
import { Workspace } from "./Workspace.tsx";

/**
 * /secretariat/:processSlug/:section — one section of the workspace, whichever module gives it
 * (`/secretariat/:processSlug` is the first, whose path is ""). An address no section answers is
 * "not found".
 */
export function WorkspaceSectionPage() {
  const { t, i18n } = useTranslation();
  const { section: path = "" } = useParams();
  const { account } = useSession();
  const section = useModules()
    .sections("workspace")
    .find((candidate) => candidate.nav.path === path);
  if (!section) return <NotFoundPage />;
  const { title } = section;
  return (
    <Workspace
      title={title ? (process) => t(title, { process: localName(process.names, i18n.language) }) : undefined}
    >
      {(process) =>
        !section.visible || section.visible({ process }, account) ? (
          <ModuleSection section={section} context={{ process }} />
        ) : (
          <Text c="dimmed">{t("shell:notFound.text")}</Text>
        )
      }
    </Workspace>
  );
}
