import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/auth/session";
import { DigestSettingsForm } from "@/components/forms/digest-settings-form";
import { getDb } from "@/db";
import { DEADLINE_DIGEST_ROLES, digestFrequencies } from "@/db/queries/digests";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

const ROLE_WORDS = {
  contributor: "Contributor: you can propose records; reviewers decide what is published.",
  reviewer: "Reviewer: you decide what is published and watch the deadlines.",
  admin: "Admin: you manage accounts and roles, and can review.",
} as const;

/** The digests this person can receive, with their choice: the deadline one is for reviewers. */
function digestChoices(user: { id: string; role: keyof typeof ROLE_WORDS }) {
  const { deadline_digest, watch_digest } = digestFrequencies(getDb(), user.id);
  return DEADLINE_DIGEST_ROLES.includes(user.role) ? { deadline_digest, watch_digest } : { watch_digest };
}

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/account");
  return (
    <>
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_WORDS[user.role]}</dd>
      </dl>
      <h2>What you can do</h2>
      <ul>
        <li>
          <Link href="/submit">Propose a commitment, progress update, company, facility or partnership</Link>
        </li>
        <li>
          <Link href="/account/submissions">See what became of your proposals</Link>
        </li>
        <li>
          <Link href="/account/watching">See what changed in the companies and commitments you watch</Link>
        </li>
        {user.role !== "contributor" ? (
          <>
            <li>
              <Link href="/review">Review pending proposals</Link>
            </li>
            <li>
              <Link href="/deadlines">Watch deadlines</Link>
            </li>
          </>
        ) : null}
        {user.role === "admin" ? (
          <li>
            <Link href="/admin/users">Manage accounts and roles</Link>
          </li>
        ) : null}
      </ul>
      <section id="digests" aria-labelledby="digests-heading">
        <h2 id="digests-heading">Email digests</h2>
        <p>
          How often we email you a summary, sent in the morning (India time); a daily digest comes each day, a
          weekly one on Mondays. Each message has a link to unsubscribe.
        </p>
        <DigestSettingsForm settings={digestChoices(user)} />
      </section>
      <form action={signOutAction}>
        <button type="submit" className="secondary">
          Sign out
        </button>
      </form>
    </>
  );
}
