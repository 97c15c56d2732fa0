import { Link } from "@/components/ui/link";
import { formatCount } from "@/lib/domain/format";

/**
 * Previous and next links for one list. `of` names the list ("facilities") in the links' accessible
 * names, so two pagers on one page are told apart by screen-reader users too.
 */
export function Pager({
  page,
  totalPages,
  href,
  of,
}: {
  page: number;
  totalPages: number;
  href: (page: number) => string;
  of: string;
}) {
  if (totalPages <= 1 && page <= 1) return null;
  return (
    <nav className="pagination" aria-label={`Pages of ${of}`}>
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, totalPages))} rel="prev">
          Previous page<span className="visually-hidden"> of {of}</span>
        </Link>
      ) : null}
      <span>
        Page {formatCount(page)} of {formatCount(totalPages)}
      </span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          Next page<span className="visually-hidden"> of {of}</span>
        </Link>
      ) : null}
    </nav>
  );
}
