import type { ReactNode } from "react";
import { Field, type FieldProblem, invalidProps } from "./components";
import { CsrfField } from "./csrf-field";

/** The id of the section's heading: where an error about the step itself (not its reason) links. */
export const STEP_ACTIONS_HEADING_ID = "act-heading";

/**
 * The next steps of a workflow on a record's page, without script: first the links to steps taken
 * on another page (`children`), then a button for each step that needs nothing more, then a form
 * for each step that says why, with its reason in a labelled textarea that the error summary links
 * to. Every step is its own POST form carrying the CSRF field.
 */
export function StepActions<A extends string>({
  heading,
  actions,
  label,
  reasons,
  reasonError,
  reasonMaxLength,
  children,
}: {
  heading: string;
  /** The steps the reader may take, in the order the workflow lists them. */
  actions: readonly A[];
  label: (action: A) => string;
  /** The steps that take a reason, in the order their forms stand; only those in `actions` are shown. */
  reasons: Partial<Record<A, { label: string; hint: string }>>;
  reasonError?: FieldProblem;
  reasonMaxLength?: number;
  children?: ReactNode;
}) {
  const withReason = (Object.keys(reasons) as A[]).filter((a) => actions.includes(a));
  const buttons = actions.filter((a) => !(a in reasons));
  return (
    <section aria-labelledby={STEP_ACTIONS_HEADING_ID}>
      <h2 id={STEP_ACTIONS_HEADING_ID}>{heading}</h2>
      <div className="actions">
        {children}
        {buttons.map((a) => (
          <form key={a} method="post">
            <CsrfField />
            <button type="submit" name="intent" value={a}>
              {label(a)}
            </button>
          </form>
        ))}
      </div>
      {withReason.map((a) => (
        // Only one reason form stands at a time in our workflows, so the field keeps the plain id
        // the error summary links to.
        <form key={a} method="post" className="stack">
          <CsrfField />
          <Field id="reason" label={reasons[a]!.label} hint={reasons[a]!.hint} error={reasonError}>
            <textarea rows={3} maxLength={reasonMaxLength} {...invalidProps("reason", reasonError, true)} />
          </Field>
          <button type="submit" name="intent" value={a} className="danger">
            {label(a)}
          </button>
        </form>
      ))}
    </section>
  );
}
