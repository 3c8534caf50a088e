/** A TypeScript type (and, for enums, a value constant) per Stellar XDR type. */
export * from './generated/types.js';
