// Names as Syrian lists write them: each in Arabic script with the Latin transliterations met in
// practice (English, French, academic, passport spellings). Used only by the benchmark's generator.

/** An Arabic name and its Latin spellings, the most frequent first. */
export type VocabularyName = { arabic: string; latin: string[] };

const entries = (text: string): VocabularyName[] =>
  text
    .trim()
    .split("\n")
    .map((line) => {
      const [arabic, latin] = line.split("=");
      return {
        arabic: (arabic ?? "").trim(),
        latin: (latin ?? "").split(",").map((spelling) => spelling.trim()),
      };
    });

export const maleNames = entries(`
محمد = Mohammed, Muhammad, Mohamad, Muhammed, Mohamed, Mohammad
أحمد = Ahmad, Ahmed, Ahmet
محمود = Mahmoud, Mahmud, Mahmood
علي = Ali, Aly
حسن = Hassan, Hasan, Hassen
حسين = Hussein, Husayn, Hussain, Houssein
خالد = Khaled, Khalid, Khaleed
عمر = Omar, Umar, Omer
يوسف = Yousef, Youssef, Yusuf, Yousif
إبراهيم = Ibrahim, Ebrahim, Brahim
عبد الله = Abdullah, Abdallah, Abd Allah, Abdulla
عبد الرحمن = Abdul Rahman, Abdelrahman, Abd al-Rahman, Abdurrahman
عبد الكريم = Abdul Karim, Abdelkarim, Abd al-Karim
عبد القادر = Abdul Qader, Abdelkader, Abd al-Qadir
عبد الحميد = Abdul Hamid, Abdelhamid, Abd al-Hamid
عبد العزيز = Abdul Aziz, Abdelaziz, Abd al-Aziz
عبد الناصر = Abdul Nasser, Abdennasser, Abd al-Nasir
مصطفى = Mustafa, Moustafa, Mostafa
سامر = Samer
سمير = Samir, Semir
وليد = Walid, Waleed
ياسر = Yasser, Yasir, Yaser
فادي = Fadi, Fady
رامي = Rami, Ramy
باسل = Basel, Basil
ماهر = Maher, Mahir
نبيل = Nabil, Nabeel
جمال = Jamal, Gamal, Djamal
كمال = Kamal, Kemal
فراس = Firas, Feras
مازن = Mazen, Mazin
زياد = Ziad, Ziyad, Zyad
عماد = Imad, Emad
رياض = Riad, Riyad, Riyadh
منير = Munir, Mounir
نور الدين = Nour al-Din, Noureddine, Nuruddin, Nour Eddine
صلاح الدين = Salah al-Din, Salaheddine, Salahuddin
بشار = Bashar, Bachar
حازم = Hazem, Hazim
طارق = Tarek, Tariq, Tareq
قاسم = Qasim, Kassem, Qassem
إسماعيل = Ismail, Ismael, Isma'il
سعد = Saad, Sa'd
سعيد = Said, Saeed, Sa'id
عثمان = Othman, Uthman, Osman
أسامة = Osama, Usama, Oussama
أنس = Anas, Annas
أيمن = Ayman, Aiman
بلال = Bilal, Belal
ثائر = Thaer, Tha'ir
جهاد = Jihad, Jehad
حمزة = Hamza, Hamzah
حامد = Hamed, Hamid
حمد = Hamad, Hamd
راشد = Rashid, Rached, Rashed
رضوان = Radwan, Redwan, Ridwan
زكريا = Zakaria, Zakariya, Zakariyya
شادي = Shadi, Chadi
صالح = Saleh, Salih
ضياء = Diaa, Dia', Diya
ظافر = Zafer, Dhafer, Thafer
عادل = Adel, Adil
عدنان = Adnan, Adnane
عصام = Issam, Essam, Isam
علاء = Alaa, Ala'a
عمار = Ammar, Amar
عيسى = Issa, Eisa, Isa
غسان = Ghassan, Ghasan
فيصل = Faisal, Faysal, Fayssal
قصي = Qusai, Qusay, Kusai
لؤي = Louay, Luai, Lu'ay
مالك = Malek, Malik
معاذ = Muaz, Moaz, Mu'adh
مهند = Muhannad, Mohannad
ناصر = Nasser, Nasir, Naser
هشام = Hisham, Hicham
وائل = Wael, Wa'il
يحيى = Yahya, Yehia
مراد = Murad, Mourad
منذر = Munzer, Mundhir, Monzer
نزار = Nizar, Nezar
هيثم = Haitham, Haytham
خليل = Khalil, Khaleel
جميل = Jamil, Jameel
سليمان = Suleiman, Sulayman, Soliman
داود = Dawood, Daoud, Dawud
موسى = Musa, Moussa
إياد = Iyad, Eyad
رائد = Raed, Ra'id
أكرم = Akram
أيهم = Ayham, Aiham
طلال = Talal
عامر = Amer, Aamer
مروان = Marwan
نضال = Nidal, Nedal
سلام = Salam
حسام = Hussam, Houssam, Husam
معتز = Mutaz, Moataz, Mu'taz
مجد = Majd, Magd
شريف = Sharif, Cherif, Shareef
عبد الغني = Abdul Ghani, Abdelghani, Abd al-Ghani
عبد السلام = Abdul Salam, Abdessalam, Abd al-Salam
مأمون = Mamoun, Ma'mun, Mamoon
أنور = Anwar, Anouar
توفيق = Tawfiq, Toufic, Tawfik
فؤاد = Fouad, Fuad
`);

