import type { Metadata } from "next";
import { SignUpForm } from "@/components/forms/account-forms";
import { safeNextPath } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { next } = await searchParams;
  return (
    <>
      <h1>Create an account</h1>
      <p className="lede">
        An account lets you propose commitments and progress, each with its source. A reviewer checks every
        proposal before it is published. We send a link to confirm your address: until you follow it you can
        sign in and read, but not propose.
      </p>
      <SignUpForm next={safeNextPath(next)} />
    </>
  );
}
