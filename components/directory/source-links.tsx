import type { SourceView } from "@/lib/views/common";
import { formatIndiaDate } from "@/lib/domain/dates";
import type { SourceArchiveView } from "@/lib/views/source-archive";
import { SourceArchiveNote } from "@/components/sources/source-archive-note";
import styles from "./directory.module.css";

/** The sources of one record, compact enough for a table cell: title, publisher and date. */
export function SourceLinks({
  sources,
  archives,
}: {
  sources: SourceView[];
  /** Each source's archived copy and link state, by source id (issue 15). */
  archives?: ReadonlyMap<number, SourceArchiveView>;
}) {
  if (sources.length === 0) return <span className="meta">No source is linked.</span>;
  return (
    <ul className={styles.sources}>
      {sources.map((s) => (
        <li key={s.id}>
          <a href={s.url} rel="noopener noreferrer external">
            {s.title}
          </a>
          <span className="meta">
            {" "}
            ({s.publisher}, {formatIndiaDate(s.publishedOn)})
          </span>
          {archives ? <SourceArchiveNote state={archives.get(s.id)} title={s.title} /> : null}
        </li>
      ))}
    </ul>
  );
}
