// One phonetic key for an Arabic name however it was written: in Arabic script with or without hamza,
// diacritics, ta marbuta or alef maqsura, or in any of the Latin transliterations (Mohammed, Muhammad,
// Mohamad; al-/el-/ar-; Abdul/Abdel/Abd al-; kh/h, dh/z, q/k, ou/u, ee/i; doubled letters; apostrophes
// for ayn and hamza). ذ ز ظ with z and dh share one letter (Dhafer/Zafer), ض with d (and dh: see
// `nameReadings`), ث with th and s (Othman/Osman), and ج
// with j, dj and a lone g (Gamal/Jamal), while gh stays غ. Arabic script writes no short vowels, so the key is the consonant skeleton (with
// one mark for a name that opens on a vowel, alef or ayn): both scripts reduce to the same skeleton,
// which lets an Arabic-only entry meet a Latin-only one. Two finer forms keep what one script tells
// apart (Latin vowels, Arabic long vowels) for comparing entries written in the same script.

import { foldForSearch, withoutArabicArticle } from "../../../platform/search-text.ts";

/** The forms of one name part: the shared skeleton, and the finer same-script forms when written so. */
export type NameForms = {
  key: string;
  latin: string | null;
  arabic: string | null;
  /** Consonants by the key's letters with the vowels kept by class, to check Arabic long vowels against Latin ones. */
  vowelled: string | null;
  /** Long vowels written: Arabic ا و ي inside words; Latin ou, oo, ee, ei, ai, ay, aa. */
  longVowels: number;
  /** A second reading of the same spelling (dh read as ض), never compared with another second reading. */
  alternative?: boolean;
};

const arabicLetter = /[\u0621-\u064A\u066E-\u06D3]/;
const apostrophes = /['’‘`ʿʾʼ′´]/g;
const latinArticles = new Set([
  "al",
  "el",
  "ul",
  "il",
  "ar",
  "er",
  "ur",
  "as",
  "es",
  "us",
  "ad",
  "ed",
  "ud",
  "an",
  "en",
  "un",
  "at",
  "et",
  "ut",
  "az",
  "ez",
  "uz",
  "ash",
  "esh",
  "ush",
  "adh",
  "edh",
  "ath",
  "eth",
]);
// 'Abd al-X written as one word: Abdul, Abdel, Abdal, Abdur, Abdar, Abdus, Abdel-, Abd-ul …
const abdCompound =
  /^abd(?:ul|el|al|ol|il|ur|ar|er|us|as|es|un|an|en|ut|at|et|uz|az|ez|ush|ash|esh|u|e|a|o|i)?(?=[bcdfghjklmnpqrstvwxz]|$)/;
// … al-Din written as one word or apart: Eddine, Uddin, Addin (Noureddine, Salahuddin).
const dinSuffix = /([a-z]{2,}?)[aeiou]dd(?:i|ee|e)ne?$/;
const dinWord = /^[aeiou]dd(?:i|ee|e)ne?$/;
// An article written together with the name: Alhassan, Elmasri (not Alaa, Elias, Alam).
const gluedArticle = /^(?:al|el)(?=[bcdfghjklmnpqrstvwxz][a-z]{3,})/;

const arabicKeyLetters: Record<string, string> = {
  ب: "b",
  ت: "t",
  ث: "s",
  ج: "j",
  ح: "h",
  خ: "h",
  د: "d",
  ذ: "z",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "S",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  غ: "g",
  ف: "f",
  ق: "k",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  پ: "b",
  چ: "S",
  گ: "g",
  ڤ: "f",
  ڨ: "g",
};
const arabicOpeningVowels = new Set(["ا", "ع"]);
const arabicGlides: Record<string, string> = { و: "w", ي: "y" };
const arabicLongVowels: Record<string, string> = { ا: "a", و: "u", ي: "i" };

/** The tokens of a name part in Latin letters, articles dropped and compounds split (Abdulrahman → abd rahman). */
function latinTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.replace(apostrophes, "").split(/[^a-z]+/)) {
    if (raw === "" || latinArticles.has(raw)) continue;
    if (dinWord.test(raw)) {
      tokens.push("din");
      continue;
    }
    // Allah written apart (Abd Allah) is the article on lah, as in عبد الله.
    let token = /^[aeiu]llah$/.test(raw) ? "lah" : raw.replace(gluedArticle, "");
    const abd = abdCompound.exec(token);
    if (abd) {
      tokens.push("abd");
      token = token.slice(abd[0].length);
      if (token === "") continue;
    }
    const din = dinSuffix.exec(token);
    if (din) tokens.push(din[1] ?? "", "din");
    else tokens.push(token);
  }
  return tokens;
}

