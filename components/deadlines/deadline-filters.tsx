import { Link } from "@/components/ui/link";
import { AutoSubmitForm } from "@/components/explorer/auto-submit-form";
import type { FacetValue } from "@/lib/domain/facets";

export type FilterList = {
  parameter: "company" | "category" | "state";
  title: string;
  values: FacetValue[];
  more: number;
};

/**
 * The deadline view's filters: a GET form with the explorer's parameter names, so that it works
 * without JavaScript and its address opens the same commitments in the explorer. Parameters the
 * form has no field for (status, evidence, scheme, due dates) ride along as hidden fields, so
 * changing a company does not drop them.
 */
export function DeadlineFilters({
  q,
  lists,
  carried,
  filtered,
}: {
  q: string;
  lists: FilterList[];
  /** Other explorer parameters of the view, as [name, value] pairs. */
  carried: [string, string][];
  filtered: boolean;
}) {
  return (
    <AutoSubmitForm action="/deadlines" className="explorer-filters" aria-label="Filter deadlines">
      <div className="field">
        <label htmlFor="q">Search titles, companies and sources</label>
        <input id="q" name="q" type="search" defaultValue={q} maxLength={200} />
      </div>
      {lists.map((list) =>
        list.values.length === 0 ? null : (
          <fieldset key={list.parameter}>
            <legend>{list.title}</legend>
            <div className="facet-list">
              {list.values.map((v) => (
                <label key={v.value}>
                  <input type="checkbox" name={list.parameter} value={v.value} defaultChecked={v.selected} />
                  <span>{v.label}</span>
                </label>
              ))}
            </div>
            {list.more > 0 ? <p className="meta">and {list.more} more: search to narrow them</p> : null}
          </fieldset>
        ),
      )}
      {carried.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
      <div className="chart-actions">
        <button type="submit">Apply filters</button>
        {filtered ? <Link href="/deadlines">Clear all filters</Link> : null}
      </div>
    </AutoSubmitForm>
  );
}
