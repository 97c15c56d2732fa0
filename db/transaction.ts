// Every write runs in an IMMEDIATE transaction: it takes the write lock before its first read, so
// the checks it makes (a role, a state, a record's latest revision) still hold when it writes,
// even with several server processes on one database file. A deferred transaction that reads and
// then writes would instead fail at once, without waiting, when another connection wrote between.
export const IMMEDIATE = { behavior: "immediate" } as const;