export const femaleNames = entries(`
فاطمة = Fatima, Fatimah, Fatmeh
عائشة = Aisha, Aysha, A'isha
خديجة = Khadija, Khadijah, Khadijeh
مريم = Maryam, Mariam, Meryem
زينب = Zainab, Zeinab, Zaynab
آمنة = Amina, Amneh, Aminah
سعاد = Souad, Suad
هدى = Huda, Hoda
نور = Nour, Noor, Nur
ليلى = Layla, Leila, Laila
رنا = Rana
سلمى = Salma, Selma
هند = Hind, Hend
سميرة = Samira, Sameera
نادية = Nadia, Nadiya
رغد = Raghad
ريم = Reem, Rim
دعاء = Duaa, Doaa
أسماء = Asma, Asmaa
وفاء = Wafaa, Wafa
إيمان = Iman, Eman
منى = Mona, Muna
سوسن = Sawsan, Sausan
عبير = Abeer, Abir
غادة = Ghada
لينا = Lina, Leena
رشا = Rasha
حنان = Hanan
نجوى = Najwa, Najoua
سهام = Siham, Seham
جميلة = Jamila, Jamileh
خلود = Kholoud, Khulud
رقية = Ruqayya, Roukaya
شهد = Shahad
بشرى = Bushra, Boushra
سناء = Sanaa, Sana
أمل = Amal
هبة = Hiba, Heba
ياسمين = Yasmin, Yasmine
`);

