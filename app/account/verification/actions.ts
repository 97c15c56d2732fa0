"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { EMAIL_VERIFIED_PATH, getAuth } from "@/auth/better-auth";
import { ANY_ROLE, authorize } from "@/auth/session";
import { RateLimiter, retryMessage } from "@/lib/domain/rate-limit";
import type { FormState } from "@/lib/server/form-state";

// "Send the confirmation link again", for a signed-in person whose address is not confirmed yet.
// The action calls better-auth's API directly, past its HTTP rate limit on
// /send-verification-email (auth/better-auth.ts): this per-person limit stands in, as for the
// password reset.
const resendLimiter = new RateLimiter({ limit: 5, windowMs: 60 * 60_000 });

const answer = (status: FormState["status"], message: string): FormState => ({
  status,
  message,
  errors: {},
  values: {},
});

export async function resendVerificationAction(_prev: FormState, _formData: FormData): Promise<FormState> {
  const auth = await authorize(ANY_ROLE);
  if (!auth.ok) return answer("error", auth.message);
  const { user } = auth;
  // Their own account: saying it is confirmed tells them nothing about anyone else's.
  if (user.emailVerified) return answer("success", "Your email address is already confirmed.");
  const decision = resendLimiter.hit(user.id);
  if (!decision.allowed) return answer("error", retryMessage(decision.retryAfterSeconds));
  try {
    await getAuth().api.sendVerificationEmail({
      body: { email: user.email, callbackURL: EMAIL_VERIFIED_PATH },
      headers: await headers(),
    });
  } catch (e) {
    if (e instanceof APIError) return answer("error", "The link could not be sent. Try again in a minute.");
    throw e;
  }
  return answer("success", `A new link to confirm your address is on its way to ${user.email}.`);
}
