"use client";

import { useRouter } from "next/navigation";
import { useTransition, type ComponentProps, type FormEvent } from "react";

// Without JavaScript this is a plain GET form: ticking boxes and pressing "Apply filters" loads
// the filtered page. With JavaScript, every change applies at once through a client-side
// navigation: the address changes (so the view stays linkable and reload keeps it) but the page
// is not reloaded, and the results say they are updating.

function queryOf(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "") params.append(name, value.trim());
  }
  return params.toString();
}

export function AutoSubmitForm({ action, children, ...rest }: ComponentProps<"form"> & { action: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const go = (form: HTMLFormElement) => {
    const query = queryOf(form);
    startTransition(() => router.replace(query ? `${action}?${query}` : action, { scroll: false }));
  };

  return (
    <form
      {...rest}
      action={action}
      method="get"
      aria-busy={pending}
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        go(e.currentTarget);
      }}
      onChange={(e) => {
        // Typed text applies on Enter, so a search does not run on every keystroke.
        const target: EventTarget = e.target;
        const isToggle = target instanceof HTMLInputElement && target.type === "checkbox";
        if (isToggle || target instanceof HTMLSelectElement) go(e.currentTarget);
      }}
    >
      {children}
      <p role="status" className="meta">
        {pending ? "Updating the results…" : ""}
      </p>
    </form>
  );
}
