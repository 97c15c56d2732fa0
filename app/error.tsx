"use client";

import { useEffect } from "react";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <>
      <h1>Something went wrong</h1>
      <p>
        The page could not be shown because of a problem on our side. Nothing you entered has been lost.
        {error.digest ? <> If you report it, quote reference {error.digest}.</> : null}
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
