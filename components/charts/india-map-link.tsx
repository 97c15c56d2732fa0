import { Link } from "@/components/ui/link";
import { MAP_SVG_HEIGHT, MAP_SVG_WIDTH } from "@/lib/charts/india-map";
import { MAP_ATTRIBUTION } from "@/lib/charts/india-map-shapes";
import styles from "./india-map.module.css";

/**
 * A small map of India as an image of the standalone SVG (app/states/map.svg), linked to /states
 * where the full map is. An image costs the page a few hundred bytes where inline shapes would
 * cost kilobytes (the dashboard's HTML is held to a budget, docs/decisions/0026); each state's
 * figure is one click away on /states, and the dashboard's state chart beside it has them too.
 */
export function IndiaMapLink({ src, alt }: { src: string; alt: string }) {
  return (
    <>
      <Link href="/states" className={styles.thumbnailLink}>
        {/* An SVG drawn on our server: nothing for next/image to optimise. Lazy: below the fold on
            most screens, and React then does not preload it with the page. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={src}
          alt={alt}
          width={MAP_SVG_WIDTH}
          height={MAP_SVG_HEIGHT}
          loading="lazy"
          decoding="async"
          className={styles.thumbnail}
        />
      </Link>
      <p className="meta">
        {MAP_ATTRIBUTION.credit}, <a href={MAP_ATTRIBUTION.licenceUrl}>{MAP_ATTRIBUTION.licence}</a>.
      </p>
    </>
  );
}
