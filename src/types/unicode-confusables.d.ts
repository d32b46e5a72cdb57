// The package ships its declarations under a misspelt file name (index.ts.d); these are the
// parts used here, as its index.js defines them.
declare module 'unicode-confusables' {
  /** The string with every confusable character replaced by its prototype (UTS #39 data). */
  export function rectifyConfusion(text: string): string;
  /** Whether the string contains a character confusable with another. */
  export function isConfusing(text: string): boolean;
}
