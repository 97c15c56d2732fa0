"use client";

import { useActionState } from "react";
import { InlineAnswer, SubmitButton } from "@/components/forms/form-status";
import { INITIAL_FORM_STATE } from "@/lib/server/form-state";
import { ROLES, type Role } from "@/lib/domain/vocabulary";
import { setRoleAction } from "./actions";

export function RoleForm({ userId, role, name }: { userId: string; role: Role; name: string }) {
  const [state, action] = useActionState(setRoleAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="chart-actions">
      <input type="hidden" name="user_id" value={userId} />
      <label htmlFor={`role-${userId}`} className="visually-hidden">
        Role for {name}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <SubmitButton pendingText="Saving…">Change role</SubmitButton>
      <InlineAnswer state={state} />
    </form>
  );
}
