import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { WARC_1_1, WARCRecord, WARCSerializer } from "warcio";
import type { Fetched } from "./safe-get";

// One capture, one file: a warcinfo record, the response and the request, each gzipped on its
// own (so standard tools can seek to a record), at {archiveDir}/{yyyy}/{mm}/{sha256}-{time}.warc.gz
// (docs/decisions/0028). The body is stored as the content, with any content coding undone and
// chunking removed, so the WARC payload digest is the SHA-256 the database holds.

const SOFTWARE = "Make in India localisation tracker (warcio.js 2.4)";

/**
 * The response headers as stored. The body is kept decoded, so the headers that described the
 * bytes on the wire are kept under the X-Archive-Orig- prefix (as pywb does) and Content-Length
 * states the stored length: a WARC reader then neither dechunks nor decompresses it again.
 */
function storedHeaders(fetched: Fetched): [string, string][] {
  const renamed = new Set(["transfer-encoding", "content-length"]);
  if (fetched.decoded.length > 0) renamed.add("content-encoding");
  const out = fetched.headers.map(([name, value]): [string, string] =>
    renamed.has(name.toLowerCase()) ? [`X-Archive-Orig-${name}`, value] : [name, value],
  );
  out.push(["Content-Length", String(fetched.body.length)]);
  return out;
}

function compactTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(".", "");
}

async function serialise(fetched: Fetched, sha256: string, fileName: string): Promise<Buffer> {
  const date = fetched.at.toISOString();
  const info: Record<string, string> = {
    software: SOFTWARE,
    format: "WARC File Format 1.1",
    conformsTo: "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
    "http-header-user-agent": fetched.requestHeaders.find(([name]) => name === "User-Agent")?.[1] ?? "",
    robots: "obey",
    "requested-url": fetched.requestedUrl,
    "payload-sha256": sha256,
  };
  if (fetched.redirects.length > 0)
    info.redirects = fetched.redirects.map((r) => `${r.status} ${r.from} -> ${r.to}`).join(" ; ");
  const warcinfo = await WARCRecord.createWARCInfo({ filename: fileName, warcVersion: WARC_1_1, date }, info);
  const infoId = warcinfo.warcHeader("WARC-Record-ID") ?? "";

  const responseWarcHeaders: Record<string, string> = { "WARC-Warcinfo-ID": infoId };
  if (fetched.remoteAddress) responseWarcHeaders["WARC-IP-Address"] = fetched.remoteAddress;
  const response = WARCRecord.create(
    {
      url: fetched.finalUrl,
      date,
      type: "response",
      warcVersion: WARC_1_1,
      statusline: `HTTP/${fetched.httpVersion} ${fetched.status} ${fetched.statusText}`.trimEnd(),
      httpHeaders: storedHeaders(fetched),
      warcHeaders: responseWarcHeaders,
    },
    [new Uint8Array(fetched.body.buffer, fetched.body.byteOffset, fetched.body.byteLength)],
  );
  const request = WARCRecord.create({
    url: fetched.finalUrl,
    date,
    type: "request",
    warcVersion: WARC_1_1,
    statusline: `GET ${fetched.requestTarget} HTTP/1.1`,
    httpHeaders: fetched.requestHeaders,
    warcHeaders: {
      "WARC-Warcinfo-ID": infoId,
      "WARC-Concurrent-To": response.warcHeader("WARC-Record-ID") ?? "",
    },
  });
  const parts = await Promise.all(
    [warcinfo, response, request].map((record) => WARCSerializer.serialize(record, { gzip: true })),
  );
  return Buffer.concat(parts);
}

/**
 * Writes the capture and returns its path relative to `archiveDir`. The file is written under a
 * temporary name, flushed, then hard-linked to its final name, which fails rather than replace
 * a file already there: a capture is never overwritten, and a reader never sees half a file.
 */
export async function writeCapture(archiveDir: string, fetched: Fetched, sha256: string): Promise<string> {
  const at = fetched.at;
  const folder = path.posix.join(String(at.getUTCFullYear()), String(at.getUTCMonth() + 1).padStart(2, "0"));
  const dir = path.join(archiveDir, folder);
  await fs.mkdir(dir, { recursive: true });
  const stem = `${sha256}-${compactTime(at)}`;
  const data = await serialise(fetched, sha256, `${stem}.warc.gz`);

  const temp = path.join(dir, `.${stem}.${randomUUID()}.tmp`);
  const handle = await fs.open(temp, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${stem}.warc.gz` : `${stem}-${n}.warc.gz`;
      try {
        await fs.link(temp, path.join(dir, name));
        return path.posix.join(folder, name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || n >= 100) throw error;
      }
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}
