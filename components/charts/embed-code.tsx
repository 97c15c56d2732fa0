import styles from "./embed-code.module.css";

export type EmbedCodeProps = {
  /** Unique in the page: the ids of the field and its hint derive from it. */
  id: string;
  /** The <iframe> code (lib/charts/embed-html.ts iframeCode), with an absolute address. */
  code: string;
};

/**
 * The code to embed a chart in another site (issue 14). Works without JavaScript: a disclosure
 * the keyboard opens, and a read-only field, labelled, whose text can be selected and copied.
 */
export function EmbedCode({ id, code }: EmbedCodeProps) {
  const field = `${id}-embed-code`;
  return (
    <details className={styles.embed}>
      <summary>Embed this chart</summary>
      <label htmlFor={field}>Code to paste into your own page</label>
      <textarea
        id={field}
        readOnly
        rows={3}
        value={code}
        aria-describedby={`${field}-hint`}
        spellCheck={false}
      />
      <p id={`${field}-hint`} className="meta">
        Current figures, credited (CC BY 4.0), with a link back here.
      </p>
    </details>
  );
}
