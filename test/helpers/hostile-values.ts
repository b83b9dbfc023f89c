// The hostile values the hostile-input test sends: text PostgreSQL cannot store, huge and NaN-like
// numbers, wrong types, deep nesting, prototype keys, SQL, HTML and right-to-left overrides, and the
// path segments and query values that carry them on the wire.
import fc from "fast-check";

/** JSON text sent as is, for what JSON.stringify cannot write (1e309, -0, nesting 5,000 deep). */
class RawJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** The JSON text of a value that may hold RawJson pieces. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item) => {
    if (item instanceof RawJson) {
      raws.push(item.text);
      return `@@RAW${raws.length - 1}@@`;
    }
    return item;
  });
  return (text ?? "null").replace(/"@@RAW(\d+)@@"/g, (_match, index) => raws[Number(index)] ?? "null");
}

const longText = "x".repeat(100_000);
const hostileStrings = [
  "a\u0000b",
  "\u0000",
  "\ud800",
  "x\udfffy",
  "\udc00\ud800",
  longText,
  "ب".repeat(5_000),
  '\'; drop table "user"; --',
  "' or '1'='1",
  '<script>alert("x")</script><img src=x onerror=alert(1)>',
  "\u202eevil\u202c",
  "\u200f\u061c",
  "../../../etc/passwd",
  "__proto__",
  "constructor",
  "",
  "   ",
  "%00",
  "\\u0000",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏳️‍🌈 Z̷̢a̶l̸g̵o",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "null",
  "true",
  "2024-02-30",
  "0000-00-00",
  "javascript:alert(1)",
  "http://[::1]:0/%00",
];
const hostileNumbers = [
  new RawJson("1e309"),
  new RawJson("-1e309"),
  new RawJson("-0"),
  new RawJson("99999999999999999999999999"),
  new RawJson("1e-400"),
  -1,
  0,
  1.5,
  2 ** 53 + 2,
  -(2 ** 31),
  Number.MAX_SAFE_INTEGER,
];
const deepNesting = (depth: number) => new RawJson(`${"[".repeat(depth)}${"]".repeat(depth)}`);
const deepObject = (depth: number) => new RawJson(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileNumbers) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      [],
      {},
      [null],
      ["a\u0000b"],
      { __proto__: null, x: 1 },
      JSON.parse('{"__proto__":{"isAdmin":true}}'),
      JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}'),
      Array.from({ length: 5_000 }, (_, index) => index),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(deepNesting(64), deepNesting(20_000), deepObject(5_000)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Path segments as sent on the wire (already encoded). */
export const hostilePathSegments = [
  "a%00b",
  "%00",
  "..%2f..%2fetc%2fpasswd",
  "%2e%2e",
  "..%5c..%5c",
  "%ED%A0%80",
  "%C0%AF",
  "%FF",
  encodeURIComponent("ё𝔘\u202eevil"),
  encodeURIComponent("'; drop table process; --"),
  "x".repeat(199),
  "x".repeat(201),
  "%20",
  "%09",
  "-1",
  "0",
  "1e309",
  "NaN",
  "__proto__",
  "constructor",
  "%3Cscript%3E",
  "a%2Fb",
];

/** Query values as sent on the wire (already encoded). */
export const hostileQueryValues = [
  ...hostilePathSegments,
  "",
  "Infinity",
  "-Infinity",
  "99999999999999999999",
  "1.5",
  "0x10",
  "%",
  "true",
  "x".repeat(5_000),
];

/** Percent-encodes for the address; a lone surrogate (which encodeURIComponent refuses) as raw bytes. */
export function encode(value: unknown): string {
  const text = typeof value === "string" ? value : toJsonText(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}
