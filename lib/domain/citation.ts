import { DATA_LICENCE, TRACKER_NAME } from "@/lib/export/csv";
import { formatIndiaDate, indiaDate } from "./dates";

// A researcher who quotes a commitment needs a reference that names the record exactly, says
// which state of it they read (records are revised: a restated target, a recorded outcome), and
// carries the licence. Two forms: a sentence to paste into prose, and BibTeX for reference
// managers.

export type CitableCommitment = {
  id: number;
  companyName: string;
  title: string;
  /** Absolute address of the commitment's page. */
  url: string;
  /** ISO date of the record's latest published revision, if it has any. */
  revisedOn: string | null;
  /** ISO date the reader retrieved it: today, in India. */
  retrievedOn: string;
  /**
   * The record's sources as the tracker archived them (issue 15): what a reader can check the
   * cited facts against after the live pages change or vanish, by address, date and hash.
   */
  archivedSources?: readonly ArchivedSourceRef[];
};

export type ArchivedSourceRef = {
  url: string;
  /** When the copy was fetched (ISO instant). */
  archivedAt: string;
  /** SHA-256 of the archived body, hex. */
  sha256: string;
};

function archivedSourcesSentence(list: readonly ArchivedSourceRef[] | undefined): string | null {
  if (!list || list.length === 0) return null;
  const items = list.map(
    (s) => `${s.url} archived on ${formatIndiaDate(indiaDate(new Date(s.archivedAt)))}, SHA-256 ${s.sha256}`,
  );
  return `Sources as archived: ${items.join("; ")}.`;
}

export function citationText(c: CitableCommitment): string {
  const revised = c.revisedOn ? `, as revised on ${formatIndiaDate(c.revisedOn)}` : "";
  const archived = archivedSourcesSentence(c.archivedSources);
  return (
    `${TRACKER_NAME}, "${c.companyName}: ${c.title}" (commitment ${c.id}${revised}), ${c.url}, ` +
    `retrieved ${formatIndiaDate(c.retrievedOn)}. Licence: ${DATA_LICENCE}.` +
    (archived ? ` ${archived}` : "")
  );
}

// BibTeX's special characters, escaped so a title like "R&D share > 50% by Q4_2025" compiles.
const BIBTEX_ESCAPES: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "^": "\\textasciicircum{}",
  "~": "\\textasciitilde{}",
};

export function escapeBibtex(value: string): string {
  // Control characters (a hostile or pasted title) would break the entry; they carry no meaning.
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/[\\{}%&$#_^~]/g, (ch) => BIBTEX_ESCAPES[ch]!);
}

export function citationBibtex(c: CitableCommitment): string {
  const year = (c.revisedOn ?? c.retrievedOn).slice(0, 4);
  const note = [
    `Commitment ${c.id}`,
    c.revisedOn ? `as revised on ${formatIndiaDate(c.revisedOn)}` : null,
    `retrieved ${formatIndiaDate(c.retrievedOn)}`,
    `licence ${DATA_LICENCE}`,
    archivedSourcesSentence(c.archivedSources)?.replace(/\.$/, ""),
  ]
    .filter(Boolean)
    .join("; ");
  // The URL goes in \url{} unescaped, as the url package expects; only characters that would end
  // the braces early are percent-encoded.
  const url = c.url.replace(/[{}\\\s]/g, (ch) => encodeURIComponent(ch));
  return [
    `@misc{mii-tracker-commitment-${c.id},`,
    `  author = {{${escapeBibtex(TRACKER_NAME)}}},`,
    `  title = {{${escapeBibtex(`${c.companyName}: ${c.title}`)}}},`,
    `  year = {${year}},`,
    `  howpublished = {\\url{${url}}},`,
    `  note = {${escapeBibtex(note)}},`,
    `}`,
  ].join("\n");
}
