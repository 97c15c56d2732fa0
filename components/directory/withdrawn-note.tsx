import { formatIndiaDate } from "@/lib/domain/dates";
import styles from "./directory.module.css";

/** Marks a withdrawn record where it is listed, with when and why: it stays visible, never silently gone. */
export function WithdrawnNote({
  on,
  reason,
  badge = true,
}: {
  on: string | null;
  reason: string | null;
  /** Off where a status badge in the same row already says "Withdrawn". */
  badge?: boolean;
}) {
  if (!on) return null;
  return (
    <div className={styles.withdrawn}>
      {badge ? <span className="badge status-withdrawn">Withdrawn</span> : null}{" "}
      <span className="meta">
        {badge ? "on" : "Withdrawn on"} {formatIndiaDate(on)}
        {reason ? <>: {reason}</> : null}
      </span>
    </div>
  );
}
