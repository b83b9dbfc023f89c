// The Russian and Arabic forms of the demonstration record's names and texts, keyed by the English
// text the data file gives, so a translation can only ever attach to the text it translates: when the
// data changes, a text without an entry here stays English and is shown marked as such. Written from
// the data's `aliases` record and the forms Russian and Arabic official usage gives these names
// (Астана/Нур-Султан, أستانا/نور سلطان); nothing here adds content the English lacks.

import { nextRoundWordings, roleChangeStatements } from "./next-round-translations.ts";

type Versions = { ru: string; ar: string };

/** Cities, by the English name the record uses (subject `place`). */
export const placeNames: Record<string, Versions> = {
  Astana: { ru: "Астана", ar: "أستانا" },
  "Nur-Sultan": { ru: "Нур-Султан", ar: "نور سلطان" },
  Sochi: { ru: "Сочи", ar: "سوتشي" },
  Moscow: { ru: "Москва", ar: "موسكو" },
  Antalya: { ru: "Анталья", ar: "أنطاليا" },
  Ankara: { ru: "Анкара", ar: "أنقرة" },
  Tehran: { ru: "Тегеран", ar: "طهران" },
  Geneva: { ru: "Женева", ar: "جنيف" },
  "New York": { ru: "Нью-Йорк", ar: "نيويورك" },
  Doha: { ru: "Доха", ar: "الدوحة" },
  Istanbul: { ru: "Стамбул", ar: "إسطنبول" },
  Almaty: { ru: "Алматы", ar: "ألماتي" },
  Damascus: { ru: "Дамаск", ar: "دمشق" },
};

/** Venues, as the record words them. */
export const venueNames: Record<string, Versions> = {
  "Rixos hotel (Rixos President Astana)": {
    ru: "отель «Риксос» («Риксос Президент Астана»)",
    ar: "فندق ريكسوس (ريكسوس بريزيدنت أستانا)",
  },
  "Rixos President Astana hotel": {
    ru: "отель «Риксос Президент Астана»",
    ar: "فندق ريكسوس بريزيدنت أستانا",
  },
  "Rixos President Hotel (final declaration read there)": {
    ru: "отель «Риксос Президент» (там была зачитана итоговая декларация)",
    ar: "فندق ريكسوس بريزيدنت (حيث تُلي البيان الختامي)",
  },
  "Rixos hotel": { ru: "отель «Риксос»", ar: "فندق ريكسوس" },
  videoconference: { ru: "видеоконференция", ar: "عبر الاتصال المرئي" },
};

/**
 * People, by every spelling the record gives them (the `aliases` record's variants): each spelling
 * has the one Russian and Arabic form. Spellings that are notes about a spelling ("as spelled by
 * SANA") are left in English on purpose.
 */
const people: [string[], Versions][] = [
  [["Alexander Lavrentiev", "Alexander Lavrentyev"], { ru: "Александр Лаврентьев", ar: "ألكسندر لافرنتييف" }],
  [
    ["Alexander Lavrentyev and Deputy FM Sergei Vershinin"],
    {
      ru: "Александр Лаврентьев и заместитель министра иностранных дел Сергей Вершинин",
      ar: "ألكسندر لافرنتييف ونائب وزير الخارجية سيرغي فيرشينين",
    },
  ],
  [
    ["Mikhail Bogdanov and Alexander Lavrentiev"],
    { ru: "Михаил Богданов и Александр Лаврентьев", ar: "ميخائيل بوغدانوف وألكسندر لافرنتييف" },
  ],
  [["Ali Asghar Khaji", "Ali Asghar Haji (Khaji)"], { ru: "Али Асгар Хаджи", ar: "علي أصغر حاجي" }],
  [["Ayman Susan", "Ayman Sousan", "Ayman Susan (Sousan)"], { ru: "Айман Сусан", ar: "أيمن سوسان" }],
  [["Ayman Raad"], { ru: "Айман Раад", ar: "أيمن رعد" }],
  [["Bashar al-Jaafari", "Bashar Jaafari"], { ru: "Башар аль-Джаафари", ar: "بشار الجعفري" }],
  [["Bassam Sabbagh"], { ru: "Бассам Саббаг", ar: "بسام صباغ" }],
  [["Burak Akcapar"], { ru: "Бурак Акчапар", ar: "بوراك أكتشابار" }],
  [["David Satterfield"], { ru: "Дэвид Саттерфилд", ar: "ديفيد ساترفيلد" }],
  [["Geir Pedersen"], { ru: "Гейр Педерсен", ar: "غير بيدرسن" }],
  [["George Krol"], { ru: "Джордж Крол", ar: "جورج كرول" }],
  [
    ["Hossein Jaberi Ansari", "Hossein (Jaberi) Ansari"],
    { ru: "Хосейн Джабери Ансари", ar: "حسين جابري أنصاري" },
  ],
  [["Khawla Matar"], { ru: "Хаула Матар", ar: "خولة مطر" }],
  [["Mohammed Alloush"], { ru: "Мухаммед Аллуш", ar: "محمد علوش" }],
  [
    ["Mustafa Yurdakul (Ihsan Mustafa Yurdakul)"],
    { ru: "Ихсан Мустафа Юрдакул", ar: "إحسان مصطفى يورداكول" },
  ],
  [["Najat Rochdi"], { ru: "Наджат Рошди", ar: "نجاة رشدي" }],
  [["Nawaf Wasfi Tell"], { ru: "Наваф Васфи Телль", ar: "نواف وصفي التل" }],
  [["Robert Dunn"], { ru: "Роберт Данн", ar: "روبرت دن" }],
  [["Sedat Onal"], { ru: "Седат Онал", ar: "سادات أونال" }],
  [["Selcuk Unal"], { ru: "Сельчук Унал", ar: "سلجوق أونال" }],
  [["Staffan de Mistura"], { ru: "Стаффан де Мистура", ar: "ستافان دي ميستورا" }],
  [["Stuart Jones"], { ru: "Стюарт Джонс", ar: "ستيوارت جونز" }],
  [["Talgat Kaliyev"], { ru: "Талгат Калиев", ar: "طلغت كالييف" }],
  [
    [
      "Ahmed Toma",
      "Ahmad Toma",
      "Ahmad Toma (Tohme)",
      "Ahmad al-Touma",
      "Ahmed Toma (Tohmeh)",
      "Ahmet (Ahmed) Toma",
    ],
    { ru: "Ахмед Тома", ar: "أحمد طعمة" },
  ],
  [["Ahmad Berri"], { ru: "Ахмад Берри", ar: "أحمد بري" }],
  [["Ahmet Yildiz"], { ru: "Ахмет Йылдыз", ar: "أحمد يلدز" }],
];

