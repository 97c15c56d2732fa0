import type { ReactNode } from "react";
import { QueryProvider } from "@/components/submit/query-provider";

export default function SubmitLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