export const familyNames = entries(`
الحلبي = al-Halabi, Halabi, el-Halaby
الشامي = al-Shami, Shami, ash-Shami, Chami
المصري = al-Masri, el-Masri, Masri
الحمصي = al-Homsi, Homsi, al-Himsi
الدمشقي = al-Dimashqi, Dimashki
الإدلبي = al-Idlibi, Idlibi
الحوراني = al-Hourani, Hourani, al-Hawrani
الخطيب = al-Khatib, Khatib, el-Khatib
الحداد = al-Haddad, Haddad
النجار = al-Najjar, Najjar, an-Najjar
العطار = al-Attar, Attar
الخياط = al-Khayyat, Khayat
الصباغ = al-Sabbagh, Sabbagh
الحلاق = al-Hallaq, Hallak
الشيخ = al-Sheikh, Cheikh, ash-Shaykh
السيد = al-Sayed, el-Sayyid
الزعبي = al-Zoubi, al-Zu'bi, Zoabi
المقداد = al-Miqdad, Mekdad
الرفاعي = al-Rifai, Rifaai, ar-Rifa'i
الأسعد = al-Asaad, al-As'ad
الشهابي = al-Shehabi, Chehabi
الكردي = al-Kurdi, Kurdi
التركماني = al-Turkmani, Turkmani
الحريري = al-Hariri, Hariri
الجباوي = al-Jabawi, Jabawi
العيسى = al-Issa, al-Eissa
الموسى = al-Moussa, al-Musa
الحمود = al-Hamoud, al-Hammoud
الحمدان = al-Hamdan, Hamdan
العبيد = al-Obeid, al-Ubayd
الدرويش = al-Darwish, Derwich
سلامة = Salama, Salameh
النعيمي = al-Nuaimi, Naimi
الجبوري = al-Jubouri, Jabouri
العكيدي = al-Okaidi, al-Ukaydi
البكور = al-Bakour, Bakkour
الطويل = al-Tawil, Taweel
القصير = al-Qasir, Kassir
البيطار = al-Bitar, Bitar
الزين = al-Zein, Zain
الحاج = al-Hajj, el-Hage, Hajj
دياب = Diab, Dhiab, Dyab
الحسكاوي = al-Hasakawi, Hassakawi
الرقاوي = al-Raqqawi, Rakkawi
الديري = al-Deiri, Deiry
الحموي = al-Hamawi, Hamawi
الساعور = al-Saour, Sa'our
المرعي = al-Marai, al-Mar'i
الفارس = al-Fares, al-Faris
الغزاوي = al-Ghazawi, Ghazzaoui
الخضر = al-Khader, al-Khidr
الجمعة = al-Jumaa, al-Jomaa
العتر = al-Itr, Eter
قباني = Qabbani, Kabbani
الأتاسي = al-Atassi, Atasi
السباعي = al-Sibai, Sebai
الدالاتي = al-Dalati, Dalati
طيفور = Tayfour, Teifour
كيالي = Kayyali, Kayali
الجندي = al-Jundi, Joundi
السقا = al-Saqqa, Sakka
الشعار = al-Shaar, Chaar
الحكيم = al-Hakim, Hakeem
النحاس = al-Nahhas, Nahas
الرز = al-Rizz, Rezz
`);

export const places = entries(`
حلب = Aleppo, Halab
حمص = Homs, Hims
حماة = Hama, Hamah
إدلب = Idlib, Edlib
درعا = Daraa, Dar'a, Deraa
دمشق = Damascus, Dimashq
دوما = Douma, Duma
دير الزور = Deir ez-Zor, Deir al-Zour, Deir Ezzor
الرقة = Raqqa, al-Raqqah, Rakka
اللاذقية = Latakia, Lattakia, al-Ladhiqiyah
طرطوس = Tartus, Tartous
القامشلي = Qamishli, Kamechliye
الحسكة = Hasakah, al-Hasaka
منبج = Manbij, Membij
الباب = al-Bab, Al Bab
جسر الشغور = Jisr al-Shughur, Jisr ash-Shughur
معرة النعمان = Maarat al-Numan, Ma'arrat an-Nu'man
سراقب = Saraqib, Saraqeb
أريحا = Ariha
خان شيخون = Khan Shaykhun, Khan Sheikhoun
الرستن = al-Rastan, Rastan
تلبيسة = Talbiseh, Talbisah
الزبداني = Zabadani, al-Zabadani
داريا = Darayya, Daraya
حرستا = Harasta
بصرى = Bosra, Busra
نوى = Nawa
القنيطرة = Quneitra, al-Qunaytirah
السلمية = Salamiyah, Salamieh
`);

/** Family names made from a male name: Abu Khalil, Bani Hamdan, the name itself (Othman, Suleiman). */
export function derivedFamilyNames(): VocabularyName[] {
  const derived: VocabularyName[] = [];
  for (const name of maleNames.slice(0, 60)) {
    derived.push({
      arabic: `أبو ${name.arabic}`,
      latin: name.latin.flatMap((l) => [`Abu ${l}`, `Abou ${l}`]),
    });
    derived.push({ arabic: `آل ${name.arabic}`, latin: name.latin.map((l) => `Al ${l}`) });
    derived.push(name);
  }
  return derived;
}

