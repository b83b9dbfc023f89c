import { IconTimeline, IconUsersGroup } from "@tabler/icons-react";
import type { AppRoute } from "../../shell/routes.ts";
import "./process.css";
import { AttendancePage } from "./pages/AttendancePage.tsx";
import { ConflictsPage } from "./pages/ConflictsPage.tsx";
import { DelegationPage } from "./pages/DelegationPage.tsx";
import { MeetingPage } from "./pages/MeetingPage.tsx";
import { ParticipantPage } from "./pages/ParticipantPage.tsx";
import { ParticipantsPage } from "./pages/ParticipantsPage.tsx";
import { ProcessesPage } from "./pages/ProcessesPage.tsx";
import { ProcessPage } from "./pages/ProcessPage.tsx";
import { RoundByNumberPage } from "./pages/RoundByNumberPage.tsx";
import { RoundPage } from "./pages/RoundPage.tsx";

/** The public reading pages of the process record; the server shows each reader what their tier allows. */
export const processRoutes: AppRoute[] = [
  {
    path: "/processes",
    Component: ProcessesPage,
    access: "public",
    nav: { label: "process:nav.processes", icon: IconTimeline, order: 10 },
  },
  { path: "/processes/:slug", Component: ProcessPage, access: "public" },
  { path: "/processes/:slug/attendance", Component: AttendancePage, access: "public" },
  { path: "/processes/:slug/conflicts", Component: ConflictsPage, access: "public" },
  { path: "/processes/:slug/rounds/:number", Component: RoundByNumberPage, access: "public" },
  { path: "/rounds/:id", Component: RoundPage, access: "public" },
  { path: "/round-delegations/:id", Component: DelegationPage, access: "public" },
  {
    path: "/participants",
    Component: ParticipantsPage,
    access: "public",
    nav: { label: "process:nav.participants", icon: IconUsersGroup, order: 20 },
  },
  { path: "/participants/:id", Component: ParticipantPage, access: "public" },
  { path: "/meetings/:id", Component: MeetingPage, access: "public" },
];