/** The tokens of a name part in Arabic script, articles dropped and 'Abd compounds split (عبدالرحمن → عبد رحمن). */
function arabicTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.split(/[^\u0621-\u064A\u066E-\u06D3]+/)) {
    // A lone article, or آل ("the family of") written apart, adds nothing to the name.
    if (raw === "" || raw === "ال") continue;
    if (raw.startsWith("عبدال") && raw.length >= 7) tokens.push("عبد", raw.slice(5));
    else tokens.push(withoutArabicArticle(raw));
  }
  return tokens;
}

/** Collapses doubled letters and drops a final h (Fatimah, Saleh; ة, ح and ه at a name's end). */
function finishSkeleton(skeleton: string): string {
  const single = skeleton.replace(/(.)\1+/g, "$1");
  return single.length > 1 && single.endsWith("h") ? single.slice(0, -1) : single;
}

/** A Latin token's letters with digraphs and look-alike consonants written as the key writes them. */
function latinLetters(token: string): string {
  return token
    .replace(/x/g, "ks")
    .replace(/sh|sch|ch/g, "S")
    .replace(/kh/g, "h")
    .replace(/gh/g, "G")
    .replace(/th/g, "s")
    .replace(/dh|zh/g, "z")
    .replace(/dj|g/g, "j")
    .replace(/G/g, "g")
    .replace(/ph|v/g, "f")
    .replace(/ck|q|c/g, "k")
    .replace(/p/g, "b");
}

/** The consonant skeleton of one Latin token (muhammad → mhmd, khaled → hld, ouday → ad). */
function latinTokenKey(token: string): string {
  const letters = latinLetters(token);
  const opening = /^[aeiou]/.test(letters) ? "a" : /^[wy]/.test(letters) ? (letters[0] ?? "") : "";
  const body = (opening === "" ? letters : letters.slice(1)).replace(/[aeiouwy]/g, "");
  return finishSkeleton(opening + body);
}

/** The consonant skeleton of one Arabic token, on the same letters as the Latin one (محمد → mhmd, عمر → amr). */
function arabicTokenKey(token: string): string {
  let key = "";
  for (let i = 0; i < token.length; i++) {
    const letter = token[i] ?? "";
    if (i === 0 && arabicOpeningVowels.has(letter)) key += "a";
    else if (i === 0 && arabicGlides[letter]) key += arabicGlides[letter];
    else key += arabicKeyLetters[letter] ?? "";
  }
  return finishSkeleton(key);
}

/** The Latin form that keeps vowels by class, for two Latin spellings (Mahmoud ≠ Mohammed; Khaled ≈ Khalid). */
function latinFineToken(token: string): string {
  return token
    .replace(/ee|ei|ai|ay|ey|(?<=.)y/g, "i")
    .replace(/ou|oo|o/g, "u")
    .replace(/kh/g, "h")
    .replace(/q|ck|c(?!h)/g, "k")
    .replace(/dh/g, "z")
    .replace(/dj/g, "j")
    .replace(/(.)\1+/g, "$1");
}

/** The Arabic form with long vowels kept, for two Arabic spellings (محمد ≠ محمود). */
function arabicFineToken(token: string): string {
  let form = "";
  for (const letter of token)
    form += arabicKeyLetters[letter] ?? arabicLongVowels[letter] ?? (letter === "ع" ? "'" : "");
  return form.replace(/(.)\1+/g, "$1");
}

const latinVowelClasses: Record<string, string> = { a: "a", e: "e", i: "i", y: "i", o: "u", u: "u", w: "u" };

/** A Latin token as consonants of the key and vowel classes (muhammad → muhamad, mahmoud → mahmud). */
function latinVowelledToken(token: string): string {
  let form = "";
  for (const letter of latinLetters(token)) form += latinVowelClasses[letter] ?? letter;
  return form.replace(/(.)\1+/g, "$1");
}

