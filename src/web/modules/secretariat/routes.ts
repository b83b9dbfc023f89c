import { IconBriefcase, IconIdBadge2 } from "@tabler/icons-react";
import type { AppRoute } from "../../shell/routes.ts";
import type { Me } from "../../shell/session.ts";
import { DelegationAccountsPage } from "./DelegationAccountsPage.tsx";
import { DelegationListPage } from "./DelegationListPage.tsx";
import { MeetingsPage } from "./MeetingsPage.tsx";
import { delegationMemberships, MyDelegationPage } from "./MyDelegationPage.tsx";
import { ParticipantsPage } from "./ParticipantsPage.tsx";
import { ProcessPage } from "./ProcessPage.tsx";
import { RoundPage } from "./RoundPage.tsx";
import { RoundsPage } from "./RoundsPage.tsx";
import { hostedProcessIds, SecretariatHome } from "./SecretariatHome.tsx";

/** The secretariat's workspace is offered to members of a host delegation (the server decides again). */
const isSecretariat = (account: Me) => hostedProcessIds(account).size > 0;
/** "My delegation" is offered to members of a delegation other than a host's. */
const isDelegationMember = (account: Me) => delegationMemberships(account).length > 0;

export const secretariatRoutes: AppRoute[] = [
  {
    path: "/secretariat",
    Component: SecretariatHome,
    access: isSecretariat,
    nav: { label: "secretariat:nav.secretariat", icon: IconBriefcase, order: 40 },
  },
  { path: "/secretariat/:processSlug", Component: RoundsPage, access: isSecretariat },
  { path: "/secretariat/:processSlug/rounds/:roundId", Component: RoundPage, access: isSecretariat },
  { path: "/secretariat/:processSlug/process", Component: ProcessPage, access: isSecretariat },
  { path: "/secretariat/:processSlug/participants", Component: ParticipantsPage, access: isSecretariat },
  { path: "/secretariat/:processSlug/meetings", Component: MeetingsPage, access: isSecretariat },
  { path: "/secretariat/:processSlug/delegations", Component: DelegationAccountsPage, access: isSecretariat },
  {
    path: "/my-delegation",
    Component: MyDelegationPage,
    access: isDelegationMember,
    nav: { label: "secretariat:nav.myDelegation", icon: IconIdBadge2, order: 45 },
  },
  { path: "/my-delegation/:roundDelegationId", Component: DelegationListPage, access: isDelegationMember },
];
