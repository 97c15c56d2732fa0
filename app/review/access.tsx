import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { authorize, REVIEWERS, type SessionUser } from "@/auth/session";

/**
 * The signed-in reviewer or admin; a person signed out is sent to sign in and brought back to
 * `next`, and anyone else gets the page's heading and why they cannot see it.
 */
export async function reviewerOrRefusal(
  next: string,
  heading: string,
): Promise<{ user: SessionUser; refusal?: undefined } | { user?: undefined; refusal: ReactNode }> {
  const auth = await authorize(REVIEWERS);
  if (auth.ok) return { user: auth.user };
  if (auth.status === 401) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return {
    refusal: (
      <>
        <h1>{heading}</h1>
        <p className="notice">
          {auth.message} Reviewing submissions is for reviewers and admins; an admin can change an
          account&apos;s role.
        </p>
      </>
    ),
  };
}
