import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

// A page that fails on purpose, so the end-to-end suite can check what a person sees when the
// server fails. It exists only where TRACKER_ENABLE_TEST_ROUTES=1 (the e2e server); elsewhere 404.
export default function TestErrorPage() {
  if (process.env.TRACKER_ENABLE_TEST_ROUTES !== "1") notFound();
  throw new Error("Deliberate failure for the end-to-end test of the error page");
}
