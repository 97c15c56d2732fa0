import type { Metadata } from "next";
import { headers } from "next/headers";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { currentUser } from "@/auth/session";
import { isSharedRender } from "@/lib/server/shared-render";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Make in India localisation tracker",
    template: "%s · Make in India localisation tracker",
  },
  description:
    "What companies have committed to manufacture and source in India, checked against their deadlines, with sources.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const requestHeaders = await headers();
  // A page rendered for the shared cache is served to many readers: the id of the render that
  // filled it is none of theirs, and would make each render's bytes, and so its ETag, differ.
  const requestId = isSharedRender(requestHeaders) ? "" : (requestHeaders.get("x-request-id") ?? "");
  return (
    <html lang="en-IN">
      <head>
        {/* Read by the error page, so a person can quote the id that the server's log carries. */}
        {requestId ? <meta name="request-id" content={requestId} /> : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container header-inner">
            <Link href="/" className="brand">
              Make in India localisation tracker
            </Link>
            <nav aria-label="Main">
              <ul className="nav-list">
                <li>
                  <Link href="/commitments">Commitments</Link>
                </li>
                <li>
                  <Link href="/deadlines">Deadlines</Link>
                </li>
                <li>
                  <Link href="/companies">Companies</Link>
                </li>
                <li>
                  <Link href="/states">States</Link>
                </li>
                <li>
                  <Link href="/methodology">Methodology</Link>
                </li>
                {user ? (
                  <>
                    <li>
                      <Link href="/submit">Submit</Link>
                    </li>
                    {user.role !== "contributor" ? (
                      <li>
                        <Link href="/review">Review</Link>
                      </li>
                    ) : null}
                    <li>
                      <Link href="/account/watching">Watching</Link>
                    </li>
                    <li>
                      <Link href="/account">Account ({user.name})</Link>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <Link href="/sign-in">Sign in</Link>
                    </li>
                    <li>
                      <Link href="/sign-up">Create account</Link>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>
              Every published fact links to its source. Data are published under CC BY 4.0: cite the tracker
              with the page address and the date you retrieved it.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
