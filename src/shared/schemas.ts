// Every body and answer of the wire contract, written once: TypeBox gives the JSON Schema the
// server validates with and the TypeScript type both sides use. The client imports only types
// from here (`import type`), so none of this reaches a kiosk's bundle. They live by kind in
// schemas/: the building blocks, the records, the bodies clients send and the answers.
export * from './schemas/base.js';
export * from './schemas/records.js';
export * from './schemas/bodies.js';
export * from './schemas/answers.js';
