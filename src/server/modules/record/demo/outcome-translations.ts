// The Russian and Arabic forms of rounds' key outcomes in the demonstration record, keyed by the
// English text the data file gives, so a translation only attaches to the text it translates. Only
// short factual statements are here, translated as worded (names as the record's people and
// participants give them in each language); an outcome without an entry stays English, marked.

type Versions = { ru: string; ar: string };

export const outcomeTexts: Record<string, Versions> = {
  "Guarantors backed armed-opposition participation in the next UN-led Geneva talks, then scheduled for 8 February 2017":
    {
      ru: "Гаранты поддержали участие вооружённой оппозиции в следующих переговорах в Женеве под эгидой ООН, назначенных тогда на 8 февраля 2017 года",
      ar: "أيّد الضامنون مشاركة المعارضة المسلحة في محادثات جنيف التالية بقيادة الأمم المتحدة، التي كانت مقررة حينها في 8 شباط/فبراير 2017",
    },
  "The final communique was signed by the three guarantors, not by the Syrian delegations": {
    ru: "Итоговое коммюнике подписали три страны-гаранта, а не сирийские делегации",
    ar: "وقّعت الدول الضامنة الثلاث البيان الختامي، لا الوفدان السوريان",
  },
  "Kurdish groups said they would not recognise the results": {
    ru: "Курдские группы заявили, что не признают итогов",
    ar: "أعلنت مجموعات كردية أنها لن تعترف بالنتائج",
  },
  "Preliminary consultations on 14 March, plenary on 15 March": {
    ru: "Предварительные консультации — 14 марта, пленарное заседание — 15 марта",
    ar: "مشاورات تمهيدية في 14 آذار/مارس، والجلسة العامة في 15 آذار/مارس",
  },
  "Guarantors adopted a joint statement reaffirming commitment to the peace process": {
    ru: "Гаранты приняли совместное заявление, подтвердив приверженность мирному процессу",
    ar: "اعتمد الضامنون بيانًا مشتركًا يؤكد من جديد التزامهم بعملية السلام",
  },
  "Russia raised the idea of a working group to exchange detainees held by the conflicting sides": {
    ru: "Россия выдвинула идею рабочей группы по обмену задержанными, удерживаемыми сторонами конфликта",
    ar: "طرحت روسيا فكرة فريق عامل لتبادل المحتجزين لدى أطراف النزاع",
  },
  "Memorandum valid six months with automatic extension (on consensus of the guarantors)": {
    ru: "Меморандум действует шесть месяцев с автоматическим продлением (при консенсусе гарантов)",
    ar: "مدة المذكرة ستة أشهر تُمدَّد تلقائيًا (بتوافق الضامنين)",
  },
  "Guarantors to form a Joint Working Group on de-escalation to delineate zone lines and resolve technical issues":
    {
      ru: "Гаранты создают Совместную рабочую группу по деэскалации для определения границ зон и решения технических вопросов",
      ar: "يشكّل الضامنون فريق عمل مشتركًا معنيًا بخفض التصعيد لترسيم حدود المناطق وحل المسائل الفنية",
    },
  "No documents on the zones signed; guarantors welcomed progress and tasked the Joint Working Group to finish technical work":
    {
      ru: "Документы по зонам не подписаны; гаранты приветствовали достигнутый прогресс и поручили Совместной рабочей группе завершить техническую работу",
      ar: "لم تُوقَّع أي وثائق بشأن المناطق؛ ورحّب الضامنون بالتقدم المحرز وكلّفوا فريق العمل المشترك إنجاز العمل الفني",
    },
  "Joint Working Group meeting scheduled in Iran (Tehran) on 1-2 August 2017": {
    ru: "Заседание Совместной рабочей группы назначено в Иране (Тегеран) на 1–2 августа 2017 года",
    ar: "تقرّر عقد اجتماع فريق العمل المشترك في إيران (طهران) يومي 1 و2 آب/أغسطس 2017",
  },
  "Zones are a temporary measure for six months, extendable": {
    ru: "Зоны — временная мера на шесть месяцев с возможностью продления",
    ar: "المناطق إجراء مؤقت مدته ستة أشهر قابلة للتمديد",
  },
  "Expansion of observers (UAE, Egypt, Iraq, China) was discussed": {
    ru: "Обсуждалось расширение числа наблюдателей (ОАЭ, Египет, Ирак, Китай)",
    ar: "نوقش توسيع دائرة المراقبين (الإمارات ومصر والعراق والصين)",
  },
  "Adopted a document on humanitarian demining (including historic/UNESCO sites)": {
    ru: "Принят документ о гуманитарном разминировании (включая исторические объекты и объекты ЮНЕСКО)",
    ar: "اعتُمدت وثيقة بشأن إزالة الألغام لأغراض إنسانية (بما في ذلك المواقع التاريخية ومواقع اليونسكو)",
  },
  "Joint statement: next (10th) meeting to be held in Sochi (Russia) in July rather than Astana": {
    ru: "Совместное заявление: следующая (10-я) встреча пройдёт в июле в Сочи (Россия), а не в Астане",
    ar: "البيان المشترك: يُعقد الاجتماع التالي (العاشر) في سوتشي (روسيا) في تموز/يوليو بدلًا من أستانا",
  },
  "At a pre-meeting in Sochi the guarantors agreed a mutual release of a limited number of detainees by both sides":
    {
      ru: "На предварительной встрече в Сочи гаранты договорились о взаимном освобождении обеими сторонами ограниченного числа задержанных",
      ar: "اتفق الضامنون في اجتماع تمهيدي في سوتشي على إفراج متبادل عن عدد محدود من المحتجزين لدى الطرفين",
    },
  "Bilateral/trilateral consultations on 25 April; plenary with adoption of a final document on 26 April": {
    ru: "Двусторонние и трёхсторонние консультации — 25 апреля; пленарное заседание с принятием итогового документа — 26 апреля",
    ar: "مشاورات ثنائية وثلاثية في 25 نيسان/أبريل؛ وجلسة عامة اعتُمدت فيها وثيقة ختامية في 26 نيسان/أبريل",
  },
  "Shortly before the round the working group's third exchange took place (9 persons released reciprocally)":
    {
      ru: "Незадолго до раунда состоялся третий обмен в рамках рабочей группы (взаимно освобождены 9 человек)",
      ar: "قبيل الجولة جرت عملية التبادل الثالثة للفريق العامل (أُفرج عن 9 أشخاص بشكل متبادل)",
    },
  "First Astana-format meeting since the start of the pandemic; focus on the work of the Constitutional Committee in Geneva and the situation in the Idlib de-escalation zone":
    {
      ru: "Первая встреча в астанинском формате с начала пандемии; в центре внимания — работа Конституционного комитета в Женеве и обстановка в идлибской зоне деэскалации",
      ar: "أول اجتماع بصيغة أستانا منذ بدء الجائحة؛ وتركّز على عمل اللجنة الدستورية في جنيف والوضع في منطقة خفض التصعيد في إدلب",
    },
  "No plenary session because of COVID-19 restrictions; final statement published": {
    ru: "Пленарного заседания не было из-за ограничений COVID-19; итоговое заявление опубликовано",
    ar: "لم تُعقد جلسة عامة بسبب قيود كوفيد-19؛ ونُشر البيان الختامي",
  },
  "Working group on forcibly detained persons met with UN and ICRC participation": {
    ru: "Рабочая группа по насильственно удерживаемым лицам провела заседание с участием ООН и МККК",
    ar: "اجتمع الفريق العامل المعني بالمحتجزين قسرًا بمشاركة الأمم المتحدة واللجنة الدولية للصليب الأحمر",
  },
  "The working group's seventh exchange took place on 13 June 2022, just before the round": {
    ru: "Седьмой обмен в рамках рабочей группы состоялся 13 июня 2022 года, незадолго до раунда",
    ar: "جرت عملية التبادل السابعة للفريق العامل في 13 حزيران/يونيو 2022، قبيل الجولة",
  },
  "A meeting of the working group on detained persons with UN experts and the ICRC was planned": {
    ru: "Было запланировано заседание рабочей группы по задержанным с участием экспертов ООН и МККК",
    ar: "كان مقررًا عقد اجتماع للفريق العامل المعني بالمحتجزين بمشاركة خبراء الأمم المتحدة واللجنة الدولية للصليب الأحمر",
  },
  "Joint statement: the 21st meeting to be held in the second half of 2023 (country not specified)": {
    ru: "Совместное заявление: 21-я встреча пройдёт во второй половине 2023 года (страна не указана)",
    ar: "البيان المشترك: يُعقد الاجتماع الحادي والعشرون في النصف الثاني من عام 2023 (من دون تحديد البلد)",
  },
  "Syrian delegation demanded a Turkish troop withdrawal timetable": {
    ru: "Сирийская делегация потребовала график вывода турецких войск",
    ar: "طالب الوفد السوري بجدول زمني لانسحاب القوات التركية",
  },
  "Joint statement: 22nd meeting to be held in Astana in the second half of 2024": {
    ru: "Совместное заявление: 22-я встреча пройдёт в Астане во второй половине 2024 года",
    ar: "البيان المشترك: يُعقد الاجتماع الثاني والعشرون في أستانا في النصف الثاني من عام 2024",
  },
  "Final statement stressed refugee return under UN supervision and maintaining the ceasefire in Idlib": {
    ru: "В итоговом заявлении подчёркнуты возвращение беженцев под надзором ООН и сохранение режима прекращения огня в Идлибе",
    ar: "شدّد البيان الختامي على عودة اللاجئين بإشراف الأمم المتحدة والحفاظ على وقف إطلاق النار في إدلب",
  },
  "Final statement stressed upholding the truce in Idlib and preventing destabilisation by third parties; condemned Israeli strikes on Syria":
    {
      ru: "В итоговом заявлении подчёркнуты соблюдение перемирия в Идлибе и недопущение дестабилизации третьими сторонами; осуждены израильские удары по Сирии",
      ar: "شدّد البيان الختامي على صون الهدنة في إدلب ومنع زعزعة الاستقرار من جانب أطراف ثالثة؛ وأدان الضربات الإسرائيلية على سوريا",
    },
  "Agenda included confidence-building measures such as release of hostages and search for missing persons, refugee return and post-conflict recovery":
    {
      ru: "В повестку дня вошли меры укрепления доверия, такие как освобождение заложников и поиск пропавших без вести, возвращение беженцев и постконфликтное восстановление",
      ar: "تضمّن جدول الأعمال تدابير بناء الثقة، مثل الإفراج عن الرهائن والبحث عن المفقودين، وعودة اللاجئين والتعافي بعد النزاع",
    },
};
