import type { ParticipantKind, ProcessRole } from "../../../../contracts/enums.ts";
import type { LocalizedNames } from "../schema.ts";

/**
 * The participants of the Astana process and how the record's free text names them. The importer
 * maps each role entry of a round ("Russia, Iran, Turkey", "Jordan; the United States was invited but
 * did not send a delegation") onto these records; a name with no pattern here is not invented, it
 * stays in the cited text.
 */
export type DemoParticipant = {
  slug: string;
  kind: ParticipantKind;
  names: LocalizedNames;
  shortName: string | null;
  aliases: string[];
  /** How the record's text names it; matched within the role entries where it can appear. */
  pattern: RegExp;
  /** Its standing role in the process. */
  role: ProcessRole;
  /** Also the neutral intermediary of exchanges (DESIGN §1). */
  intermediary?: boolean;
};

export const demoParticipants: DemoParticipant[] = [
  {
    slug: "kazakhstan",
    kind: "state",
    names: { en: "Kazakhstan", ru: "Казахстан", ar: "كازاخستان" },
    shortName: null,
    aliases: ["Kazakh MFA"],
    pattern: /\bKazakhstan\b/,
    role: "host",
  },
  {
    slug: "russia",
    kind: "state",
    names: { en: "Russia", ru: "Россия", ar: "روسيا" },
    shortName: null,
    aliases: ["Russian Federation"],
    pattern: /\bRussia\b/,
    role: "guarantor",
  },
  {
    slug: "turkiye",
    kind: "state",
    names: { en: "Türkiye", ru: "Турция", ar: "تركيا" },
    shortName: null,
    aliases: ["Turkey"],
    pattern: /\bT(urkey|ürkiye)\b/,
    role: "guarantor",
  },
  {
    slug: "iran",
    kind: "state",
    names: { en: "Iran", ru: "Иран", ar: "إيران" },
    shortName: null,
    aliases: [],
    pattern: /\bIran\b/,
    role: "guarantor",
  },
  {
    slug: "syrian-government",
    kind: "party",
    names: { en: "Syrian government", ru: "Правительство Сирии", ar: "الحكومة السورية" },
    shortName: null,
    aliases: ["Syrian government delegation", "Syrian Arab Republic"],
    pattern: /\b(government|govt)\b/i,
    role: "party",
  },
  {
    slug: "syrian-opposition",
    kind: "party",
    names: {
      en: "Syrian armed opposition",
      ru: "Вооружённая сирийская оппозиция",
      ar: "المعارضة السورية المسلحة",
    },
    shortName: null,
    aliases: ["Syrian opposition", "armed opposition"],
    pattern: /\bopposition\b/i,
    role: "party",
  },
  {
    slug: "jordan",
    kind: "state",
    names: { en: "Jordan", ru: "Иордания", ar: "الأردن" },
    shortName: null,
    aliases: [],
    pattern: /\bJordan\b/,
    role: "observer",
  },
  {
    slug: "lebanon",
    kind: "state",
    names: { en: "Lebanon", ru: "Ливан", ar: "لبنان" },
    shortName: null,
    aliases: [],
    pattern: /\bLebanon\b/,
    role: "observer",
  },
  {
    slug: "iraq",
    kind: "state",
    names: { en: "Iraq", ru: "Ирак", ar: "العراق" },
    shortName: null,
    aliases: [],
    pattern: /\bIraq\b/,
    role: "observer",
  },
  {
    slug: "united-states",
    kind: "state",
    names: { en: "United States", ru: "Соединённые Штаты", ar: "الولايات المتحدة" },
    shortName: "US",
    aliases: ["USA", "US"],
    pattern: /\b(United States|US)\b/,
    role: "observer",
  },
  {
    slug: "un",
    kind: "organization",
    names: { en: "United Nations", ru: "Организация Объединённых Наций", ar: "الأمم المتحدة" },
    shortName: "UN",
    aliases: ["UN", "Office of the UN Special Envoy for Syria"],
    pattern: /\b(UN|United Nations)\b/,
    role: "international_organization",
  },
  {
    slug: "unhcr",
    kind: "organization",
    names: {
      en: "Office of the UN High Commissioner for Refugees",
      ru: "Управление ООН по делам беженцев",
      ar: "مفوضية الأمم المتحدة لشؤون اللاجئين",
    },
    shortName: "UNHCR",
    aliases: ["UNHCR"],
    pattern: /\bUNHCR\b/,
    role: "international_organization",
  },
  {
    slug: "icrc",
    kind: "organization",
    names: {
      en: "International Committee of the Red Cross",
      ru: "Международный комитет Красного Креста",
      ar: "اللجنة الدولية للصليب الأحمر",
    },
    shortName: "ICRC",
    aliases: ["ICRC", "International Red Cross"],
    pattern: /\b(ICRC|International Committee of the Red Cross)\b/,
    role: "international_organization",
    intermediary: true,
  },
];

/** Which participants a round's role entry may name: "Russian delegation met UN…" in an observers entry is not Russia observing. */
export const candidatesByEntry: Record<string, string[]> = {
  guarantors: ["russia", "turkiye", "iran"],
  parties: ["syrian-government", "syrian-opposition"],
  observers: ["united-states", "jordan", "lebanon", "iraq", "un", "unhcr", "icrc", "kazakhstan"],
  international_organizations: ["un", "unhcr", "icrc"],
  host: ["kazakhstan", "russia"],
};

/** The role a round's entry gives, unless the participant's standing role overrides it (the host, organizations). */
export const roleOfEntry: Record<string, ProcessRole> = {
  guarantors: "guarantor",
  parties: "party",
  observers: "observer",
  international_organizations: "international_organization",
  host: "host",
};

/**
 * Attendance the text states in words a pattern cannot safely read ("de Mistura did not attend
 * personally" is not the UN's absence). Each entry is checked against the round's wording in the tests.
 */
export const statedAttendance: {
  round: number;
  slug: string;
  attendance: "absent" | "declined";
  wording: RegExp;
}[] = [
  { round: 3, slug: "syrian-opposition", attendance: "absent", wording: /opposition did NOT attend/ },
  {
    round: 9,
    slug: "united-states",
    attendance: "declined",
    wording: /invited but did not send a delegation/,
  },
  { round: 10, slug: "united-states", attendance: "absent", wording: /distanced themselves/ },
  { round: 11, slug: "united-states", attendance: "absent", wording: /United States did not participate/ },
  { round: 13, slug: "united-states", attendance: "absent", wording: /US representatives did not attend/ },
];

/** Heads of delegation are listed by delegation name ("United States (observer)", "UN"). */
export const delegationPatterns: { slug: string; pattern: RegExp }[] = [
  { slug: "syrian-government", pattern: /^Syrian government/ },
  { slug: "syrian-opposition", pattern: /^Syrian (armed )?opposition/ },
  { slug: "united-states", pattern: /^United States/ },
  { slug: "un", pattern: /^(UN|United Nations)\b/ },
  { slug: "russia", pattern: /^Russia/ },
  { slug: "turkiye", pattern: /^T(urkey|ürkiye)/ },
  { slug: "iran", pattern: /^Iran/ },
  { slug: "jordan", pattern: /^Jordan/ },
  { slug: "kazakhstan", pattern: /^Kazakhstan/ },
];

export function demoParticipantBySlug(slug: string): DemoParticipant {
  const found = demoParticipants.find((participant) => participant.slug === slug);
  if (!found) throw new Error(`no demonstration participant ${slug}`);
  return found;
}
