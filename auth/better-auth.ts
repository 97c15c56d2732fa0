import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/db";
import { authSecret } from "@/db/auth-secret";
import { mailOrigin } from "@/db/mail-origin";
import { enqueueMail } from "@/db/mutations/outbox-enqueue";
import { accounts, sessions, users, verifications } from "@/db/schema";
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_MESSAGES,
  passwordProblem,
} from "@/lib/domain/passwords";
import { siteLink } from "@/lib/mail/origin";
import { renderPasswordReset } from "@/lib/mail/password-reset";

/** How long a link to choose a new password works. */
export const RESET_LINK_MINUTES = 60;

// Email-and-password accounts through better-auth, with its tables in our SQLite file. The auth
// instance is created on first use, like the database handle, so `next build` opens nothing.

function createAuth() {
  const baseURL = process.env.BETTER_AUTH_URL?.trim() || undefined;
  return betterAuth({
    appName: "Make in India localisation tracker",
    baseURL,
    // Requests to /api/auth must come from the site itself: the address the request was made to
    // (its Host), or BETTER_AUTH_URL when the site sits behind a proxy that rewrites Host.
    trustedOrigins: (request) => {
      const host = request?.headers.get("host");
      const own =
        host && /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) ? [`http://${host}`, `https://${host}`] : [];
      return baseURL ? [...own, new URL(baseURL).origin] : own;
    },
    secret: authSecret(),
    database: drizzleAdapter(getDb(), {
      provider: "sqlite",
      // better-sqlite3 is synchronous: better-auth's asynchronous transactions cannot use it.
      transaction: false,
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: true,
      // better-auth makes the single-use token and checks it on /reset-password; the link goes
      // through the outbox like all mail, so it is sent (and retried) by the sender, not here.
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        enqueueMail(getDb(), {
          recipient: user.email,
          dedupeKey: `password-reset:${token}`,
          mail: renderPasswordReset({
            recipientName: user.name,
            link: siteLink(mailOrigin(), `/reset-password?token=${encodeURIComponent(token)}`),
            expiresInMinutes: RESET_LINK_MINUTES,
          }),
        });
      },
    },
    user: {
      additionalFields: {
        // Every new account is a contributor; only an admin changes a role, never the person.
        role: { type: "string", required: false, defaultValue: "contributor", input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 3600, max: 10 },
        "/request-password-reset": { window: 3600, max: 5 },
        "/reset-password": { window: 3600, max: 10 },
      },
    },
    advanced: {
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // The rate limit's per-address key. instrumentation.ts has already replaced whatever the
      // client sent with the one address it resolved (docs/decisions/0013), so better-auth sees a
      // single value and needs no proxy list of its own.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    telemetry: { enabled: false },
    hooks: {
      // The same password rule as the sign-up form, for anyone who posts to /api/auth directly.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-up/email") return;
        const body = ctx.body as { password?: unknown; email?: unknown } | undefined;
        const problem = passwordProblem(String(body?.password ?? ""), String(body?.email ?? ""));
        if (problem) throw new APIError("BAD_REQUEST", { message: PASSWORD_MESSAGES[problem] });
      }),
    },
    plugins: [nextCookies()],
  });
}

let instance: ReturnType<typeof createAuth> | undefined;

export function getAuth() {
  instance ??= createAuth();
  return instance;
}
