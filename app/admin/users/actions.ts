"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { setRole } from "@/db/mutations/users";
import type { FormState } from "@/lib/server/form-state";
import { ADMINS, authorize } from "@/auth/session";
import { SetRoleSchema } from "@/lib/validation/account";

export async function setRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize(ADMINS);
  if (!auth.ok) return { status: "error", message: auth.message, errors: {}, values: {} };
  const parsed = SetRoleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { status: "error", message: "Choose a role for an existing account.", errors: {}, values: {} };
  if (parsed.data.user_id === auth.user.id && parsed.data.role !== "admin") {
    // Otherwise the last admin could lock everyone out of role management.
    return { status: "error", message: "You cannot remove your own admin role.", errors: {}, values: {} };
  }
  if (!setRole(getDb(), parsed.data.user_id, parsed.data.role)) {
    return { status: "error", message: "There is no such account.", errors: {}, values: {} };
  }
  revalidatePath("/admin/users");
  return { status: "success", message: `Role changed to ${parsed.data.role}.`, errors: {}, values: {} };
}
