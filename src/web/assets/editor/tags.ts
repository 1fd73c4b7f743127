// The tags field holds comma-separated names; suggestions complete the part being typed, the last one.

/** The part after the last comma, trimmed: what the suggestions are for. */
export function lastPart(value: string): string {
  return value.slice(value.lastIndexOf(',') + 1).trim();
}

/** The names already chosen before the last part, trimmed, in their case. */
export function chosenNames(value: string): string[] {
  return value
    .split(',')
    .slice(0, -1)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/**
 * The field's new value with the last part replaced by the chosen name, followed by ", " so the next
 * name can be typed at once. Earlier parts keep their text, tidied to "a, b, ".
 */
export function replaceLastPart(value: string, name: string): string {
  return [...chosenNames(value), name.trim()].join(', ').concat(', ');
}

/** Suggestions worth showing: not a name already in the field (compared without case). */
export function freshSuggestions<T extends { name: string }>(value: string, suggestions: T[]): T[] {
  const taken = new Set(chosenNames(value).map((n) => n.toLocaleLowerCase('bg')));
  return suggestions.filter((s) => !taken.has(s.name.trim().toLocaleLowerCase('bg')));
}
