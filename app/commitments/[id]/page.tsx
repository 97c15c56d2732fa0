import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { supersessionLinks } from "@/db/queries/supersessions";
import { getCommitment } from "@/db/queries/commitments";
import { commitmentArchiveStates } from "@/db/queries/source-archives";
import type { CommitmentDetail } from "@/lib/views/commitments";
import { LazyProgressChart } from "@/components/charts/progress-chart-lazy";
import { CiteCommitment } from "@/components/commitments/cite";
import { EvidenceGradeMark } from "@/components/commitments/evidence-grade";
import { SourceList } from "@/components/commitments/source-list";
import { StatusBadge } from "@/components/commitments/status-badge";
import { WatchControl } from "@/components/watch/watch-form";
import { watchState } from "@/app/account/watching/watch-state";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatCount, formatPercent, formatValue } from "@/lib/domain/format";
import { progressSeries } from "@/lib/domain/progress-series";
import { STALE_AFTER_DAYS } from "@/lib/domain/status";
import { DIRECTIONS, METRIC_LABELS, SCHEME_LABELS, UNIT_LABELS } from "@/lib/domain/vocabulary";
import { today } from "@/lib/server/clock";
import { publicOrigin, shareMetadata } from "@/app/share-metadata";
import { EmbedCode } from "@/components/charts/embed-code";
import { imagePath } from "@/lib/charts/chart-path";
import { iframeCode } from "@/lib/charts/embed-html";
import { PROGRESS_HEIGHT } from "@/lib/charts/progress-svg";
import { currentUser, REVIEWERS } from "@/auth/session";
import { RecordIdSchema } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";

function load(rawId: string): CommitmentDetail {
  const id = RecordIdSchema.safeParse(rawId);
  if (!id.success) notFound();
  const commitment = getCommitment(getDb(), id.data, today());
  if (!commitment) notFound();
  return commitment;
}

export async function generateMetadata({ params }: PageProps<"/commitments/[id]">): Promise<Metadata> {
  const { id } = await params;
  const c = load(id);
  const title = `${c.company.name}: ${c.title}`;
  return {
    title,
    ...(await shareMetadata({
      title,
      description: `${c.status.label}. ${deadlineSentence(c)} Progress against the target, with sources.`,
      path: `/commitments/${c.id}`,
      chart: `commitments/${c.id}/progress`,
      imageAlt: `Chart of the progress of ${c.title} against a straight line to its target`,
    })),
  };
}

function deadlineSentence(c: CommitmentDetail): string {
  const days = c.status.daysToDeadline;
  if (days === null || !c.dueOn) return "The company named no deadline.";
  const due = `${c.deadlineLabel} (falls due at the end of ${formatIndiaDate(c.dueOn)}, India time)`;
  if (days > 0) return `${due}: ${formatCount(days)} day${days === 1 ? "" : "s"} to go.`;
  if (days === 0) return `${due}: due today.`;
  return `${due}: passed ${formatCount(-days)} day${days === -1 ? "" : "s"} ago.`;
}

