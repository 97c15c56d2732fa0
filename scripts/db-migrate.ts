import { databasePath, openDatabase } from "@/db/connection";

const file = databasePath();
const db = openDatabase(file, { seed: false });
db.$client.close();
console.log(`Migrated ${file}`);
