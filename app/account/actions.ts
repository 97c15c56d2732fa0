"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { RateLimiter, retryMessage } from "@/lib/domain/rate-limit";
import { getAuth, VERIFICATION_LINK_HOURS } from "@/auth/better-auth";
import { echoValues, type FormState } from "@/lib/server/form-state";
import { clientAddress } from "@/auth/session";
import { fieldErrors } from "@/lib/validation/submissions";
import {
  ForgotPasswordSchema,
  ResetPasswordSchema,
  safeNextPath,
  SignInSchema,
  SignUpSchema,
} from "@/lib/validation/account";

// Limits per client address, in this process; better-auth applies its own to /api/auth too.
const signInLimiter = new RateLimiter({ limit: 10, windowMs: 60_000 });
const signUpLimiter = new RateLimiter({ limit: 5, windowMs: 10 * 60_000 });
// Server actions call better-auth's API directly, past its HTTP rate limits: these stand in.
const resetRequestLimiter = new RateLimiter({ limit: 5, windowMs: 60 * 60_000 });
const resetLimiter = new RateLimiter({ limit: 10, windowMs: 60 * 60_000 });

/** The same answer whether or not the address has an account: no account discovery. */
const RESET_REQUESTED_MESSAGE =
  "If an account uses this address, a link to choose a new password is on its way to it. The link works once, for an hour.";

/**
 * The answer to every sign-up that passes validation, whether the address is new or already has
 * an account: no account discovery (docs/decisions/0025).
 */
function signedUpMessage(email: string): string {
  return `Check your inbox at ${email}. If the address is new, your account is made and a link to confirm the address is on its way; it works for ${VERIFICATION_LINK_HOURS} hours. If the address already has an account, no new one is made: sign in, or ask for a new password.`;
}

function limited(limiter: RateLimiter, key: string, formData: FormData): FormState | null {
  const decision = limiter.hit(key);
  if (decision.allowed) return null;
  return {
    status: "error",
    message: retryMessage(decision.retryAfterSeconds),
    errors: {},
    values: echoValues(formData),
  };
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const tooMany = limited(signUpLimiter, await clientAddress(), formData);
  if (tooMany) return tooMany;
  const parsed = SignUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "error", errors: fieldErrors(parsed.error), values: echoValues(formData) };
  }
  try {
    await getAuth().api.signUpEmail({ body: parsed.data, headers: await headers() });
  } catch (e) {
    // A password the hook refused, or a store that failed: neither depends on whether the
    // address has an account (better-auth answers an existing one as it answers a new one).
    if (e instanceof APIError) {
      return { status: "error", errors: {}, message: e.message, values: echoValues(formData) };
    }
    throw e;
  }
  return { status: "success", message: signedUpMessage(parsed.data.email), errors: {}, values: {} };
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const email = String(formData.get("email") ?? "").toLowerCase();
  const tooMany = limited(signInLimiter, `${await clientAddress()}:${email}`, formData);
  if (tooMany) return tooMany;
  const parsed = SignInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "error", errors: fieldErrors(parsed.error), values: echoValues(formData) };
  }
  try {
    await getAuth().api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch (e) {
    if (e instanceof APIError) {
      // The same words whether the email or the password was wrong: no account discovery.
      return {
        status: "error",
        message: "The email or password is not right.",
        errors: {},
        values: echoValues(formData),
      };
    }
    throw e;
  }
  redirect(safeNextPath(formData.get("next")));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/");
}

export async function forgotPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const email = String(formData.get("email") ?? "").toLowerCase();
  const address = await clientAddress();
  // Per address and per account asked about, so one visitor cannot flood someone's inbox.
  const tooMany =
    limited(resetRequestLimiter, `from:${address}`, formData) ??
    limited(resetRequestLimiter, `for:${email}`, formData);
  if (tooMany) return tooMany;
  const parsed = ForgotPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "error", errors: fieldErrors(parsed.error), values: echoValues(formData) };
  }
  await getAuth().api.requestPasswordReset({ body: { email: parsed.data.email }, headers: await headers() });
  return { status: "success", message: RESET_REQUESTED_MESSAGE, errors: {}, values: {} };
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const tooMany = limited(resetLimiter, await clientAddress(), formData);
  if (tooMany) return tooMany;
  const parsed = ResetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "error", errors: fieldErrors(parsed.error), values: echoValues(formData) };
  }
  try {
    await getAuth().api.resetPassword({
      body: { newPassword: parsed.data.password, token: parsed.data.token },
      headers: await headers(),
    });
  } catch (e) {
    if (e instanceof APIError) {
      return {
        status: "error",
        message: "This link has expired or has been used. Ask for a new one below.",
        errors: {},
        values: echoValues(formData),
      };
    }
    throw e;
  }
  redirect("/sign-in?reset=done");
}
