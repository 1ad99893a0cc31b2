/**
 * Masks header values (and their token parts, e.g. the key in `Token token=abc…`) in any text that
 * might reach an error or a log; vendors and parsers sometimes echo what they were sent.
 */
export function secretScrubber(values: string[]): (text: string) => string {
  const secrets = new Set<string>();
  for (const value of values) {
    for (const part of [value, ...value.split(/[\s=,;]+/)]) if (part.length >= 8) secrets.add(part);
  }
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return text => ordered.reduce((acc, secret) => acc.split(secret).join('***'), text);
}

