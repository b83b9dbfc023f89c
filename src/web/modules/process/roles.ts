import type { Attendance, ProcessRole } from "./types.ts";

/**
 * One colour per role, shared by the attendance matrix, its legend and the role badges, chosen to stay
 * apart for the common colour-vision deficiencies and to carry white text (contrast ≥ 4.5:1).
 */
export const roleColors: Record<ProcessRole, string> = {
  guarantor: "#364fc7",
  host: "#0b7285",
  party: "#2b8a3e",
  observer: "#d9480f",
  international_organization: "#862e9c",
  intermediary: "#a61e4d",
  monitor: "#495057",
};

/** The order roles are listed in: the convenors first, then the sides, then those who watch. */
export const roleOrder: readonly ProcessRole[] = [
  "guarantor",
  "host",
  "party",
  "observer",
  "international_organization",
  "intermediary",
  "monitor",
];

export function isProcessRole(value: string | null | undefined): value is ProcessRole {
  return roleOrder.includes(value as ProcessRole);
}

export function roleColor(role: string | null | undefined): string {
  return isProcessRole(role) ? roleColors[role] : "#868e96";
}

export function roleRank(role: string | null | undefined): number {
  const index = roleOrder.indexOf(role as ProcessRole);
  return index === -1 ? roleOrder.length : index;
}

/** The mark an attendance other than "attended" carries in a cell, so it never rests on colour alone. */
export const attendanceMarks: Record<Attendance, string> = {
  attended: "",
  absent: "✕",
  boycotted: "⊘",
  declined: "–",
  unknown: "?",
};
