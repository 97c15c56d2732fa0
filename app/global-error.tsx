"use client";

// The last resort when the root layout itself fails: plain words, no stack trace.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-IN">
      <body>
        <main
          style={{
            maxWidth: "40rem",
            margin: "3rem auto",
            padding: "0 1rem",
            fontFamily: "system-ui, sans-serif",
          }}
        >
          <h1>Something went wrong</h1>
          <p>
            The tracker could not show this page because of a problem on our side. Please try again shortly.
          </p>
          {error.digest ? (
            <p>
              Reference: <code>{error.digest}</code>
            </p>
          ) : null}
        </main>
      </body>
    </html>
  );
}
