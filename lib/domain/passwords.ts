// Password rules after OWASP ASVS 5 (section 6.2): at least 8 characters, at most 128, no rules
// about character classes, and no password that appears on lists of the most common ones.
// Comparison ignores case, since "Password1" is as guessable as "password1".

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

// Passwords of 8 or more characters that head published breach-frequency lists, plus the
// obvious ones for this site. Kept short on purpose: it is the first guesses that matter.
const COMMON = new Set(
  [
    "password",
    "password1",
    "password12",
    "password123",
    "password1234",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "12345678",
    "123456789",
    "1234567890",
    "0123456789",
    "87654321",
    "11111111",
    "00000000",
    "12341234",
    "11223344",
    "12121212",
    "123123123",
    "123321123",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "1qaz2wsx",
    "zaq12wsx",
    "qwertyui",
    "qwertyuiop",
    "qwerty123",
    "qwerty12",
    "asdfghjk",
    "asdfghjkl",
    "zxcvbnm1",
    "abcd1234",
    "abc12345",
    "abcdefgh",
    "aa123456",
    "iloveyou",
    "iloveyou1",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "superman",
    "trustno1",
    "welcome1",
    "welcome123",
    "letmein1",
    "whatever",
    "starwars",
    "michelle",
    "jennifer",
    "computer",
    "internet",
    "shadow12",
    "master12",
    "monkey12",
    "dragon12",
    "changeme",
    "admin123",
    "administrator",
    "default1",
    "secret12",
    "qazwsxedc",
    "q1w2e3r4",
    "q1w2e3r4t5",
    "88888888",
    "66666666",
    "99999999",
    "55555555",
    "22222222",
    "77777777",
    "44444444",
    "33333333",
    "987654321",
    "999999999",
    "111111111",
    "000000000",
    "1111111111",
    "147258369",
    "159753159",
    "india123",
    "india@123",
    "bharat123",
    "makeinindia",
    "makeinindia1",
    "tracker1",
    "tracker123",
    "xiaomi123",
    "india1234",
    "krishna1",
    "ganesh123",
    "jaihind1",
    "hindustan",
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem = "too_short" | "too_long" | "common" | "matches_email";

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "too_short";
  if (length > MAX_PASSWORD_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "common";
  if (email && (lower === email.toLowerCase() || lower === email.toLowerCase().split("@")[0]))
    return "matches_email";
  return null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters`,
  too_long: `Use at most ${MAX_PASSWORD_LENGTH} characters`,
  common: "This password is one of the most commonly used; choose one that is harder to guess",
  matches_email: "Choose a password that is not your email address",
};
