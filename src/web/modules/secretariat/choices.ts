// The lists of choices several forms offer, written once so they read and sort the same everywhere.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { localName } from "./forms.ts";
import { useParticipants } from "./queries.ts";
import { processRoles } from "./types.ts";

/** The participants as choices, in the reader's language and alphabet, and each participant by id. */
export function useParticipantOptions() {
  const { i18n } = useTranslation();
  const participants = useParticipants();
  const items = participants.data?.items ?? [];
  const options = items
    .map((participant) => ({ value: participant.id, label: localName(participant.names, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return { options, byId: new Map(items.map((item) => [item.id, item])) };
}

/** The roles as choices; the host secretariat's role only where it can be given (`withHost`). */
export const roleOptions = (t: TFunction, withHost = true) =>
  processRoles
    .filter((role) => withHost || role !== "host")
    .map((role) => ({ value: role, label: t(`secretariat:role.${role}`) }));
