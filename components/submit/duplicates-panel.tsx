import { Link } from "@/components/ui/link";
import type { DuplicateCheck } from "./types";
import styles from "./submit.module.css";

/**
 * What the duplicate check found. The list informs; it never blocks: a company may restate a
 * target, and the person can still send theirs (a reviewer decides).
 */
export function DuplicatesPanel({ check, checking }: { check: DuplicateCheck | null; checking: boolean }) {
  const found = check?.status === "checked" ? check.published.length + check.pending : 0;
  return (
    <section className={styles.duplicates} aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Is it already on the tracker?</h2>
      <p className="hint">
        Commitments by the same company with a similar title and a deadline in the same year are listed here,
        so the same fact is not proposed twice. With JavaScript the check runs as you type; otherwise press
        “Check for duplicates” below.
      </p>
      <div role="status">
        {checking && !check ? <p>Checking…</p> : null}
        {check?.status === "incomplete" ? <p>{check.message}</p> : null}
        {check?.status === "checked" && found === 0 ? (
          <p>No similar commitment found for this company, title and deadline year.</p>
        ) : null}
        {check?.status === "checked" && found > 0 ? (
          <>
            <p>
              <strong>Likely duplicates found.</strong> Please check that yours is not one of these:
            </p>
            <ul aria-label="Likely duplicates">
              {check.published.map((d) => (
                <li key={d.id}>
                  <Link href={d.href}>{d.title}</Link> ({d.deadline}
                  {d.withdrawn ? ", withdrawn" : ""})
                </li>
              ))}
              {check.pending > 0 ? (
                <li>
                  {check.pending === 1
                    ? "A similar commitment has been proposed and is waiting for review."
                    : `${check.pending} similar commitments have been proposed and are waiting for review.`}
                </li>
              ) : null}
            </ul>
            <p>
              If yours is a different commitment, or restates one with a new target or deadline, you can still
              send it.
            </p>
          </>
        ) : null}
      </div>
    </section>
  );
}
