import type { SourceView } from "@/lib/views/common";
import { formatIndiaDate } from "@/lib/domain/dates";
import { SOURCE_KIND_LABELS } from "@/lib/domain/vocabulary";
import type { SourceArchiveView } from "@/lib/views/source-archive";
import { SourceArchiveNote } from "@/components/sources/source-archive-note";

export function SourceList({
  sources,
  archives,
}: {
  sources: SourceView[];
  /** Each source's archived copy and link state, by source id (issue 15). */
  archives?: ReadonlyMap<number, SourceArchiveView>;
}) {
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
          {archives ? <SourceArchiveNote state={archives.get(s.id)} title={s.title} /> : null}
          {s.excerpt ? <blockquote>{s.excerpt}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}
