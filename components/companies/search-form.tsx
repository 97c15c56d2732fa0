import { MAX_QUERY_LENGTH } from "@/lib/validation/directory-params";
import styles from "./companies.module.css";

/** A plain GET form: it works without JavaScript, and the search lands in the address, to share or cite. */
export function CompanySearchForm({ q }: { q: string | undefined }) {
  return (
    <form role="search" method="get" action="/companies" className={styles.search}>
      <label htmlFor="company-search">Search companies by name</label>
      <div className={styles.searchRow}>
        <input
          id="company-search"
          name="q"
          type="search"
          defaultValue={q ?? ""}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          className={styles.searchInput}
        />
        <button type="submit" className={styles.searchButton}>
          Search
        </button>
      </div>
    </form>
  );
}
