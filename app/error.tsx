"use client";

import { useEffect, useState } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [requestId, setRequestId] = useState("");
  useEffect(() => {
    setRequestId(document.querySelector<HTMLMetaElement>('meta[name="request-id"]')?.content ?? "");
  }, []);
  return (
    <>
      <h1>Something went wrong</h1>
      <p>
        This page could not be shown because of a problem on our side. Nothing that was already saved has been lost.
        Please try again; if it happens again, tell us the reference below.
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
