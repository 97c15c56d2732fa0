import { expect, test } from "@playwright/test";

type ApiCommitment = {
  id: number;
  title: string;
  company: { slug: string; name: string };
  target: { value: number };
  deadline: { due_on: string; precision: string; label: string } | null;
  evidence_grade: string;
  status: { code: string; days_to_deadline: number | null };
  sources: { url: string; publisher: string }[];
};

test.describe("read API", () => {
  test("lists commitments with company, target, deadline, precision, status and sources", async ({
    request,
  }) => {
    const response = await request.get("/api/v1/commitments");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = (await response.json()) as {
      data: ApiCommitment[];
      pagination: { page: number; per_page: number; total: number; total_pages: number };
    };
    expect(body.pagination).toEqual({ page: 1, per_page: 25, total: 4, total_pages: 1 });

    const xiaomi = body.data.find((c) => c.company.slug === "xiaomi" && c.target.value === 50);
    expect(xiaomi).toBeDefined();
    expect(xiaomi?.deadline).toEqual({ due_on: "2025-12-31", precision: "year", label: "by 2025" });
    expect(xiaomi?.status.code).toBe("overdue_unverified");
    expect(xiaomi?.status.days_to_deadline).toBe(-329);
    expect(xiaomi?.sources.length).toBeGreaterThanOrEqual(1);
    for (const c of body.data) expect(c.sources.length, c.title).toBeGreaterThanOrEqual(1);
  });

  test("paginates", async ({ request }) => {
    const first = await (await request.get("/api/v1/commitments?per_page=3&page=1")).json();
    const second = await (await request.get("/api/v1/commitments?per_page=3&page=2")).json();
    expect(first.data).toHaveLength(3);
    expect(second.data).toHaveLength(1);
    expect(first.links.next).toBe("/api/v1/commitments?page=2&per_page=3");
    expect(second.links.next).toBeNull();
    const ids = [...first.data, ...second.data].map((c: ApiCommitment) => c.id);
    expect(new Set(ids).size).toBe(4);
  });

  test("returns one commitment by id, with its sources and history", async ({ request }) => {
    const list = await (await request.get("/api/v1/commitments")).json();
    const id = list.data.find((c: ApiCommitment) => c.company.slug === "xiaomi" && c.target.value === 50).id;
    const response = await request.get(`/api/v1/commitments/${id}`);
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    expect(data.id).toBe(id);
    expect(data.status.code).toBe("overdue_unverified");
    expect(data.sources[0].url).toMatch(/^https:\/\//);
    expect(data.revisions.length).toBeGreaterThanOrEqual(1);
  });

  test("an unknown id is a 404 in JSON", async ({ request }) => {
    const response = await request.get("/api/v1/commitments/999999");
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });

  const badRequests: [string, string][] = [
    ["/api/v1/commitments/abc", "id"],
    ["/api/v1/commitments/0", "id"],
    ["/api/v1/commitments/1.5", "id"],
    ["/api/v1/commitments/99999999999999999999", "id"],
    ["/api/v1/commitments?page=0", "page"],
    ["/api/v1/commitments?page=-1", "page"],
    ["/api/v1/commitments?page=abc", "page"],
    ["/api/v1/commitments?page=1.5", "page"],
    ["/api/v1/commitments?status=bogus", "status"],
    ["/api/v1/commitments?state=IN-ZZ", "state"],
    ["/api/v1/commitments?due_from=2025-02-30", "due_from"],
    ["/api/v1/commitments?per_page=101", "per_page"],
    ["/api/v1/commitments?per_page=1e3", "per_page"],
    ["/api/v1/commitments?sort=%27%3B%20drop%20table%20commitments", "sort"],
  ];
  for (const [path, parameter] of badRequests) {
    test(`a malformed parameter is a 400 naming it: ${path}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("invalid_parameter");
      expect(body.error.parameter).toBe(parameter);
    });
  }
});
