import { Link } from "@/components/ui/link";
import type { StateRef } from "@/lib/views/common";

/** A state by name, linked to its page; a code that names no state is shown as recorded. */
export function StateLink({ state }: { state: StateRef }) {
  if (!state.name) return <span title="Not a current ISO 3166-2:IN code">{state.storedCode}</span>;
  return <Link href={`/states/${state.code}`}>{state.name}</Link>;
}
