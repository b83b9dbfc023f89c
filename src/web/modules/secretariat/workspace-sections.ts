// The secretariat's own sections of its workspace, loaded together when the workspace is opened.

export { MeetingsSection } from "./MeetingsPage.tsx";
export { ParticipantsSection } from "./ParticipantsPage.tsx";
export { ProcessSection } from "./ProcessPage.tsx";
export { RoundsSection } from "./RoundsPage.tsx";
