import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/forms/account-forms";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1>Forgot your password?</h1>
      <p>
        Give the email address you signed up with. If it has an account, we send it a link to choose a new
        password.
      </p>
      <ForgotPasswordForm />
    </>
  );
}
