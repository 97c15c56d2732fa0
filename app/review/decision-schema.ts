import { z } from "zod";
import { DECISIONS } from "@/lib/domain/vocabulary";
import { reasonRequiredMessage } from "@/lib/messages/mutation-failures";
import { optionalText } from "@/lib/validation/fields";

// The reviewer's decision form. decideSubmission checks the same rules again; this gives the
// messages beside the field before the database is asked.
export const DecisionFormSchema = z
  .object({
    id: z.coerce.number({ error: "Unknown submission" }).int().positive("Unknown submission"),
    decision: z.enum(DECISIONS, { error: "Choose approve, request changes or reject" }),
    reason: optionalText({ label: "Reason", max: 2000, multiline: true }),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" && v.reason === null) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: reasonRequiredMessage(v.decision),
      });
    }
  });
export type DecisionForm = z.output<typeof DecisionFormSchema>;

/** The queue's status line after a decision: /review?decided=12&outcome=approve. */
export const DecidedParamsSchema = z.object({
  decided: z.coerce.number().int().positive(),
  outcome: z.enum(DECISIONS),
});
