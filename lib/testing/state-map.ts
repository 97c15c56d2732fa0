import { MAP_SHAPES } from "@/lib/charts/india-map-shapes";
import type { MapMeasure } from "@/lib/charts/map-measure";
import { INDIA_STATES, type StateCode } from "@/lib/domain/india-states";
import type { StateMapData } from "@/lib/views/state-map";

/**
 * Map figures for tests of what draws them: `values` by code (zero elsewhere), each shape taking
 * its code's value, and the shape of Jammu and Kashmir with Ladakh taking `sharedShape` when
 * given (the query counts a record naming both once there).
 */
export function stateMapFixture(
  measure: MapMeasure,
  values: Partial<Record<StateCode, number>>,
  sharedShape?: number,
): StateMapData {
  return {
    measure,
    asOf: "2026-11-25",
    states: INDIA_STATES.map((s) => ({ code: s.code, name: s.name, value: values[s.code] ?? 0 })),
    shapes: MAP_SHAPES.map((shape) => ({
      id: shape.id,
      value: shape.codes.length > 1 && sharedShape !== undefined ? sharedShape : (values[shape.id] ?? 0),
    })),
    currencies: ["INR", "USD"],
  };
}
