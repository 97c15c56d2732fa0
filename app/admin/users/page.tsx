import type { Metadata } from "next";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { adminOrRefusal } from "../access";
import { RoleForm } from "./role-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Accounts and roles" };

export default async function AdminUsersPage() {
  const { refusal } = await adminOrRefusal("/admin/users", "Accounts and roles");
  if (refusal) return refusal;
  const list = getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.createdAt))
    .all();
  return (
    <>
      <h1>Accounts and roles</h1>
      <div className="table-wrap">
        <table>
          <caption>{list.length} accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Joined</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.createdAt.toISOString().slice(0, 10)}</td>
                <td>
                  <RoleForm userId={u.id} role={u.role} name={u.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
