// Greeter scripts as the API shows them, written once in TypeBox (like schemas.ts): the server
// validates with these, the client imports only their types. A script holds no patron data.
import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoTime, Text as PersonText } from './schemas.js';
import { slugOf } from './slug.js';

const strict = { additionalProperties: false } as const;
/** Scripts may run over several lines; titles and tags stay on one (see `Text` in schemas). */
const Text = (max: number) => PersonText(max, { lines: true });
const LineText = (max: number) => PersonText(max);

/**
 * What a step offers to do on a signed-in tablet, beside its words. `hand-off`: "Send for a
 * specialist" (a walk-up, docs/API.md), with the script's first topic chosen already.
 */
const STEP_OFFERS = ['hand-off'] as const;

/** One numbered step: what to do, a few short things a greeter might say aloud, an offer. */
export const ScriptStep = Type.Object(
  {
    text: Text(300),
    phrases: Type.Array(Text(300), { maxItems: 8 }),
    offer: Type.Optional(Type.Union(STEP_OFFERS.map((o) => Type.Literal(o)))),
  },
  strict,
);
export type ScriptStep = Static<typeof ScriptStep>;

/** What standard, extended and exceptional service look like for the script's request. */
export const ScriptLevels = Type.Object(
  { standard: Text(400), extended: Text(400), exceptional: Text(400) },
  strict,
);
export type ScriptLevels = Static<typeof ScriptLevels>;

/** The part of a script a supervisor writes; every save of it is a new version. */
const contentFields = {
  title: LineText(120),
  purpose: Text(240),
  tags: Type.Array(LineText(40), { maxItems: 16, uniqueItems: true }),
  topicIds: Type.Array(Id, { maxItems: 16, uniqueItems: true }),
  steps: Type.Array(ScriptStep, { minItems: 1, maxItems: 40 }),
  levels: Type.Optional(ScriptLevels),
};
export const ScriptContent = Type.Object(contentFields, strict);
export type ScriptContent = Static<typeof ScriptContent>;

/**
 * A script: its content at `version`. The public list shows the published version; a
 * supervisor's drafts view shows the newest. `publishedVersion` is absent while unpublished,
 * which is also how an `event: script` tells devices to drop their copy.
 */
export const Script = Type.Object(
  {
    id: Id,
    ...contentFields,
    /** The saved version this content is. */
    version: Type.Integer({ minimum: 1 }),
    /** The newest saved version: `PUT` must name it (optimistic concurrency). */
    latestVersion: Type.Integer({ minimum: 1 }),
    publishedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    updatedAt: IsoTime,
    publishedAt: Type.Optional(IsoTime),
  },
  strict,
);
export type Script = Static<typeof Script>;

/** One saved version in a script's history. */
export const ScriptVersion = Type.Object(
  {
    scriptId: Id,
    version: Type.Integer({ minimum: 1 }),
    ...contentFields,
    savedAt: IsoTime,
    /** True for the version devices currently show. */
    published: Type.Boolean(),
  },
  strict,
);
export type ScriptVersion = Static<typeof ScriptVersion>;

/** Answers of the script calls (docs/API.md, "Scripts"): one script, a list, a history. */
export const ScriptAnswer = Type.Object({ script: Script }, strict);
export const ScriptListAnswer = Type.Object({ scripts: Type.Array(Script) }, strict);
export const ScriptVersionsAnswer = Type.Object({ versions: Type.Array(ScriptVersion) }, strict);

// ---- bodies ---------------------------------------------------------------------------------

/** `POST /api/scripts`: a new draft; the id is made from the title when not given. */
export const CreateScriptBody = Type.Object({ id: Type.Optional(Id), ...contentFields }, strict);
export type CreateScriptBody = Static<typeof CreateScriptBody>;

/** `PUT /api/scripts/:id`: the whole content again, and the `latestVersion` it was based on. */
export const SaveScriptBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...contentFields },
  strict,
);
export type SaveScriptBody = Static<typeof SaveScriptBody>;

/** `POST /api/scripts/:id/publish`: which version (the newest when absent). */
export const PublishScriptBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  strict,
);
export type PublishScriptBody = Static<typeof PublishScriptBody>;

/** `POST /api/scripts/:id/unpublish`: an empty object. */
export const UnpublishScriptBody = Type.Object({}, strict);

/** `POST /api/scripts/:id/versions/:n/restore`: optionally the `latestVersion` it expects. */
export const RestoreScriptBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  strict,
);
export type RestoreScriptBody = Static<typeof RestoreScriptBody>;

export const ScriptParams = Type.Object({ id: Id }, strict);
/** URL parts arrive as text (the server never coerces types), so `n` is digits here. */
export const ScriptVersionParams = Type.Object(
  { id: Id, n: Type.String({ pattern: '^[1-9][0-9]{0,8}$' }) },
  strict,
);
/** `GET /api/scripts?drafts=true` (admin): every script at its newest version. */
export const ScriptListQuery = Type.Object(
  { drafts: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) },
  strict,
);

/** `event: script`, `id: <seq>`: a script was published (or withdrawn: no `publishedVersion`). */
export interface ScriptEvent {
  script: Script;
}

/** `event: snapshot` of the public scripts stream: every published script as of `seq`. */
export interface ScriptsSnapshotEvent {
  seq: number;
  scripts: Script[];
}

/** Makes a script id from a title: "Finding a book!" -> "finding-a-book". */
export function scriptIdFromTitle(title: string): string {
  return slugOf(title, 48) || 'script';
}
