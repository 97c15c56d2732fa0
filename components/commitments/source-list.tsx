import type { SourceView } from "@/lib/views/common";
import { formatIndiaDate } from "@/lib/domain/dates";
import { SOURCE_KIND_LABELS } from "@/lib/domain/vocabulary";

export function SourceList({ sources }: { sources: SourceView[] }) {
  if (sources.length === 0) return <p>No source is linked.</p>;
  return (
    <ul className="source-list">
      {sources.map((s) => (
        <li key={s.id}>
          <a href={s.url} rel="noopener noreferrer external">
            {s.title}
          </a>
          <div className="meta">
            {s.publisher} · {SOURCE_KIND_LABELS[s.kind]} · published {formatIndiaDate(s.publishedOn)}
            {s.accessedOn ? <> · accessed {formatIndiaDate(s.accessedOn)}</> : null}
          </div>
          {s.excerpt ? <blockquote>{s.excerpt}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}
