import type { SourceView } from "@/lib/views/common";
import { formatIndiaDate } from "@/lib/domain/dates";
import styles from "./directory.module.css";

/** The sources of one record, compact enough for a table cell: title, publisher and date. */
export function SourceLinks({ sources }: { sources: SourceView[] }) {
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
        </li>
      ))}
    </ul>
  );
}
