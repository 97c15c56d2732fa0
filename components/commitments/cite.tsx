import { CopyButton } from "@/components/ui/copy-button";
import { citationBibtex, citationText, type CitableCommitment } from "@/lib/domain/citation";

/** How to cite this commitment, as a sentence and as BibTeX, each selectable and copyable. */
export function CiteCommitment({ commitment }: { commitment: CitableCommitment }) {
  const forms = [
    { id: "cite-text", label: "As text", copy: "Copy the citation as text", body: citationText(commitment) },
    {
      id: "cite-bibtex",
      label: "As BibTeX",
      copy: "Copy the citation as BibTeX",
      body: citationBibtex(commitment),
    },
  ];
  return (
    <section aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite this commitment</h2>
      <p>
        The record may be revised later (its history is below), so the citation names the revision you read
        and the date you read it.
      </p>
      {forms.map((f) => (
        <figure key={f.id} className="citation">
          <figcaption id={`${f.id}-label`}>{f.label}</figcaption>
          <pre id={f.id} tabIndex={0}>
            {f.body}
          </pre>
          <CopyButton targetId={f.id} label={f.copy} />
        </figure>
      ))}
    </section>
  );
}
