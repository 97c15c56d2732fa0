import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ResetPasswordForm } from "@/components/forms/account-forms";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token.trim() : "";
  return (
    <>
      <h1>Choose a new password</h1>
      {value ? (
        <ResetPasswordForm token={value} />
      ) : (
        <p>
          This link is not complete. Open the link in the message again, or{" "}
          <Link href="/forgot-password">ask for a new one</Link>.
        </p>
      )}
    </>
  );
}
