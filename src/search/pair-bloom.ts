// A Bloom filter of a document's adjacent term pairs, for PostgreSQL's phrase searches. GIN finds
// the articles that have every word of a phrase but not whether the words stand together; that
// takes each candidate's tsvector, fetched out of line and unpacked (a phrase of two common words:
// 14,000 candidates for 300 matches, 0.1–0.2 s). The filter is 512 bytes stored in the row: a
// candidate whose bits for the phrase's pairs are not all set cannot hold the phrase and is dropped
// before its tsvector is read; the rest (the matches and a few percent of the others) are checked
// exactly. (An index of the pairs themselves would answer outright, but it made indexing five times
// slower: almost every pair is its own lexeme.) Pure: the database only reads bits.

/** 4,096 bits: with the ~300 pairs of a long article about one in fourteen is set. */
export const PAIR_BITS = 4096;

/** FNV-1a over the two terms (UTF-16 units), folded to a bit number. */
export function pairBit(first: string, second: string): number {
  let hash = 0x811c9dc5;
  const text = `${first} ${second}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % PAIR_BITS;
}

/** The filter of the pairs within each field (a phrase never runs from one field into the next). */
export function pairBloom(fields: string[][]): Buffer {
  const bytes = Buffer.alloc(PAIR_BITS / 8);
  for (const terms of fields)
    for (let i = 1; i < terms.length; i++) {
      const bit = pairBit(terms[i - 1] ?? '', terms[i] ?? '');
      // PostgreSQL's get_bit numbers a bytea's bits from the low end of each byte.
      bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (1 << (bit & 7));
    }
  return bytes;
}

/** The bits a document must have set to possibly contain this phrase. */
export function phraseBits(terms: string[]): number[] {
  const bits = new Set<number>();
  for (let i = 1; i < terms.length; i++) bits.add(pairBit(terms[i - 1] ?? '', terms[i] ?? ''));
  return [...bits].sort((a, b) => a - b);
}