// Family names beyond the list above: Arabic noun patterns on three-letter roots, with the Latin
// spellings the letters and vowels are given in practice. Real lists hold thousands of family names;
// these give the generator as many, none of which the matching code was tuned on.
const rootLetters: Record<string, string[]> = {
  ب: ["b"],
  ت: ["t"],
  ج: ["j", "g", "dj"],
  ح: ["h"],
  خ: ["kh"],
  د: ["d"],
  ر: ["r"],
  ز: ["z"],
  س: ["s"],
  ش: ["sh", "ch"],
  ص: ["s"],
  ط: ["t"],
  ع: ["'", ""],
  ف: ["f"],
  ق: ["q", "k"],
  ك: ["k"],
  ل: ["l"],
  م: ["m"],
  ن: ["n"],
  ه: ["h"],
  ث: ["th", "s"],
  ذ: ["dh", "z"],
  ض: ["d", "dh"],
  ظ: ["z", "dh"],
  غ: ["gh"],
};
type Pattern = { arabic: (c: string[]) => string; latin: string[] };
// Latin templates: 1, 2, 3 stand for the root's letters; a doubled letter may be written once.
const patterns: Pattern[] = [
  { arabic: ([a, b, c]) => `${a}${b}ا${c}`, latin: ["1a22a3", "1a2a3"] },
  { arabic: ([a, b, c]) => `${a}ا${b}${c}`, latin: ["1a2i3", "1a2e3"] },
  { arabic: ([a, b, c]) => `${a}${b}ي${c}`, latin: ["1a2i3", "1a2ee3", "1e2i3"] },
  { arabic: ([a, b, c]) => `${a}${b}${c}ان`, latin: ["1a23an", "1e23an"] },
  { arabic: ([a, b, c]) => `${a}${b}${c}اوي`, latin: ["1a23awi", "1a23aoui"] },
  { arabic: ([a, b, c]) => `م${a}${b}و${c}`, latin: ["ma12ou3", "ma12u3"] },
  { arabic: ([a, b, c]) => `${a}${b}و${c}`, latin: ["1a2ou3", "1a2u3", "1a2oo3"] },
];

/** `count` family names made on roots and patterns, with the article and a nisba now and then. */
export function generatedFamilyNames(count: number, random: () => number): VocabularyName[] {
  const letters = Object.keys(rootLetters);
  const made = new Map<string, VocabularyName>();
  while (made.size < count) {
    const root = [0, 1, 2].map(() => letters[Math.floor(random() * letters.length)] ?? "ب");
    if (root[0] === root[1] || root[1] === root[2]) continue;
    const pattern = patterns[Math.floor(random() * patterns.length)] as Pattern;
    const withArticle = random() < 0.5;
    const nisba = random() < 0.3 && !pattern.arabic(root).endsWith("ي");
    const arabic = `${withArticle ? "ال" : ""}${pattern.arabic(root)}${nisba ? "ي" : ""}`;
    if (made.has(arabic)) continue;
    const latin: string[] = [];
    for (const template of pattern.latin) {
      for (let variant = 0; variant < 2; variant++) {
        let spelling = template.replace(/[123]/g, (digit) => {
          const options = rootLetters[root[Number(digit) - 1] ?? ""] ?? [""];
          return options[variant % options.length] ?? "";
        });
        spelling = spelling.replace(/^'/, "");
        if (nisba) spelling += variant === 0 ? "i" : "y";
        spelling = spelling.charAt(0).toUpperCase() + spelling.slice(1);
        if (withArticle) spelling = `${variant === 0 ? "al-" : "el-"}${spelling}`;
        if (!latin.includes(spelling)) latin.push(spelling);
      }
    }
    made.set(arabic, { arabic, latin });
  }
  return [...made.values()];
}
