import { z } from "zod";
import { text } from "@/lib/validation/fields";

/** What a withdrawal proposes, for any kind: only why. The record itself stays, marked withdrawn. */
export const WithdrawalInputSchema = z.object({
  reason: text({ label: "Reason for withdrawing", max: 2000, multiline: true }),
});
export type WithdrawalInput = z.output<typeof WithdrawalInputSchema>;
