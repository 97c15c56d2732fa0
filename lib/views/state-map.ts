import type { MapMeasure } from "@/lib/charts/map-measure";
import type { StateCode } from "@/lib/domain/india-states";

/** The figures behind the map of India for one measure (db/queries/state-map.ts builds it). */
export type StateMapData = {
  measure: MapMeasure;
  /** The day statuses were computed for (YYYY-MM-DD, in India). */
  asOf: string;
  /** Every state and union territory under its current code, in the order of INDIA_STATES. */
  states: { code: StateCode; name: string; value: number }[];
  /**
   * Each shape's figure (lib/charts/india-map-shapes.ts): its state's own, or, for a shape that
   * stands for several codes, the records of any of them, each counted once.
   */
  shapes: { id: StateCode; value: number }[];
  /** Currencies in which investment is announced, upper case, in order. */
  currencies: string[];
};
