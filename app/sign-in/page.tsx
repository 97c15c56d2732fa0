import type { Metadata } from "next";
import { SignInForm } from "@/components/forms/account-forms";
import { safeNextPath } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next, reset } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      {reset === "done" ? (
        <p role="status" className="notice">
          Your new password is saved. Sign in with it; you were signed out everywhere else.
        </p>
      ) : null}
      <SignInForm next={safeNextPath(next)} />
    </>
  );
}
