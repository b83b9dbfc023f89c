// The Russian and Arabic forms of the rounds' decisions on the next one and of role-change statements, keyed by the English text
// the data file gives (the same text becomes the next round's announcement where its window is known).
// Short factual statements, translated as worded: nothing added, dates and places as the English has them.

type Versions = { ru: string; ar: string };

export const nextRoundWordings: Record<string, Versions> = {
  "UN-led Geneva talks were scheduled for 23 February 2017": {
    ru: "Переговоры в Женеве под эгидой ООН были назначены на 23 февраля 2017 года",
    ar: "حُدِّد موعد محادثات جنيف بقيادة الأمم المتحدة في 23 شباط/فبراير 2017",
  },
  "Next round announced for 3-4 May (2017)": {
    ru: "Следующий раунд объявлен на 3–4 мая (2017 года)",
    ar: "أُعلن عن الجولة التالية يومي 3 و4 أيار/مايو (2017)",
  },
  "Next round announced for the last week of August 2017 (it was later pushed to mid-September)": {
    ru: "Следующий раунд объявлен на последнюю неделю августа 2017 года (позднее перенесён на середину сентября)",
    ar: "أُعلن عن الجولة التالية في الأسبوع الأخير من آب/أغسطس 2017 (ثم أُرجئت إلى منتصف أيلول/سبتمبر)",
  },
  "Next high-level meeting in Astana in late October 2017": {
    ru: "Следующая встреча на высоком уровне — в Астане в конце октября 2017 года",
    ar: "الاجتماع الرفيع المستوى التالي في أستانا أواخر تشرين الأول/أكتوبر 2017",
  },
  "Next high-level meeting in Astana in the second half of December 2017": {
    ru: "Следующая встреча на высоком уровне — в Астане во второй половине декабря 2017 года",
    ar: "الاجتماع الرفيع المستوى التالي في أستانا في النصف الثاني من كانون الأول/ديسمبر 2017",
  },
  "Astana-9 announced for mid/second half of February 2018 (it did not take place then)": {
    ru: "«Астана-9» объявлена на середину или вторую половину февраля 2018 года (тогда она не состоялась)",
    ar: "أُعلن عن «أستانا 9» في منتصف شباط/فبراير 2018 أو نصفه الثاني (ولم يُعقد حينها)",
  },
  "10th meeting: Sochi, July 2018": {
    ru: "10-я встреча: Сочи, июль 2018 года",
    ar: "الاجتماع العاشر: سوتشي، تموز/يوليو 2018",
  },
  "Guarantors agreed to meet in November, location unspecified": {
    ru: "Гаранты договорились встретиться в ноябре; место не указано",
    ar: "اتفق الضامنون على الاجتماع في تشرين الثاني/نوفمبر، من دون تحديد المكان",
  },
  "12th high-level meeting decided for February (2019) in Astana": {
    ru: "12-я встреча на высоком уровне назначена на февраль (2019 года) в Астане",
    ar: "تقرّر عقد الاجتماع الرفيع المستوى الثاني عشر في شباط/فبراير (2019) في أستانا",
  },
  "Next meeting in Nur-Sultan in October 2019 (actually held 10-11 December)": {
    ru: "Следующая встреча — в Нур-Султане в октябре 2019 года (фактически прошла 10–11 декабря)",
    ar: "الاجتماع التالي في نور سلطان في تشرين الأول/أكتوبر 2019 (عُقد فعليًا يومي 10 و11 كانون الأول/ديسمبر)",
  },
  "The next (15th) meeting was scheduled for March 2020 in Nur-Sultan but was repeatedly delayed by the COVID-19 pandemic":
    {
      ru: "Следующая (15-я) встреча была назначена на март 2020 года в Нур-Султане, но неоднократно откладывалась из-за пандемии COVID-19",
      ar: "كان الاجتماع التالي (الخامس عشر) مقررًا في آذار/مارس 2020 في نور سلطان، لكنه تأجّل مرارًا بسبب جائحة كوفيد-19",
    },
  "17th meeting in Nur-Sultan before end of 2021": {
    ru: "17-я встреча — в Нур-Султане до конца 2021 года",
    ar: "الاجتماع السابع عشر في نور سلطان قبل نهاية عام 2021",
  },
  "21st meeting in second half of 2023 (held January 2024)": {
    ru: "21-я встреча — во второй половине 2023 года (прошла в январе 2024 года)",
    ar: "الاجتماع الحادي والعشرون في النصف الثاني من عام 2023 (عُقد في كانون الثاني/يناير 2024)",
  },
  "22nd meeting in Astana in second half of 2024": {
    ru: "22-я встреча — в Астане во второй половине 2024 года",
    ar: "الاجتماع الثاني والعشرون في أستانا في النصف الثاني من عام 2024",
  },
};

