// Helpers the schema modules share; not part of the contract, so schemas.ts does not export them.
import { Type, type TLiteral } from '@sinclair/typebox';

/** No property beyond those named: a misspelt field is an error, not ignored. */
export const strict = { additionalProperties: false } as const;
/** One of `values`, typed as that union (not as any string). */
export const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);
