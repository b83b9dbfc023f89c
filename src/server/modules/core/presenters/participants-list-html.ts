// The round's list of participants as a printable HTML page in English, Russian or Arabic.
import type { ParticipantsList } from "../../../../contracts/process.ts";

/** The languages the printable list is available in. */
export const printLanguages = ["en", "ru", "ar"] as const;
export type PrintLanguage = (typeof printLanguages)[number];

const english = {
  title: "List of participants",
  dates: "Dates",
  place: "Place",
  participant: "Participant",
  role: "Role",
  head: "Head of delegation",
  members: "Members of the delegation",
  none: "No delegation has been accredited yet.",
  host: "Host",
  guarantor: "Guarantor",
  party: "Party",
  observer: "Observer",
  international_organization: "International organization",
  intermediary: "Neutral intermediary",
  monitor: "Monitor",
};

const labels: Record<PrintLanguage, Record<keyof typeof english, string>> = {
  en: english,
  ru: {
    title: "Список участников",
    dates: "Даты",
    place: "Место",
    participant: "Участник",
    role: "Роль",
    head: "Глава делегации",
    members: "Состав делегации",
    none: "Ни одна делегация ещё не аккредитована.",
    host: "Принимающая сторона",
    guarantor: "Гарант",
    party: "Сторона",
    observer: "Наблюдатель",
    international_organization: "Международная организация",
    intermediary: "Нейтральный посредник",
    monitor: "Мониторинг",
  },
  ar: {
    title: "قائمة المشاركين",
    dates: "التواريخ",
    place: "المكان",
    participant: "المشارك",
    role: "الصفة",
    head: "رئيس الوفد",
    members: "أعضاء الوفد",
    none: "لم يُعتمد أي وفد بعد.",
    host: "الدولة المضيفة",
    guarantor: "دولة ضامنة",
    party: "طرف",
    observer: "مراقب",
    international_organization: "منظمة دولية",
    intermediary: "وسيط محايد",
    monitor: "مراقبة",
  },
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function localized(names: { en: string; ru?: string; ar?: string }, lang: PrintLanguage): string {
  return names[lang] ?? names.en;
}

function dateRange(start: string | null, end: string | null, lang: PrintLanguage): string {
  const locale = lang === "ar" ? "ar" : lang === "ru" ? "ru-RU" : "en-GB";
  const format = (value: string) =>
    new Date(`${value}T00:00:00Z`).toLocaleDateString(locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
  if (!start) return "—";
  return end && end !== start ? `${format(start)} – ${format(end)}` : format(start);
}

/** A member as a reader of this language expects: the Latin name, with the name in its own script when it differs. */
function memberName(member: { nameLatin: string; nameNative: string | null }): string {
  const native = member.nameNative && member.nameNative !== member.nameLatin ? ` (${member.nameNative})` : "";
  return escapeHtml(`${member.nameLatin}${native}`);
}

/**
 * Renders the list as a plain page for printing: the heading in the reader's language (right to left
 * for Arabic), one row per delegation with its head and members, in the list's order of precedence.
 */
export function renderParticipantsListHtml(list: ParticipantsList, lang: PrintLanguage): string {
  const t = labels[lang];
  const rows = list.entries
    .map((entry) => {
      const others = entry.members.filter((member) => !member.isHead);
      const head = entry.head
        ? `${memberName(entry.head)}${entry.head.title ? `<br><span class="title">${escapeHtml(entry.head.title)}</span>` : ""}`
        : "—";
      const members = others
        .map(
          (member) =>
            `<li>${memberName(member)}${member.title ? ` — <span class="title">${escapeHtml(member.title)}</span>` : ""}</li>`,
        )
        .join("");
      return `<tr><td class="n">${entry.position}</td><td><strong>${escapeHtml(localized(entry.participant.names, lang))}</strong></td><td>${escapeHtml(t[entry.role])}</td><td>${head}</td><td>${members ? `<ul>${members}</ul>` : ""}</td></tr>`;
    })
    .join("\n");
  const place = [list.city, list.venue].filter(Boolean).join(", ") || "—";
  return `<!doctype html>
<html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${t.title} — ${localized(list.roundNames, lang)}`)}</title>
<style>
  body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 2cm; color: #000; }
  h1 { font-size: 16pt; margin: 0 0 0.2em; }
  h2 { font-size: 13pt; font-weight: normal; margin: 0 0 1em; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0 0 1.5em; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
  th, td { border: 1px solid #444; padding: 0.35em 0.5em; vertical-align: top; text-align: start; }
  th { background: #eee; }
  td.n { width: 2em; text-align: center; }
  ul { margin: 0; padding-inline-start: 1.2em; }
  .title { color: #333; font-size: 9.5pt; }
  @media print { body { margin: 0; } tr { page-break-inside: avoid; } th { background: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(t.title)}</h1>
<h2>${escapeHtml(localized(list.processNames, lang))} — ${escapeHtml(localized(list.roundNames, lang))}</h2>
<dl>
<dt>${escapeHtml(t.dates)}</dt><dd>${escapeHtml(dateRange(list.startDate, list.endDate, lang))}</dd>
<dt>${escapeHtml(t.place)}</dt><dd>${escapeHtml(place)}</dd>
</dl>
${
  list.entries.length === 0
    ? `<p>${escapeHtml(t.none)}</p>`
    : `<table>
<thead><tr><th>#</th><th>${escapeHtml(t.participant)}</th><th>${escapeHtml(t.role)}</th><th>${escapeHtml(t.head)}</th><th>${escapeHtml(t.members)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
</body>
</html>
`;
}
