import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import styles from "@/components/submit/submit.module.css";
import { RECORD_KINDS, SUBMIT_ORDER } from "@/lib/records";
import { requireSignedIn } from "./page-support";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Propose a record" };

export default async function SubmitPage({ searchParams }: PageProps<"/submit">) {
  const user = await requireSignedIn("/submit", await searchParams, []);
  return (
    <>
      <h1>Propose a record</h1>
      {user.emailVerified ? null : (
        <p className="notice">
          Confirm your email address first: follow the link we sent to {user.email}, or{" "}
          <Link href="/account">ask for a new one</Link>. Until then a proposal is not sent.
        </p>
      )}
      <p>
        What you send is checked by a reviewer before it is published. Each record needs at least one source
        that a reader can open. You can follow what becomes of it in{" "}
        <Link href="/account/submissions">your submissions</Link>.
      </p>
      <ul className={styles.kinds}>
        {SUBMIT_ORDER.map((t) => RECORD_KINDS[t].submit).map((k) => (
          <li key={k.slug}>
            <h2>
              <Link href={`/submit/${k.slug}`}>{k.name}</Link>
            </h2>
            <p>{k.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
