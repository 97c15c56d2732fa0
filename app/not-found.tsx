import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have been mistyped, or the record may not be published.</p>
      <p>
        <Link href="/commitments">Browse all commitments</Link>
      </p>
    </>
  );
}
