import {
  EVIDENCE_GRADE_DESCRIPTIONS,
  EVIDENCE_GRADE_LABELS,
  EVIDENCE_GRADES,
  type EvidenceGrade,
} from "@/lib/domain/vocabulary";

/** The grade in words, with a meter of how strong it is, so "in talks" never reads like "land acquired". */
export function EvidenceGradeMark({ grade }: { grade: EvidenceGrade }) {
  const strength = EVIDENCE_GRADES.indexOf(grade) + 1;
  return (
    <span className={`evidence evidence-${grade}`} title={EVIDENCE_GRADE_DESCRIPTIONS[grade]}>
      <span className="evidence-meter" aria-hidden="true">
        {EVIDENCE_GRADES.map((g, i) => (
          <span key={g} className={i < strength ? "filled" : undefined} />
        ))}
      </span>
      <span>
        {EVIDENCE_GRADE_LABELS[grade]}
        <span className="visually-hidden">
          {" "}
          (evidence strength {strength} of {EVIDENCE_GRADES.length})
        </span>
      </span>
    </span>
  );
}
