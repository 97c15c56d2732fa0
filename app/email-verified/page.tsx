import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ResendVerification } from "@/components/forms/resend-verification";
import { currentUser } from "@/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Email address confirmed" };

// Where better-auth's /api/auth/verify-email sends the person after following the link in the
// message (auth/better-auth.ts): signed in, with the address confirmed; or, with `?error=`, back
// here to be told why the link did not work. Nothing here says which address a link was for.

const LINK_PROBLEMS: Record<string, string> = {
  TOKEN_EXPIRED: "This link has expired.",
  INVALID_TOKEN: "This link is not complete or not valid.",
  USER_NOT_FOUND: "This link is not valid.",
};

export default async function EmailVerifiedPage({ searchParams }: PageProps<"/email-verified">) {
  const { error } = await searchParams;
  const user = await currentUser();
  if (error !== undefined) {
    const problem = (typeof error === "string" && LINK_PROBLEMS[error]) || "This link did not work.";
    return (
      <>
        <h1>The address was not confirmed</h1>
        <p>{problem}</p>
        {user && !user.emailVerified ? (
          <>
            <p>We can send a new link to {user.email}.</p>
            <ResendVerification />
          </>
        ) : user ? (
          <p>
            Your address is confirmed already. <Link href="/submit">Propose a record</Link>.
          </p>
        ) : (
          <p>
            <Link href="/sign-in?next=/account">Sign in</Link>, and ask for a new link from your account page.
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <h1>Email address confirmed</h1>
      <p role="status" className="notice">
        Your email address is confirmed. You can now propose records; a reviewer checks each one before it is
        published.
      </p>
      <ul>
        <li>
          <Link href="/submit">Propose a record</Link>
        </li>
        <li>{user ? <Link href="/account">Your account</Link> : <Link href="/sign-in">Sign in</Link>}</li>
      </ul>
    </>
  );
}
