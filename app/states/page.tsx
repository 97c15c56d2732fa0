import type { Metadata } from "next";
import { publicOrigin, shareMetadata } from "@/app/share-metadata";
import { IndiaMap } from "@/components/charts/india-map";
import mapStyles from "@/components/charts/india-map.module.css";
import { AutoSubmitForm } from "@/components/explorer/auto-submit-form";
import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { stateMapData } from "@/db/queries/state-map";
import { listStates } from "@/db/queries/states";
import { imagePath } from "@/lib/charts/chart-path";
import { iframeCode } from "@/lib/charts/embed-html";
import { MAP_SVG_HEIGHT, defaultMapTitle } from "@/lib/charts/india-map";
import { measureOptions, measureParam, type MapMeasure } from "@/lib/charts/map-measure";
import { formatCount } from "@/lib/domain/format";
import { ISO_3166_IN_URL, STATE_KIND_LABELS } from "@/lib/domain/india-states";
import { STATUS_LABELS } from "@/lib/domain/status";
import { today } from "@/lib/server/clock";
import { parseMapParams } from "@/lib/validation/map-params";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return shareMetadata({
    title: "States and union territories",
    description:
      "A map of India's states and union territories shaded by localisation commitments, facilities or announced investment, with the figures and sources.",
    path: "/states",
    chart: "states/map/commitments",
    imageAlt: "Map of India: commitments by state or union territory",
  });
}

/** The picker's choices, grouped as its <optgroup>s show them. */
function MeasureOptions({ currencies }: { currencies: readonly string[] }) {
  const options = measureOptions(currencies);
  const option = (m: MapMeasure, label: string) => (
    <option key={measureParam(m)} value={measureParam(m)}>
      {label}
    </option>
  );
  return (
    <>
      {option({ kind: "commitments", status: null }, "Commitments, all")}
      <optgroup label="Commitments with one status">
        {options.flatMap((m) =>
          m.kind === "commitments" && m.status ? [option(m, `Commitments: ${STATUS_LABELS[m.status]}`)] : [],
        )}
      </optgroup>
      {option({ kind: "facilities" }, "Facilities")}
      <optgroup label="Announced investment, one currency at a time">
        {options.flatMap((m) => (m.kind === "investment" ? [option(m, `Investment in ${m.currency}`)] : []))}
      </optgroup>
    </>
  );
}

export default async function StatesPage({ searchParams }: PageProps<"/states">) {
  const db = getDb();
  const { states, unrecognised } = listStates(db);
  const { measure, rejected } = parseMapParams(await searchParams);
  const map = stateMapData(db, measure, today());
  const param = measureParam(measure);
  const chartPath = `states/map/${param}`;
  const origin = await publicOrigin();

  return (
    <>
      <h1>States and union territories</h1>
      <p className="lede">
        Facilities and commitments in each of India&apos;s 28 states and 8 union territories. A facility is in
        one place; a commitment counts in every state it names, so the commitment counts add up to more than
        the number of commitments. The list of every state counts withdrawn records too, which are marked on
        each state&apos;s page; what the map counts is said under it.
      </p>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">Map</h2>
        {rejected ? (
          <p role="alert" className="notice">
            The measure in the address could not be used: {rejected}. The map shows commitments instead.
          </p>
        ) : null}
        <AutoSubmitForm action="/states" className={mapStyles.picker} aria-label="Choose what the map shows">
          <div className="field">
            <label htmlFor="measure">Shade each state by</label>
            <select id="measure" name="measure" defaultValue={param}>
              <MeasureOptions currencies={map.currencies} />
            </select>
          </div>
          <div className="chart-actions">
            <button type="submit">Show on the map</button>
          </div>
        </AutoSubmitForm>
        <IndiaMap
          id="india-map"
          data={map}
          svgHref={`/states/map.svg?measure=${encodeURIComponent(param)}`}
          pngHref={imagePath(chartPath, "png")}
          embedCode={iframeCode({
            origin,
            path: chartPath,
            title: defaultMapTitle(map),
            chartHeight: MAP_SVG_HEIGHT,
          })}
        />
      </section>

      <h2>Every state and union territory</h2>
      <div className="table-wrap">
        <table>
          <caption>{formatCount(states.length)} states and union territories, by name</caption>
          <thead>
            <tr>
              <th scope="col">State or union territory</th>
              <th scope="col">Kind</th>
              <th scope="col">ISO 3166-2 code</th>
              <th scope="col" className="num">
                Facilities
              </th>
              <th scope="col" className="num">
                Commitments
              </th>
            </tr>
          </thead>
          <tbody>
            {states.map((s) => (
              <tr key={s.code}>
                <th scope="row">
                  <Link href={`/states/${s.code}`}>{s.name}</Link>
                </th>
                <td>{STATE_KIND_LABELS[s.kind]}</td>
                <td>{s.code}</td>
                <td className="num">{formatCount(s.facilities)}</td>
                <td className="num">{formatCount(s.commitments)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {unrecognised.length > 0 ? (
        <>
          <h2>Records under other codes</h2>
          <p>
            These records carry a code that is not a current or former ISO 3166-2:IN code, so they are in no
            row above. They are listed here so that none is left out; a reviewer should correct the code.
          </p>
          <div className="table-wrap">
            <table>
              <caption>Records under codes that name no state or union territory</caption>
              <thead>
                <tr>
                  <th scope="col">Code as recorded</th>
                  <th scope="col" className="num">
                    Facilities
                  </th>
                  <th scope="col" className="num">
                    Commitments
                  </th>
                </tr>
              </thead>
              <tbody>
                {unrecognised.map((u) => (
                  <tr key={u.code}>
                    <th scope="row">{u.code}</th>
                    <td className="num">{formatCount(u.facilities)}</td>
                    <td className="num">{formatCount(u.commitments)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>Sources</h2>
      <p>
        Codes, names and kinds are those of{" "}
        <a href={ISO_3166_IN_URL} rel="noopener noreferrer external">
          ISO 3166-2:IN
        </a>{" "}
        as of 2026, including the codes ISO changed in November 2023 (Chhattisgarh IN-CG, Odisha IN-OD,
        Telangana IN-TS, Uttarakhand IN-UK). Records made under a former code count under the current one.
        Each facility and commitment links to its own sources on its state&apos;s page.
      </p>
    </>
  );
}
