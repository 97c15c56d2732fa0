/** A record a person can watch. */
export type WatchTarget = { kind: "company" | "commitment"; id: number };
