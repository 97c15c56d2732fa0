import { Link } from "@/components/ui/link";
import { unwatchAction, watchAction } from "@/app/account/watching/actions";
import type { WatchTarget } from "@/lib/views/watches";
import { FocusOnArrival } from "./focus-on-arrival";

const NOUNS = { company: "company", commitment: "commitment" } as const;

/**
 * One form whether watching or not, so that with JavaScript the same button stays in place (and
 * keeps the keyboard focus) while its words change; the line under it is a live region that says
 * what the press did.
 */
export function WatchForm({
  target,
  name,
  watching,
  back,
}: {
  target: WatchTarget;
  /** What the record is called, for the button's accessible name. */
  name: string;
  watching: boolean;
  back: "record" | "watching";
}) {
  const statusId = `watch-${target.kind}-${target.id}-status`;
  return (
    <form action={watching ? unwatchAction : watchAction} className="watch-form">
      <input type="hidden" name="kind" value={target.kind} />
      <input type="hidden" name="id" value={target.id} />
      <input type="hidden" name="back" value={back} />
      <button
        type="submit"
        className={watching ? "secondary" : undefined}
        aria-describedby={back === "record" ? statusId : undefined}
      >
        {watching ? "Stop watching" : "Watch"}
        <span className="visually-hidden"> {name}</span>
      </button>
      {back === "record" ? (
        <p id={statusId} role="status" className="hint">
          {watching ? (
            <>
              You are watching this {NOUNS[target.kind]}: <Link href="/account/watching">your watchlist</Link>{" "}
              shows what changes.
            </>
          ) : (
            <>Watch this {NOUNS[target.kind]} to see on your watchlist what changes.</>
          )}
        </p>
      ) : null}
    </form>
  );
}

/** Watch / Stop watching for a record's page; for a visitor who is not signed in, a way to sign in first. */
export function WatchControl({
  target,
  name,
  path,
  watching,
}: {
  target: WatchTarget;
  name: string;
  path: string;
  /** Whether the signed-in person watches the record; null when nobody is signed in. */
  watching: boolean | null;
}) {
  return (
    <div id="watch" className="watch">
      <FocusOnArrival anchor="watch" />
      {watching !== null ? (
        <WatchForm target={target} name={name} watching={watching} back="record" />
      ) : (
        <p className="hint">
          <Link href={`/sign-in?next=${encodeURIComponent(path)}`}>
            Sign in to watch<span className="visually-hidden"> {name}</span>
          </Link>{" "}
          this {NOUNS[target.kind]} and see on your watchlist what changes.
        </p>
      )}
    </div>
  );
}
