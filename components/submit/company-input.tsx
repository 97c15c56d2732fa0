"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { FieldProps } from "@/components/ui/field";
import { useCompanySuggestions, type CompanySuggestion } from "@/components/hooks/company-suggestions";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { useHydrated } from "@/components/hooks/use-hydrated";
import styles from "./submit.module.css";

// A company is named by its slug, the short name in its address (/companies/xiaomi). Without
// JavaScript this is a plain text input for the slug, with a hint that links to the company list.
// With JavaScript it becomes a combobox (the WAI-ARIA "list autocomplete" pattern): typing part of
// a name suggests companies already on the tracker, and choosing one puts its slug in the field,
// so what is submitted is always what the server validates.

export type FieldControl = Parameters<FieldProps["children"]>[0];

type Props = {
  control: FieldControl;
  defaultValue: string;
  /** Called with the slug after a suggestion is chosen (the input's value changes without an input event). */
  onPick?: (slug: string) => void;
};

export function CompanyInput({ control, defaultValue, onPick }: Props) {
  const hydrated = useHydrated();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<CompanySuggestion | null>(null);
  const q = useDebouncedValue(text.trim(), 250);
  const suggestions = useCompanySuggestions(q, { enabled: hydrated && open });
  const options = open && q.length >= 2 ? (suggestions.data ?? []) : [];
  const expanded = hydrated && options.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
    // optionId depends only on listId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const pick = (company: CompanySuggestion) => {
    if (inputRef.current) inputRef.current.value = company.slug;
    setText(company.slug);
    setChosen(company);
    setOpen(false);
    setActive(-1);
    onPick?.(company.slug);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!open) setOpen(true);
        else if (options.length > 0) setActive((a) => (a + 1) % options.length);
        break;
      case "ArrowUp":
        if (options.length > 0) {
          e.preventDefault();
          setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
        }
        break;
      case "Enter": {
        const company = active >= 0 ? options[active] : undefined;
        // Enter on a highlighted suggestion chooses it; otherwise it submits the form as usual.
        if (expanded && company) {
          e.preventDefault();
          pick(company);
        }
        break;
      }
      case "Escape":
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
    }
  };

  const status =
    !hydrated || !open || q.length < 2 || suggestions.isPending
      ? ""
      : suggestions.isError
        ? "Suggestions could not be loaded; type the company's short name."
        : options.length === 0
          ? `No company on the tracker matches “${q}”.`
          : `${options.length} ${options.length === 1 ? "company matches" : "companies match"}; use the arrow keys to choose.`;

  const chosenText = chosen && chosen.slug === text.trim() ? `${chosen.name} (${chosen.slug})` : "";

  return (
    <div className={styles.combobox}>
      <input
        {...control}
        ref={inputRef}
        type="text"
        defaultValue={defaultValue}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={hydrated ? onKeyDown : undefined}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
        {...(hydrated
          ? {
              role: "combobox",
              "aria-autocomplete": "list" as const,
              "aria-expanded": expanded,
              "aria-controls": listId,
              "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
            }
          : {})}
      />
      {hydrated ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Companies on the tracker"
          className={styles.listbox}
          hidden={!expanded}
        >
          {options.map((company, i) => (
            <li
              key={company.slug}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={styles.option}
              // Keeps focus in the input, so the choice lands before the blur closes the list.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(company)}
            >
              {company.name} <span className={styles.optionSlug}>({company.slug})</span>
              {company.withdrawn ? " — withdrawn" : null}
            </li>
          ))}
        </ul>
      ) : null}
      {hydrated ? (
        <p
          role="status"
          className={
            status.startsWith("No company") || status.startsWith("Suggestions")
              ? styles.chosen
              : "visually-hidden"
          }
        >
          {status}
        </p>
      ) : null}
      {chosenText ? <p className={styles.chosen}>Chosen: {chosenText}</p> : null}
    </div>
  );
}
