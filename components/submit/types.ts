import type { FormState } from "@/lib/server/form-state";

// What the submission forms exchange with their server actions and route handler. Plain data
// only: these types are shared by server and client code and pull nothing into the browser.

/** A published commitment that looks like the one being proposed. */
export type DuplicateView = {
  id: number;
  title: string;
  /** "deadline in 2025", or "no deadline stated". */
  deadline: string;
  href: string;
  withdrawn: boolean;
};

export type DuplicateCheck =
  | { status: "incomplete"; message: string }
  | {
      status: "checked";
      published: DuplicateView[];
      /**
       * Similar proposals still waiting for review. Only counted: their text has not been reviewed,
       * and only reviewers read other people's proposals.
       */
      pending: number;
    };

export type SubmitFormState = FormState & {
  duplicates?: DuplicateCheck;
  /** The proposal was refused because the person's address is not confirmed yet. */
  unverified?: boolean;
};

/** What every submission form needs from its page. */
export type SubmissionFormProps = {
  initialValues: Record<string, string | string[]>;
  /** The submission being edited after a reviewer asked for changes, or null for a new proposal. */
  resubmitId: number | null;
  maxSources: number;
};
