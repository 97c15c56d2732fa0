import { Link } from "@/components/ui/link";
import type { DisplayRow, ProposedSource, RevisionRef, SubmissionEventView } from "@/lib/views/submissions";
import type { FieldChange } from "@/lib/domain/diff";
import { formatIndiaDate } from "@/lib/domain/dates";
import { SOURCE_KIND_LABELS, type SourceKind } from "@/lib/domain/vocabulary";
import { EVENT_LABELS, formatTimestamp } from "./labels";
import styles from "./review.module.css";

// The parts of a submission's review page. They display what the queries computed; none of them
// decides anything.

export function FieldTable({ rows, caption }: { rows: DisplayRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ListChange({ change }: { change: FieldChange }) {
  return (
    <ul>
      {change.added.map((a) => (
        <li key={`+${a}`} className={styles.added}>
          Added: {a}
        </li>
      ))}
      {change.removed.map((r) => (
        <li key={`-${r}`} className={styles.removed}>
          <span className="visually-hidden">Removed: </span>
          {r}
        </li>
      ))}
    </ul>
  );
}

export function DiffTable({ changes, caption }: { changes: FieldChange[]; caption: string }) {
  if (changes.length === 0) return <p>No field differs from the published record.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Published now</th>
            <th scope="col">Proposed</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.label}</th>
              <td className={styles.before}>{c.before}</td>
              <td>{c.kind === "list" || c.kind === "sources" ? <ListChange change={c} /> : c.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const kindLabel = (kind: string) => SOURCE_KIND_LABELS[kind as SourceKind] ?? kind;

export function ProposedSources({ sources }: { sources: ProposedSource[] }) {
  if (sources.length === 0) return <p>No source is given.</p>;
  return (
    <ol className="source-list">
      {sources.map((s) => (
        <li key={s.url}>
          {/* Addresses are http or https only (the schema refuses any other scheme). */}
          <a href={s.url} rel="noopener noreferrer nofollow external">
            {s.title}
          </a>
          <div className="meta">
            {s.publisher} · {kindLabel(s.kind)} · published {formatIndiaDate(s.publishedOn)} ·{" "}
            <span>{s.url}</span>
          </div>
          {s.alreadyPublished ? (
            <p className="meta">Already cited by the tracker: shown, and linked on approval, as published.</p>
          ) : null}
          {s.excerpt ? <blockquote>{s.excerpt}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}

export function RevisionsSince({ revisions }: { revisions: RevisionRef[] }) {
  return (
    <ul>
      {revisions.map((r) => (
        <li key={r.id}>
          <time dateTime={r.createdAt}>{formatTimestamp(r.createdAt)}</time>: {r.summary}
          {r.actorName ? <> (approved by {r.actorName})</> : null}
        </li>
      ))}
    </ul>
  );
}

export function History({ events }: { events: SubmissionEventView[] }) {
  return (
    <ol className={styles.history}>
      {events.map((e) => (
        <li key={e.id}>
          <strong>{EVENT_LABELS[e.event]}</strong>
          {e.actor ? <> by {e.actor.name}</> : null},{" "}
          <time dateTime={e.createdAt}>{formatTimestamp(e.createdAt)}</time>
          {e.reason ? <blockquote>{e.reason}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}

export function RecordLink({ href, children }: { href: string | null; children: React.ReactNode }) {
  return href ? <Link href={href}>{children}</Link> : <>{children}</>;
}
