import { getDb } from "@/db";
import { getCommitment } from "@/db/queries/commitments";
import { commitmentArchiveStates } from "@/db/queries/source-archives";
import { commitmentDetailJson } from "@/lib/api/commitment-json";
import { badParameter, jsonOk, notFound } from "@/lib/api/responses";
import { today } from "@/lib/server/clock";
import { RecordIdSchema } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

export async function GET(
  _request: Request,
  ctx: RouteContext<"/api/v1/commitments/[id]">,
): Promise<Response> {
  const { id: raw } = await ctx.params;
  const id = RecordIdSchema.safeParse(raw);
  if (!id.success)
    return badParameter({ parameter: "id", message: id.error.issues[0]?.message ?? "Invalid id" });

  const db = getDb();
  const commitment = getCommitment(db, id.data, today());
  if (!commitment) return notFound(`No published commitment has id ${id.data}`);
  // Each source's archived copy and link state, read as the commitment's page reads them.
  const archives = commitmentArchiveStates(db, commitment);
  return jsonOk({ data: commitmentDetailJson(commitment, archives) });
}
