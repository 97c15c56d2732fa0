import { sql } from "drizzle-orm";
import type { Db } from "../connection";

// A lease on a named job, so one process at a time runs it however many servers share the
// database (docs/decisions/0031). One statement both takes a free or lapsed lease and renews
// one's own, so two processes asking at once cannot both win.

export type JobLease = {
  name: string;
  /** Unique per process (lib/server/periodic.ts leaseOwner). */
  owner: string;
  now: Date;
  /** Longer than the gap between two renewals; a holder silent that long is taken to be dead. */
  leaseMs: number;
};

/** Takes the lease, or renews it if `owner` holds it; false while another holder's lease runs. */
export function takeJobLease(db: Db, lease: JobLease): boolean {
  const now = lease.now.toISOString();
  const until = new Date(lease.now.getTime() + lease.leaseMs).toISOString();
  const result = db.run(sql`
    insert into job_leases (name, owner, lease_until) values (${lease.name}, ${lease.owner}, ${until})
    on conflict (name) do update set owner = excluded.owner, lease_until = excluded.lease_until
    where job_leases.owner = excluded.owner or job_leases.lease_until <= ${now}`);
  return result.changes === 1;
}

/** Ends `owner`'s lease now, so the next run anywhere need not wait for it to lapse. */
export function releaseJobLease(db: Db, lease: Omit<JobLease, "leaseMs">): void {
  db.run(sql`
    update job_leases set lease_until = ${lease.now.toISOString()}
    where name = ${lease.name} and owner = ${lease.owner}`);
}

/** Who holds the lease and until when, while it runs; null when it is free. */
export function jobLeaseHolder(db: Db, name: string, now: Date): { owner: string; until: string } | null {
  return (
    db.get<{ owner: string; until: string } | undefined>(sql`
      select owner, lease_until as until from job_leases
      where name = ${name} and lease_until > ${now.toISOString()}`) ?? null
  );
}
