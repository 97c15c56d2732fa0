import { databasePath, openDatabase } from "@/db/connection";
import { seedFacts } from "@/db/seed";

const file = databasePath();
const db = openDatabase(file, { seed: false });
const { inserted } = seedFacts(db);
db.$client.close();
console.log(`Seeded ${file}: ${inserted} new record(s)`);
