// The Russian and Arabic forms of the record's milestone titles and of the facts translated so far,
// keyed by the English text, so a translation only ever attaches to the text it translates (see
// core's demo/translations.ts). Facts without an entry stay English and are shown marked as such.
import { demoTextVersionRows } from "../../core/index.ts";
import { outcomeTexts } from "./outcome-translations.ts";

type Versions = { ru: string; ar: string };

/** Milestone titles of the timeline, by their English title. */
export const milestoneTitles: Record<string, Versions> = {
  "Talks in Astana proposed by Russia and Türkiye": {
    ru: "Россия и Турция предлагают переговоры в Астане",
    ar: "روسيا وتركيا تقترحان إجراء محادثات في أستانا",
  },
  "Kazakhstan declares the 20th meeting the last": {
    ru: "Казахстан объявляет 20-ю встречу последней",
    ar: "كازاخستان تعلن الاجتماع العشرين الأخير",
  },
  "Meetings resumed at the guarantors' collective request": {
    ru: "Встречи возобновлены по коллективной просьбе стран-гарантов",
    ar: "استئناف الاجتماعات بطلب جماعي من الدول الضامنة",
  },
  "The 22nd meeting concludes": { ru: "Завершение 22-й встречи", ar: "اختتام الاجتماع الثاني والعشرين" },
  "Offensive from the Idlib area": { ru: "Наступление из района Идлиба", ar: "هجوم انطلاقًا من منطقة إدلب" },
  "Foreign ministers of the format meet in Doha": {
    ru: "Министры иностранных дел формата встречаются в Дохе",
    ar: "وزراء خارجية الصيغة يجتمعون في الدوحة",
  },
  "Fall of the Assad government": { ru: "Падение правительства Асада", ar: "سقوط حكومة الأسد" },
  "No meeting in the format found after 2024": {
    ru: "Встреч в этом формате после 2024 года не найдено",
    ar: "لم يُعثر على أي اجتماع بهذه الصيغة بعد عام 2024",
  },
};

/** Facts and outcomes of the record translated so far, by their English text. */
export const factTexts: Record<string, Versions> = {
  "22nd meeting concluded in Astana": {
    ru: "22-я встреча завершилась в Астане",
    ar: "اختُتم الاجتماع الثاني والعشرون في أستانا",
  },
  "Kazakhstan proposed declaring the 20th meeting the final round of the Astana process on Syria": {
    ru: "Казахстан предложил объявить 20-ю встречу последним раундом астанинского процесса по Сирии",
    ar: "اقترحت كازاخستان إعلان الاجتماع العشرين الجولةَ الأخيرة من مسار أستانا بشأن سوريا",
  },
  "Kazakhstan had hosted 18 of the 20 meetings (two were in Sochi)": {
    ru: "Казахстан принял 18 из 20 встреч (две прошли в Сочи)",
    ar: "استضافت كازاخستان 18 من الاجتماعات العشرين (عُقد اثنان منها في سوتشي)",
  },
  "Astana-format FMs met in Doha": {
    ru: "Министры иностранных дел астанинского формата встретились в Дохе",
    ar: "اجتمع وزراء خارجية صيغة أستانا في الدوحة",
  },
  "First trilateral summit of Putin, Rouhani and Erdogan": {
    ru: "Первый трёхсторонний саммит Путина, Роухани и Эрдогана",
    ar: "القمة الثلاثية الأولى لبوتين وروحاني وأردوغان",
  },
};

/** `text_versions` rows for the record's demonstration milestones and facts. */
export function translateRecordDemoRows(rows: {
  milestones: { id: string; title: string }[];
  facts: { id: string; text: string }[];
}): ReturnType<typeof demoTextVersionRows> {
  return [
    ...rows.milestones.flatMap((row) =>
      demoTextVersionRows("milestone", row.id, "title", milestoneTitles[row.title]),
    ),
    ...rows.facts.flatMap((row) =>
      demoTextVersionRows("fact", row.id, "text", factTexts[row.text] ?? outcomeTexts[row.text]),
    ),
  ];
}
