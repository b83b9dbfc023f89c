// Personal data at rest (the humanitarian module's cases and lists): AES-256-GCM with a key kept outside
// the database, so a copy of the database (a backup, a stolen disk, a raw table dump) reveals no name.
// The key comes from ASTANA_PERSONAL_DATA_KEY (base64 of 32 bytes) or from the file named by
// ASTANA_PERSONAL_DATA_KEY_FILE; in development and tests a key file is generated once beside the
// database directory (DATA_DIR/personal-data.key, mode 0600); in production a missing key stops start-up.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  randomFillSync,
} from "node:crypto";
import { createReadStream, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";

/** A configuration problem with the key: the message names the variables at fault (config.ts rethrows it). */
export class PersonalDataKeyError extends Error {
  override name = "PersonalDataKeyError";
  readonly variables: string[];
  constructor(message: string, variables: string[]) {
    super(message);
    this.variables = variables;
  }
}

const keyVariables = ["ASTANA_PERSONAL_DATA_KEY", "ASTANA_PERSONAL_DATA_KEY_FILE"];

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32 || !/^[A-Za-z0-9+/=_-]+$/.test(text.trim()))
    throw new PersonalDataKeyError(
      `${where}: must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`)`,
      keyVariables,
    );
  return key;
}

/**
 * Resolves the personal-data key: the variable, else the key file, else (outside production only) a
 * key generated once into `DATA_DIR/personal-data.key`. Refuses in production without a key, so the
 * server never writes personal data it could not read back after a restart, nor with a key kept in
 * the data directory beside the database.
 */
export function loadPersonalDataKey(env: {
  key?: string;
  keyFile?: string;
  dataDir: string;
  production: boolean;
}): Buffer {
  if (env.key) return decodeKey(env.key, "ASTANA_PERSONAL_DATA_KEY");
  if (env.keyFile) {
    let text: string;
    try {
      text = readFileSync(env.keyFile, "utf8");
    } catch (error) {
      throw new PersonalDataKeyError(
        `ASTANA_PERSONAL_DATA_KEY_FILE: cannot read ${env.keyFile} (${(error as NodeJS.ErrnoException).code})`,
        ["ASTANA_PERSONAL_DATA_KEY_FILE"],
      );
    }
    return decodeKey(text, `ASTANA_PERSONAL_DATA_KEY_FILE (${env.keyFile})`);
  }
  if (env.production)
    throw new PersonalDataKeyError(
      "ASTANA_PERSONAL_DATA_KEY or ASTANA_PERSONAL_DATA_KEY_FILE: required in production (NODE_ENV=production): the key that encrypts personal data at rest, kept outside the database (`openssl rand -base64 32`)",
      keyVariables,
    );
  return readOrCreateKeyFile(path.join(env.dataDir, "personal-data.key"));
}

/** The development key file: created whole or not at all, so two processes starting at once share one key. */
function readOrCreateKeyFile(file: string): Buffer {
  try {
    return decodeKey(readFileSync(file, "utf8"), file);
  } catch (error) {
    if (error instanceof PersonalDataKeyError) throw error;
  }
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(draft, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return decodeKey(readFileSync(file, "utf8"), file);
  } catch (error) {
    if (error instanceof PersonalDataKeyError) throw error;
    throw new PersonalDataKeyError(
      `DATA_DIR: cannot keep the personal-data key in ${file} (${(error as NodeJS.ErrnoException).code}); set ASTANA_PERSONAL_DATA_KEY or ASTANA_PERSONAL_DATA_KEY_FILE`,
      ["DATA_DIR", ...keyVariables],
    );
  } finally {
    rmSync(draft, { force: true });
  }
}

let installedKey: Buffer | null = null;

/** Makes the configured key the one `seal`/`unseal` use (the server and the CLI call it when they open the database). */
export function installPersonalDataKey(key: Buffer): void {
  installedKey = key;
}

function currentKey(): Buffer {
  if (!installedKey) throw new Error("The personal-data key is not installed (config.personalDataKey).");
  return installedKey;
}

/**
 * The installed key and the keys derived from it as KeyObjects, made once per installed key: a cipher
 * or an HMAC given a KeyObject skips preparing the raw key each time (a list import makes one of each
 * per row: 23 → 11 µs a seal, 18 → 4 µs a fingerprint).
 */
let keyObjects: { of: Buffer; data: KeyObject; fingerprint: KeyObject; files: KeyObject } | null = null;

function currentKeys() {
  const key = currentKey();
  if (keyObjects?.of !== key) {
    const derive = (info: string) => createSecretKey(Buffer.from(hkdfSync("sha256", key, "", info, 32)));
    keyObjects = {
      of: key,
      data: createSecretKey(key),
      fingerprint: derive("astana-personal-fingerprint"),
      files: derive("astana-personal-files"),
    };
  }
  return keyObjects;
}

/** Fresh random IVs, drawn from the system's generator a thousand at a time; each used once. */
const ivPool = Buffer.alloc(12 * 1024);
let ivAt = ivPool.length;

function freshIv(): Buffer {
  if (ivAt >= ivPool.length) {
    randomFillSync(ivPool);
    ivAt = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivAt, ivAt + 12));
  ivAt += 12;
  return iv;
}

/**
 * The installed key, for a worker thread that decrypts off the server's thread (the matching job):
 * handed over in memory, never written to a job's row or anywhere else.
 */
export function personalDataKeyForWorker(): Buffer {
  return currentKey();
}

const version = "v1";

/**
 * Encrypts a record's personal fields (any JSON value) bound to the record's id (`context`), so a
 * ciphertext copied onto another row does not decrypt. Output: `v1.<base64 of iv | tag | ciphertext>`.
 */
export function sealPersonal(value: unknown, context: string): string {
  const iv = freshIv();
  const cipher = createCipheriv("aes-256-gcm", currentKeys().data, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** Decrypts what `sealPersonal` wrote for the same `context`; a wrong key or a moved ciphertext throws. */
export function unsealPersonal<Value>(sealed: string, context: string): Value {
  const [tag, payload] = sealed.split(".", 2);
  if (tag !== version || !payload) throw new Error("Not a sealed personal record.");
  const bytes = Buffer.from(payload, "base64");
  const decipher = createDecipheriv("aes-256-gcm", currentKeys().data, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  return JSON.parse(text) as Value;
}

/**
 * A keyed fingerprint (HMAC-SHA256, with a key derived from the personal-data key) of a normalised
 * personal record: equal records give equal fingerprints, so exact duplicates are found in SQL, while
 * without the key a fingerprint cannot be tested against guessed names.
 */
export function fingerprintPersonal(normalised: string): string {
  return createHmac("sha256", currentKeys().fingerprint).update(normalised, "utf8").digest("base64url");
}

const ivBytes = 12;
const tagBytes = 16;

/**
 * Encrypts a stream of personal data on its way to a file (an uploaded list waiting for its import job),
 * so no name lies in clear on the disk even for a minute: `iv | ciphertext | tag`, AES-256-GCM under a
 * key derived from the personal-data key, bound to `context` (the file's name).
 */
export async function* sealStream(
  source: AsyncIterable<Uint8Array>,
  context: string,
): AsyncGenerator<Buffer> {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv("aes-256-gcm", currentKeys().files, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  yield iv;
  for await (const chunk of source) {
    const sealed = cipher.update(chunk);
    if (sealed.byteLength > 0) yield sealed;
  }
  const last = cipher.final();
  if (last.byteLength > 0) yield last;
  yield cipher.getAuthTag();
}

/** The clear length of a file `sealStream` wrote, from its size on disk. */
export function sealedFileClearBytes(sizeOnDisk: number): number {
  return Math.max(0, sizeOnDisk - ivBytes - tagBytes);
}

/**
 * Reads back a file `sealStream` wrote for the same `context`, streaming. The tag is checked at the end:
 * a changed or truncated file throws there, after its bytes were read, so a caller imports nothing until
 * the whole file has been read.
 */
export async function* openSealedFile(file: string, context: string): AsyncGenerator<Buffer> {
  const handle = await open(file, "r");
  let size: number;
  const iv = Buffer.alloc(ivBytes);
  const tag = Buffer.alloc(tagBytes);
  try {
    size = (await handle.stat()).size;
    if (size < ivBytes + tagBytes) throw new Error("Not a sealed file (too short).");
    await handle.read(iv, 0, ivBytes, 0);
    await handle.read(tag, 0, tagBytes, size - tagBytes);
  } finally {
    await handle.close();
  }
  const decipher = createDecipheriv("aes-256-gcm", currentKeys().files, iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tag);
  if (size > ivBytes + tagBytes)
    for await (const chunk of createReadStream(file, {
      start: ivBytes,
      end: size - tagBytes - 1,
      highWaterMark: 1024 * 1024,
    }) as AsyncIterable<Buffer>) {
      const clear = decipher.update(chunk);
      if (clear.byteLength > 0) yield clear;
    }
  const last = decipher.final();
  if (last.byteLength > 0) yield last;
}
