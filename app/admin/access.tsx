import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { ADMINS, authorize, type SessionUser } from "@/auth/session";

/**
 * The signed-in admin; a person signed out is sent to sign in and brought back to `next`, and
 * anyone else gets the page's heading and why they cannot see it.
 */
export async function adminOrRefusal(
  next: string,
  heading: string,
): Promise<{ user: SessionUser; refusal?: undefined } | { user?: undefined; refusal: ReactNode }> {
  const auth = await authorize(ADMINS);
  if (auth.ok) return { user: auth.user };
  if (auth.status === 401) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return {
    refusal: (
      <>
        <h1>{heading}</h1>
        <p className="notice">{auth.message}</p>
      </>
    ),
  };
}