/**
 * An Arabic token as consonants of the key and its written long vowels: A (ا), U (و), I (ي), and Y
 * for a final ي, which may be an alef maqsura (مصطفى, read a). Ayn, an opening alef and a final ha
 * (ta marbuta) are left out: Latin spellings write them in too many ways.
 */
function arabicVowelledToken(token: string): string {
  let form = "";
  const last = token.length - 1;
  for (let i = 0; i <= last; i++) {
    const letter = token[i] ?? "";
    if (letter === "ع" || (i === 0 && letter === "ا") || (i === last && letter === "ه" && i > 0)) continue;
    if (letter === "ا") form += "A";
    else if (letter === "و") form += "U";
    else if (letter === "ي") form += i === last && i > 0 ? "Y" : "I";
    else form += arabicKeyLetters[letter] ?? "";
  }
  return form.replace(/(.)\1+/g, "$1");
}

const longVowelReadings: Record<string, string> = { A: "ae", U: "u", I: "ie", Y: "aie" };

/**
 * Whether a Latin spelling can render an Arabic spelling with the same skeleton: every long vowel the
 * Arabic writes must appear, in order, as a Latin vowel of its class; Latin may add short vowels.
 * So Mahmoud renders محمد or محمود, but Muhammad does not render محمود. (The other way round, a
 * Latin long vowel written as a digraph needs an Arabic one: see `nameSimilarity`.)
 */
export function rendersLongVowels(arabicVowelled: string, latinVowelled: string): boolean {
  let at = 0;
  for (const symbol of arabicVowelled) {
    const readings = longVowelReadings[symbol];
    let found = false;
    while (!found && at < latinVowelled.length) {
      const letter = latinVowelled[at] ?? "";
      at++;
      found = readings ? readings.includes(letter) : letter === symbol;
    }
    if (!found) return false;
  }
  return true;
}

/**
 * The forms of a name part written in any script, or in both mixed: each word goes by its own script.
 * Empty or letterless text gives null, so that an absent name counts as missing, never as different.
 */
export function nameForms(text: string | null | undefined): NameForms | null {
  if (!text) return null;
  const folded = foldForSearch(text);
  const keyParts: string[] = [];
  const latinParts: string[] = [];
  const arabicParts: string[] = [];
  const vowelledParts: string[] = [];
  let longVowels = 0;
  for (const word of folded.split(/\s+/)) {
    if (arabicLetter.test(word)) {
      for (const token of arabicTokens(word)) {
        keyParts.push(arabicTokenKey(token));
        arabicParts.push(arabicFineToken(token));
        const vowelled = arabicVowelledToken(token);
        vowelledParts.push(vowelled);
        longVowels += vowelled.replace(/[^AUIY]/g, "").length;
      }
    } else {
      for (const token of latinTokens(word)) {
        keyParts.push(latinTokenKey(token));
        latinParts.push(latinFineToken(token));
        vowelledParts.push(latinVowelledToken(token));
        longVowels += token.match(/ou|oo|ee|ei|ai|ay|aa/g)?.length ?? 0;
      }
    }
  }
  const key = keyParts.join("");
  if (key === "") return null;
  return {
    key,
    latin: latinParts.length > 0 && arabicParts.length === 0 ? latinParts.join("") : null,
    arabic: arabicParts.length > 0 && latinParts.length === 0 ? arabicParts.join("") : null,
    vowelled: arabicParts.length === 0 || latinParts.length === 0 ? vowelledParts.join("") : null,
    longVowels,
  };
}

/**
 * The readings of a written name: its forms, and for a Latin spelling with "dh" (ذ or ظ in most
 * systems, ض in some: Riyadh, Ramadhan) the forms with it read as d as well.
 */
export function nameReadings(text: string | null | undefined): NameForms[] {
  const forms = nameForms(text);
  if (!forms || !text || !/dh/i.test(text) || forms.latin === null) return forms ? [forms] : [];
  const asDad = nameForms(text.replace(/dh/gi, "d"));
  return asDad && asDad.key !== forms.key ? [forms, { ...asDad, alternative: true }] : [forms];
}

/** The shared phonetic key of a name part, or null when it holds no name. */
export function phoneticKey(text: string | null | undefined): string | null {
  return nameForms(text)?.key ?? null;
}