/**
 * The statements of the United States' observer status changes (the participant page's role lines),
 * keyed by the English statement the data file's facts make.
 */
export const roleChangeStatements: Record<string, Versions> = {
  "State Department accepted Kazakhstan's invitation to observe; US Embassy in Astana represented the US": {
    ru: "Государственный департамент принял приглашение Казахстана участвовать в качестве наблюдателя; США представляло посольство США в Астане",
    ar: "قبلت وزارة الخارجية الأمريكية دعوة كازاخستان للمشاركة بصفة مراقب؛ ومثّلت السفارة الأمريكية في أستانا الولايات المتحدة",
  },
  "US Embassy in Astana represented the US at the 14 March talks": {
    ru: "На переговорах 14 марта США представляло посольство США в Астане",
    ar: "مثّلت السفارة الأمريكية في أستانا الولايات المتحدة في محادثات 14 آذار/مارس",
  },
  "First US representation above ambassador level": {
    ru: "Впервые США были представлены на уровне выше посольского",
    ar: "أول تمثيل للولايات المتحدة فوق مستوى السفير",
  },
  "Kazakh FM expected a high-ranking US observer; Stuart Jones named": {
    ru: "Министр иностранных дел Казахстана ожидал высокопоставленного наблюдателя от США; назван Стюарт Джонс",
    ar: "توقّع وزير الخارجية الكازاخستاني مراقبًا أمريكيًا رفيع المستوى؛ وسُمّي ستيوارت جونز",
  },
  "Satterfield described as the highest-level US delegate so far": {
    ru: "Саттерфилд назван самым высокопоставленным представителем США на тот момент",
    ar: "وُصف ساترفيلد بأنه أرفع مندوب أمريكي مستوى حتى ذلك الحين",
  },
  "Satterfield arrived as the US observer": {
    ru: "Саттерфилд прибыл в качестве наблюдателя от США",
    ar: "وصل ساترفيلد بصفته المراقب الأمريكي",
  },
  "Kazakh FM: the US would not take part; only UN and Jordan invited as observers": {
    ru: "МИД Казахстана: США участвовать не будут; наблюдателями приглашены только ООН и Иордания",
    ar: "وزارة الخارجية الكازاخستانية: لن تشارك الولايات المتحدة؛ ودُعيت الأمم المتحدة والأردن فقط بصفة مراقبين",
  },
  "US representatives will not attend the 13th meeting": {
    ru: "Представители США не будут присутствовать на 13-й встрече",
    ar: "لن يحضر ممثلو الولايات المتحدة الاجتماع الثالث عشر",
  },
  "US invited but refrained from sending a delegation Russian media reported this as the first time a US delegation had not taken part in the Astana talks":
    {
      ru: "США были приглашены, но воздержались от направления делегации. Российские СМИ сообщили, что делегация США впервые не приняла участия в астанинских переговорах",
      ar: "دُعيت الولايات المتحدة لكنها امتنعت عن إرسال وفد. وأفادت وسائل إعلام روسية بأنها المرة الأولى التي لا يشارك فيها وفد أمريكي في محادثات أستانا",
    },
  "Lavrentiev regretted US colleagues 'distanced themselves' from the 10th meeting": {
    ru: "Лаврентьев выразил сожаление, что американские коллеги «дистанцировались» от 10-й встречи",
    ar: "أبدى لافرنتييف أسفه لأن الزملاء الأمريكيين «نأوا بأنفسهم» عن الاجتماع العاشر",
  },
};
