import { Link } from "@/components/ui/link";
import type {
  DisplayRow,
  LinkedProposal,
  ProposedSource,
  RevisionRef,
  SubmissionEventView,
} from "@/lib/views/submissions";
import type { FieldChange } from "@/lib/domain/diff";
import { formatIndiaDate } from "@/lib/domain/dates";
import { SOURCE_KIND_LABELS, type SourceKind } from "@/lib/domain/vocabulary";
import { EVENT_LABELS, formatTimestamp, proposalKind, STATE_LABELS } from "./labels";
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

function LinkedList({ items }: { items: LinkedProposal[] }) {
  return (
    <ul>
      {items.map((p) => (
        <li key={p.id}>
          <Link href={`/review/${p.id}`}>
            {proposalKind(p.recordType, p.action)}: {p.title}
          </Link>{" "}
          <span className="meta">
            submission {p.id}, {STATE_LABELS[p.state].toLowerCase()}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A new company and what names it, proposed together by one contributor: the reviewer sees the
 * order they must be decided in, and what a rejection of the company sends back.
 */
export function LinkedProposals({
  linked,
}: {
  linked: { waitingFor: LinkedProposal[]; dependants: LinkedProposal[] };
}) {
  return (
    <section className={`notice ${styles.section}`} aria-labelledby="linked-heading">
      <h2 id="linked-heading">Proposed together</h2>
      {linked.waitingFor.length > 0 ? (
        <>
          <p>
            This names a company that the same contributor proposed and that is not yet approved. Decide on
            the company first: this cannot be approved until the company is published.
          </p>
          <LinkedList items={linked.waitingFor} />
        </>
      ) : null}
      {linked.dependants.length > 0 ? (
        <>
          <p>
            The same contributor’s proposals that name this company. Approve the company first, then them; if
            you reject it, they go back to the contributor with your reason.
          </p>
          <LinkedList items={linked.dependants} />
        </>
      ) : null}
    </section>
  );
}
