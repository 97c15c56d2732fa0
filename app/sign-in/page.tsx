import type { Metadata } from "next";
import { SignInForm } from "@/components/forms/account-forms";
import { safeNextPath } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      <SignInForm next={safeNextPath(next)} />
    </>
  );
}
