"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const readRequestId = () => document.querySelector<HTMLMetaElement>('meta[name="request-id"]')?.content ?? "";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  // The id the server gave this page's request, written into <head> by the root layout.
  const requestId = useSyncExternalStore(noSubscription, readRequestId, () => "");
  return (
    <>
      <h1>Something went wrong</h1>
      <p>
        This page could not be shown because of a problem on our side. Nothing that was already saved has been
        lost. Please try again; if it happens again, tell us the reference below.
      </p>
      <p>
        Reference: <code>{requestId || "unknown"}</code>
        {error.digest ? (
          <>
            {" "}
            (error <code>{error.digest}</code>)
          </>
        ) : null}
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