/** People's names, by each English spelling. */
export const personNames: Record<string, Versions> = Object.fromEntries(
  people.flatMap(([spellings, versions]) => spellings.map((spelling) => [spelling, versions])),
);

/** Names of meetings that the record repeats (the summits), by their English name. */
export const meetingNames: Record<string, Versions> = {
  "Trilateral summit of the Astana guarantor presidents (Russia, Iran, Turkey)": {
    ru: "Трёхсторонний саммит президентов стран — гарантов астанинского формата (Россия, Иран, Турция)",
    ar: "القمة الثلاثية لرؤساء الدول الضامنة لصيغة أستانا (روسيا وإيران وتركيا)",
  },
  "Syrian National Dialogue Congress (Sochi Congress)": {
    ru: "Конгресс сирийского национального диалога (Сочинский конгресс)",
    ar: "مؤتمر الحوار الوطني السوري (مؤتمر سوتشي)",
  },
};

/** The process's decisions and announcements: who decided, and their texts, by the English wording. */
export const decisionTexts: Record<string, Versions> = {
  "Russia, Türkiye and Iran, with Kazakhstan as host": {
    ru: "Россия, Турция и Иран; Казахстан — принимающая сторона",
    ar: "روسيا وتركيا وإيران، وكازاخستان دولةً مضيفة",
  },
  "Kazakhstan (host), by declaration": {
    ru: "Казахстан (принимающая сторона), заявлением",
    ar: "كازاخستان (الدولة المضيفة)، بإعلان",
  },
  "Collective request of the guarantors (Russia, Türkiye, Iran)": {
    ru: "Коллективная просьба стран-гарантов (Россия, Турция, Иран)",
    ar: "طلب جماعي من الدول الضامنة (روسيا وتركيا وإيران)",
  },
  "Astana has hosted Syria peace talks launched in January 2017 at the initiative of Russia, Iran and Turkey, with the Damascus government and opposition. The first meeting opened in Astana on 2017-01-23.":
    {
      ru: "Астана принимает мирные переговоры по Сирии, начатые в январе 2017 года по инициативе России, Ирана и Турции, с участием правительства в Дамаске и оппозиции. Первая встреча открылась в Астане 23 января 2017 года.",
      ar: "تستضيف أستانا محادثات السلام السورية التي انطلقت في كانون الثاني/يناير 2017 بمبادرة من روسيا وإيران وتركيا، بمشاركة حكومة دمشق والمعارضة. افتُتح الاجتماع الأول في أستانا في 23 كانون الثاني/يناير 2017.",
    },
  "Kazakhstan proposed declaring the 20th meeting the final round of the Astana process on Syria": {
    ru: "Казахстан предложил объявить 20-ю встречу последним раундом астанинского процесса по Сирии",
    ar: "اقترحت كازاخستان إعلان الاجتماع العشرين الجولةَ الأخيرة من مسار أستانا بشأن سوريا",
  },
  "Kazakh MFA spokesman Aibek Smadiyarov announced the 21st meeting for 24-25 Jan 2024, resumed per the guarantors' collective request":
    {
      ru: "Официальный представитель МИД Казахстана Айбек Смадияров объявил о проведении 21-й встречи 24–25 января 2024 года, возобновлённой по коллективной просьбе стран-гарантов",
      ar: "أعلن المتحدث باسم وزارة الخارجية الكازاخستانية أيبيك سماديياروف عقد الاجتماع الحادي والعشرين يومي 24 و25 كانون الثاني/يناير 2024، بعد استئنافه بناءً على الطلب الجماعي للدول الضامنة",
    },
  "Kazakh MFA spokesman Aibek Smadiyarov announced the 21st meeting for 24-25 Jan 2024, resumed per the guarantors' collective request. Host's account: Kazakhstan (resumed 'in accordance with the collective request of the guarantor states'; Deputy FM Alibek Bakayev read the joint statement)":
    {
      ru: "Официальный представитель МИД Казахстана Айбек Смадияров объявил о проведении 21-й встречи 24–25 января 2024 года, возобновлённой по коллективной просьбе стран-гарантов. По сообщению принимающей стороны: Казахстан (встречи возобновлены «в соответствии с коллективной просьбой государств-гарантов»; совместное заявление зачитал заместитель министра иностранных дел Алибек Бакаев)",
      ar: "أعلن المتحدث باسم وزارة الخارجية الكازاخستانية أيبيك سماديياروف عقد الاجتماع الحادي والعشرين يومي 24 و25 كانون الثاني/يناير 2024، بعد استئنافه بناءً على الطلب الجماعي للدول الضامنة. رواية الدولة المضيفة: كازاخستان (استُؤنفت الاجتماعات «وفقًا للطلب الجماعي للدول الضامنة»؛ وتلا نائب وزير الخارجية أليبيك باكاييف البيان المشترك)",
    },
};

