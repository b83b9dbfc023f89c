import { useTranslation } from "react-i18next";
import { StandingDelegations } from "../core/index.ts";
import { localName } from "./forms.ts";
import { Workspace } from "./Workspace.tsx";

/**
 * /secretariat/:processSlug/delegations — who acts for each participant of the process: the accounts
 * on its standing delegation (the core module's view, inside the workspace).
 */
export function DelegationAccountsPage() {
  const { t, i18n } = useTranslation("core");
  return (
    <Workspace
      title={(process) => t("delegations.title", { process: localName(process.names, i18n.language) })}
    >
      {(process) => <StandingDelegations processRef={process.id} />}
    </Workspace>
  );
}