export default async function CommitmentPage({ params, searchParams }: PageProps<"/commitments/[id]">) {
  const { id } = await params;
  const c = load(id);
  const watchTarget = { kind: "commitment", id: c.id } as const;
  const watching = await watchState(watchTarget);
  const query = await searchParams;
  const notice =
    query.outcome === "recorded"
      ? "The outcome was recorded and published."
      : typeof query.superseded === "string"
        ? "The commitment was marked as superseded."
        : null;
  const links = supersessionLinks(getDb(), c.id);
  const user = await currentUser();
  const reviewer = user !== null && REVIEWERS.includes(user.role);
  const asOf = today();
  const series = progressSeries(c, c.progress, asOf);
  const unitSuffix = c.unit === "percent" ? "%" : "";
  const latest = c.status.latest;
  const archives = commitmentArchiveStates(getDb(), c);
  const origin = await publicOrigin();
  const chartPath = `commitments/${c.id}/progress`;

  return (
    <article>
      <p className="meta">
        <Link href="/commitments">Commitments</Link> › {c.company.name}
      </p>
      <h1>{c.title}</h1>
      <WatchControl target={watchTarget} name={c.title} path={`/commitments/${c.id}`} watching={watching} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p className="lede">
        <strong>{c.company.name}</strong>
        {c.description ? <>. {c.description}</> : null}
      </p>

      <section aria-labelledby="status-heading" className="panel status-panel">
        <h2 id="status-heading" style={{ margin: 0 }}>
          Status: <StatusBadge status={c.status.status} />
        </h2>
        {c.status.status === "overdue_unverified" ? (
          <p className="notice">
            The deadline has passed and no outcome has been recorded since. Until a reviewer records evidence
            of the outcome, whether the target was met is unknown.
          </p>
        ) : null}
        {c.withdrawnOn ? (
          <p>
            Withdrawn on {formatIndiaDate(c.withdrawnOn)}: {c.withdrawnReason}
          </p>
        ) : null}
        <p>{deadlineSentence(c)}</p>
        <p>
          Latest recorded value:{" "}
          {latest
            ? `${formatValue(latest.value, c.unit)} on ${formatIndiaDate(latest.asOf)}`
            : "none since the baseline"}
          {c.status.percentOfWay !== null ? (
            <> ({formatPercent(c.status.percentOfWay, 0)} of the way to target)</>
          ) : null}
          .
        </p>
        {c.status.expectedToday !== null ? (
          <p>
            On a straight line from baseline to target, the value expected today is{" "}
            {formatValue(c.status.expectedToday, c.unit)}.
          </p>
        ) : null}
        {c.status.stale ? <p>The latest evidence is more than {STALE_AFTER_DAYS} days old.</p> : null}
        <p className="meta">
          Computed for {formatIndiaDate(asOf)}. <Link href="/methodology">How status is computed</Link>.
        </p>
      </section>

      <h2>The commitment</h2>
      <dl className="facts">
        <dt>Company</dt>
        <dd>{c.company.name}</dd>
        <dt>Measure</dt>
        <dd>
          {METRIC_LABELS[c.metric]}, in {UNIT_LABELS[c.unit]} (
          {c.direction === DIRECTIONS[0] ? "higher is better" : "lower is better"})
        </dd>
        <dt>Baseline</dt>
        <dd>
          {formatValue(c.baselineValue, c.unit)} on {formatIndiaDate(c.baselineDate)}
        </dd>
        <dt>Target</dt>
        <dd>{formatValue(c.targetValue, c.unit)}</dd>
        <dt>Deadline</dt>
        <dd>
          {c.deadlineLabel}
          {c.dueOn ? (
            <>
              {" "}
              (due {formatIndiaDate(c.dueOn)}; precision: {c.deadlinePrecision})
            </>
          ) : null}
        </dd>
        <dt>Evidence</dt>
        <dd>
          <EvidenceGradeMark grade={c.evidenceGrade} />
        </dd>
        <dt>Scheme</dt>
        <dd>{c.scheme ? SCHEME_LABELS[c.scheme] : "None stated"}</dd>
        <dt>Product categories</dt>
        <dd>{c.categories.length ? c.categories.join(", ") : "None stated"}</dd>
        <dt>States</dt>
        <dd>{c.states.length ? c.states.join(", ") : "None stated"}</dd>
        <dt>Announced</dt>
        <dd>{formatIndiaDate(c.announcedOn)}</dd>
        {links.supersededBy ? (
          <>
            <dt>Superseded by</dt>
            <dd>
              <Link href={`/commitments/${links.supersededBy.id}`}>{links.supersededBy.title}</Link> (the
              restated commitment)
            </dd>
          </>
        ) : null}
        {links.restates.length > 0 ? (
          <>
            <dt>Restates</dt>
            <dd>
              <ul>
                {links.restates.map((r) => (
                  <li key={r.id}>
                    <Link href={`/commitments/${r.id}`}>{r.title}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {reviewer && !c.supersededById ? (
        <p>
          <Link href={`/commitments/${c.id}/supersede`}>Mark as superseded by…</Link> (when the company has
          restated this target as a new commitment)
        </p>
      ) : null}

      <h2 id="chart-heading">Progress against the target</h2>
      <figure className="chart-figure" aria-labelledby="chart-heading">
        <div className="chart-box" aria-hidden="true">
          <LazyProgressChart series={series} unitSuffix={unitSuffix} title={`Progress: ${c.title}`} />
        </div>
        <figcaption>
          The dashed line runs straight from the baseline to the target at the deadline; the solid line joins
          the values recorded. The same data follow as a table.
        </figcaption>
      </figure>
      <div className="chart-actions">
        {/* Drawn on the server from the same series (app/charts): no script needed to save it. */}
        <a href={imagePath(chartPath, "svg")} download>
          Download image (SVG)
        </a>
        <a href={imagePath(chartPath, "png")} download>
          Download image (PNG)
        </a>
      </div>
      <EmbedCode
        id="progress-chart"
        code={iframeCode({
          origin,
          path: chartPath,
          title: `Progress: ${c.title}`,
          chartHeight: PROGRESS_HEIGHT,
        })}
      />
      <div className="table-wrap">
        <table>
          <caption>Data behind the chart</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Recorded
              </th>
              <th scope="col" className="num">
                Straight line to target
              </th>
              <th scope="col">Marks</th>
            </tr>
          </thead>
          <tbody>
            {series.rows.map((r) => (
              <tr key={r.date}>
                <td>{formatIndiaDate(r.date)}</td>
                <td className="num">{r.recorded === null ? "—" : formatValue(r.recorded, c.unit)}</td>
                <td className="num">{r.expected === null ? "—" : formatValue(r.expected, c.unit)}</td>
                <td>
                  {[r.date === c.baselineDate ? "Baseline" : null, r.date === c.dueOn ? "Deadline" : null]
                    .filter(Boolean)
                    .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Progress updates</h2>
      <p>
        <Link href={`/submit/progress?commitment=${c.id}`}>Report progress on this commitment</Link> (with its
        source; a reviewer checks it before it is published).
      </p>
      {c.progress.length === 0 ? (
        <p>No progress has been recorded.</p>
      ) : (
        <ol>
          {c.progress.map((p) => (
            <li key={p.id}>
              <strong>{formatValue(p.value, c.unit)}</strong> as of {formatIndiaDate(p.asOf)}
              {p.note ? <> — {p.note}</> : null}
              <SourceList sources={p.sources} archives={archives} />
            </li>
          ))}
        </ol>
      )}

      <h2>Sources</h2>
      <SourceList sources={c.sources} archives={archives} />

      <CiteCommitment
        commitment={{
          id: c.id,
          companyName: c.company.name,
          title: c.title,
          url: `${origin}/commitments/${c.id}`,
          revisedOn: c.revisions[0]?.createdAt.slice(0, 10) ?? null,
          retrievedOn: asOf,
          archivedSources: c.sources.flatMap((s) => {
            const a = archives.get(s.id)?.archived;
            return a ? [{ url: s.url, archivedAt: a.fetchedAt, sha256: a.sha256 }] : [];
          }),
        }}
      />

      <h2>History</h2>
      {c.revisions.length === 0 ? (
        <p>No revisions.</p>
      ) : (
        <ol>
          {c.revisions.map((r) => (
            <li key={r.id}>
              {formatIndiaDate(r.createdAt.slice(0, 10))}: {r.summary}
              {r.actorName ? <> (approved by {r.actorName})</> : null}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
