import Link from "next/link";
import { getDb } from "@/db";
import { overview } from "@/db/queries/overview";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatCount } from "@/lib/domain/format";
import { today } from "@/lib/server/clock";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const asOf = today();
  const o = overview(getDb(), asOf);
  return (
    <>
      <h1>What companies have committed to make and source in India</h1>
      <p className="lede">
        Localisation commitments, checked against their deadlines and charted against their targets. Every
        fact links to its source; nothing is published without review. Figures as of {formatIndiaDate(asOf)}.
      </p>
      <ul className="stat-grid">
        <li className="panel">
          <span className="stat">{formatCount(o.commitments)}</span> commitments tracked
        </li>
        <li className="panel">
          <span className="stat">{formatCount(o.companies)}</span> companies
        </li>
        <li className="panel">
          <span className="stat">{formatCount(o.overdueUnverified)}</span> overdue with no outcome recorded
        </li>
      </ul>
      <p>
        <Link href="/commitments">Explore all commitments</Link> ·{" "}
        <Link href="/methodology">How status is computed</Link>
      </p>
    </>
  );
}
