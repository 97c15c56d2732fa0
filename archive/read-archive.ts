import fs from "node:fs";
import path from "node:path";
import { WARCParser } from "warcio";

// Reads an archived capture back, for the viewer and the download (docs/decisions/0028).

export type ArchivedResponse = {
  targetUri: string;
  /** The WARC-Date: when the response arrived. */
  date: string;
  status: number;
  contentType: string | null;
  /** As the server sent them (names lower-cased), the wire-only ones renamed x-archive-orig-… when written. */
  headers: [string, string][];
  body: Buffer;
};

/**
 * The response record of `warcFile` (a path relative to `archiveDir`, as archiveUrl returned it).
 * A path that leaves `archiveDir` is refused, so a bad value in the database cannot read other files.
 */
export async function readArchivedResponse(archiveDir: string, warcFile: string): Promise<ArchivedResponse> {
  const root = path.resolve(archiveDir);
  const file = path.resolve(root, warcFile);
  if (path.isAbsolute(warcFile) || !file.startsWith(root + path.sep))
    throw new Error(`${warcFile} is not a path inside the archive folder`);

  const stream = fs.createReadStream(file);
  try {
    for await (const record of new WARCParser(stream)) {
      if (record.warcType !== "response" || !record.httpHeaders) continue;
      const headers: [string, string][] = [...record.httpHeaders.headers];
      const body = Buffer.from(await record.readFully(true));
      return {
        targetUri: record.warcTargetURI ?? "",
        date: record.warcDate ?? "",
        status: Number(record.httpHeaders.statusCode),
        contentType: headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? null,
        headers,
        body,
      };
    }
  } finally {
    stream.destroy();
  }
  throw new Error(`${warcFile} holds no response record`);
}
