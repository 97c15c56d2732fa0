import { parseArgs } from "node:util";
import readline from "node:readline";
import { databasePath, openDatabase } from "@/db/connection";
import { createUserWithPassword } from "@/db/mutations/users";
import { PASSWORD_MESSAGES, passwordProblem } from "@/lib/domain/passwords";
import { ROLES, type Role } from "@/lib/domain/vocabulary";

// npm run user:create -- --email meera@example.in --role admin [--name "Meera Iyer"]
// The password is read from TRACKER_USER_PASSWORD or typed at a prompt, never from the command
// line, where it would stay in shell history and the process list.

const USAGE = `Usage: npm run user:create -- --email <email> --role <${ROLES.join("|")}> [--name <name>]
The password comes from TRACKER_USER_PASSWORD, or is asked for.`;

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for a password: set TRACKER_USER_PASSWORD");
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let asked = false;
  output._writeToOutput = (s: string) => {
    // Echo the question, then nothing of what is typed.
    if (!asked) process.stdout.write(s);
    asked = true;
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function main(): Promise<number> {
  let values: { email?: string; role?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
    }));
  } catch (e) {
    console.error((e as Error).message);
    console.error(USAGE);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const email = values.email?.trim() ?? "";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    console.error("Give a valid --email.");
    console.error(USAGE);
    return 2;
  }
  if (!ROLES.includes(values.role as Role)) {
    console.error(`Give --role as one of: ${ROLES.join(", ")}.`);
    return 2;
  }
  const password = process.env.TRACKER_USER_PASSWORD ?? (await promptHidden("Password: "));
  const problem = passwordProblem(password, email);
  if (problem) {
    console.error(PASSWORD_MESSAGES[problem]);
    return 1;
  }
  const file = databasePath();
  const db = openDatabase(file);
  try {
    const { id } = await createUserWithPassword(db, {
      email,
      name: values.name?.trim() || email.split("@")[0]!,
      password,
      role: values.role as Role,
    });
    console.log(`Created ${values.role} ${email} (${id}) in ${file}`);
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  } finally {
    db.$client.close();
  }
}

main().then((code) => (process.exitCode = code));
