// Uploads waiting for their import job: a large file is written to a folder of the data directory as it
// arrives (counted against a limit: 413 past it), the request answers with the job at once, the job reads
// the file and removes it when it ends; at start-up, files and staged rows of jobs a stop or a kill
// interrupted are removed. A file's name is a fresh UUID this server gave, so a job's input (kept on
// the job's row, `{ file }`) can never name another path.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, inArray, sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import type { DomainError } from "./errors.ts";
import { jobs } from "./schema.ts";
import { discardAbandoned, type StagingTable } from "./staging.ts";

/** Uploads and staged rows of no running import are removed after this long (an upload never queued). */
const orphanAgeMs = 10 * 60 * 1000;

export type SaveOptions = {
  maxBytes: number;
  /** The refusal past `maxBytes` (its message points to the CLI, which streams any size). */
  tooLarge: () => DomainError;
  /** Sees each chunk as it arrives (with the bytes so far): throws to refuse the file at once. */
  inspect?: (chunk: Buffer, bytes: number) => void;
  /** Rewrites the bytes on their way to disk (personal data is sealed: platform/personal-data.ts). */
  transform?: (source: AsyncIterable<Buffer>, name: string) => AsyncIterable<Buffer>;
};

/**
 * A module's uploads: `folder` in the data directory, files named `<uuid>.<extension>`, read by jobs of
 * `jobKind` whose input names the file as `file`, with rows staged in `staging` (optional).
 */
export function uploadArea(options: {
  folder: string;
  jobKind: string;
  extension: string;
  staging?: StagingTable;
}) {
  const namePattern = new RegExp(
    `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.${options.extension}$`,
  );
  let current: string | null = null;
  const directory = (dataDir: string) => path.join(dataDir, options.folder);
  return {
    /** An upload's name: a fresh UUID with the area's extension. */
    namePattern,
    directory,
    /** Set once by the module's start-up: the directory of this server's uploads. */
    use(dataDir: string): void {
      current = directory(dataDir);
    },
    newName: () => `${randomUUID()}.${options.extension}`,
    /** The path of an upload, refused unless it is a name this server gives. */
    path(name: string): string {
      if (!current) throw new Error(`the ${options.folder} directory is not set (server start-up)`);
      if (!namePattern.test(name)) throw new Error(`not an upload name: ${name}`);
      return path.join(current, name);
    },
    /** Removes an upload (a job refused after the file was kept). */
    async discard(dataDir: string, name: string): Promise<void> {
      if (namePattern.test(name)) await rm(path.join(directory(dataDir), name), { force: true });
    },
    /**
     * Writes a request's body to a new upload, counting its bytes (refused past the limit) and letting
     * `inspect` refuse it as it arrives; a refused or failed upload leaves no file. Answers its name and
     * size (as sent, before any transform).
     */
    async save(
      body: AsyncIterable<Buffer>,
      dataDir: string,
      save: SaveOptions,
    ): Promise<{ name: string; bytes: number }> {
      const dir = directory(dataDir);
      await mkdir(dir, { recursive: true });
      const name = `${randomUUID()}.${options.extension}`;
      const file = path.join(dir, name);
      let bytes = 0;
      async function* counted(): AsyncGenerator<Buffer> {
        for await (const chunk of body) {
          bytes += chunk.byteLength;
          if (bytes > save.maxBytes) throw save.tooLarge();
          save.inspect?.(chunk, bytes);
          yield chunk;
        }
      }
      try {
        const bytesOut = save.transform ? save.transform(counted(), name) : counted();
        await pipeline(Readable.from(bytesOut), createWriteStream(file, { flags: "wx" }));
      } catch (error) {
        if (body instanceof Readable) body.resume();
        await rm(file, { force: true });
        throw error;
      }
      return { name, bytes };
    },
    /**
     * Removes what interrupted imports left: uploads and staged rows whose job is no longer queued or
     * running (the platform marks a stopped server's jobs failed before this runs). Files no job of this
     * database names are removed only once old: they may belong to another database's server.
     */
    async cleanInterrupted(db: Db, dataDir: string): Promise<{ files: number; rows: number }> {
      const ofKind = sql`${jobs.kind} = ${options.jobKind}`;
      const live = await db
        .select({ id: jobs.id, file: sql<string>`${jobs.input}->>'file'` })
        .from(jobs)
        .where(and(ofKind, inArray(jobs.state, ["queued", "running"])));
      const known = await db
        .select({ file: sql<string>`${jobs.input}->>'file'` })
        .from(jobs)
        .where(ofKind);
      const liveFiles = new Set(live.map((job) => job.file));
      const knownFiles = new Set(known.map((job) => job.file));
      const dir = directory(dataDir);
      let files = 0;
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (!namePattern.test(name) || liveFiles.has(name)) continue;
        const full = path.join(dir, name);
        const modified = (await stat(full).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
        if (knownFiles.has(name) || Date.now() - modified > orphanAgeMs) {
          await rm(full, { force: true });
          files += 1;
        }
      }
      const rows = options.staging
        ? await discardAbandoned(
            db,
            options.staging,
            live.map((job) => job.id),
            sql`(select id from ${jobs} where kind = ${options.jobKind})`,
            new Date(Date.now() - orphanAgeMs),
          )
        : 0;
      return { files, rows };
    },
  };
}

export type UploadArea = ReturnType<typeof uploadArea>;
