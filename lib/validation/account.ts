import { z } from "zod";
import { MAX_PASSWORD_LENGTH, PASSWORD_MESSAGES, passwordProblem } from "@/lib/domain/passwords";
import { ROLES } from "@/lib/domain/vocabulary";
import { text } from "./fields";

const email = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .min(1, "Email is required")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email("Enter an email address like name@example.in"));

export const SignUpSchema = z
  .object({
    name: text({ label: "Name", max: 120 }),
    email,
    password: z.string({ error: "Password is required" }).max(MAX_PASSWORD_LENGTH * 4),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES[problem] });
  });

export const SignInSchema = z.object({
  email,
  password: z
    .string({ error: "Password is required" })
    .min(1, "Password is required")
    .max(MAX_PASSWORD_LENGTH * 4),
});

export const ForgotPasswordSchema = z.object({ email });

/** A new password chosen through the link in the reset message; the same rule as at sign-up. */
export const ResetPasswordSchema = z
  .object({
    token: z
      .string({ error: "This link is not complete" })
      .trim()
      .min(1, "This link is not complete")
      .max(200),
    password: z.string({ error: "Password is required" }).max(MAX_PASSWORD_LENGTH * 4),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, "");
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES[problem] });
  });

export const SetRoleSchema = z.object({
  user_id: z.string().min(1).max(100),
  role: z.enum(ROLES, { error: "Choose a role" }),
});

/** Only a path on this site, so a crafted sign-in link cannot send someone elsewhere afterwards. */
export function safeNextPath(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s]*$/.test(value) && value.length < 500
    ? value
    : "/account";
}