/** One translated text as `text_versions` rows (Russian and Arabic; the English stays on the record). */
export function versionRows(
  subjectType: string,
  subjectId: string,
  field: string,
  versions: Versions | undefined,
): {
  subjectType: string;
  subjectId: string;
  field: string;
  lang: "ru" | "ar";
  text: string;
  isDemo: true;
}[] {
  if (!versions) return [];
  return (["ru", "ar"] as const).map((lang) => ({
    subjectType,
    subjectId,
    field,
    lang,
    text: versions[lang],
    isDemo: true,
  }));
}

type TextVersionRow = ReturnType<typeof versionRows>[number];

/**
 * The Russian and Arabic forms for core's demonstration rows: meeting names go into the meetings'
 * own `names`; places, venues, people and the decisions' texts become `text_versions` rows.
 */
export function translateCoreDemoRows(rows: {
  rounds: {
    id: string;
    city?: string | null;
    venue?: string | null;
    nextRoundCity?: string | null;
    nextRoundWording?: string | null;
  }[];
  meetings: {
    id: string;
    city?: string | null;
    venue?: string | null;
    names: { en: string; ru?: string; ar?: string };
  }[];
  roundAnnouncements: { id: string; text: string; announcedCity?: string | null }[];
  processDecisions: { id: string; text: string; decidedBy: string }[];
  roleChanges: { id: string; statement?: string | null }[];
  delegationMembers: { id: string; nameLatin: string }[];
}): TextVersionRow[] {
  for (const meeting of rows.meetings) {
    const versions = meetingNames[meeting.names.en];
    if (versions) meeting.names = { ...meeting.names, ...versions };
  }
  const cities = new Set<string>();
  for (const row of [...rows.rounds, ...rows.meetings]) if (row.city) cities.add(row.city);
  for (const row of rows.rounds) if (row.nextRoundCity) cities.add(row.nextRoundCity);
  for (const row of rows.roundAnnouncements) if (row.announcedCity) cities.add(row.announcedCity);
  return [
    ...[...cities].flatMap((city) => versionRows("place", city, "name", placeNames[city])),
    ...rows.rounds.flatMap((row) =>
      row.venue ? versionRows("round", row.id, "venue", venueNames[row.venue]) : [],
    ),
    ...rows.meetings.flatMap((row) =>
      row.venue ? versionRows("meeting", row.id, "venue", venueNames[row.venue]) : [],
    ),
    ...rows.rounds.flatMap((row) =>
      row.nextRoundWording
        ? versionRows("round", row.id, "nextRoundWording", nextRoundWordings[row.nextRoundWording])
        : [],
    ),
    ...rows.roundAnnouncements.flatMap((row) =>
      versionRows(
        "round_announcement",
        row.id,
        "text",
        decisionTexts[row.text] ?? nextRoundWordings[row.text],
      ),
    ),
    ...rows.processDecisions.flatMap((row) => [
      ...versionRows("process_decision", row.id, "text", decisionTexts[row.text]),
      ...versionRows("process_decision", row.id, "decidedBy", decisionTexts[row.decidedBy]),
    ]),
    ...rows.roleChanges.flatMap((row) =>
      row.statement
        ? versionRows("role_change", row.id, "statement", roleChangeStatements[row.statement])
        : [],
    ),
    ...rows.delegationMembers.flatMap((row) =>
      versionRows("delegation_member", row.id, "name", personNames[row.nameLatin]),
    ),
  ];
}
