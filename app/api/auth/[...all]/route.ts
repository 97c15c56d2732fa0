import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/auth/better-auth";

export const dynamic = "force-dynamic";

// better-auth's endpoints (sign-in, sign-up, sign-out, session) under /api/auth.
const handler = (request: Request) => getAuth().handler(request);
export const { GET, POST } = toNextJsHandler(handler);
