/**
 * A faster road to the same result as `schema.safeParse` for large JSON documents (a manifest with
 * hundreds of thousands of rows), derived from the zod schema itself so that it cannot drift, and
 * without generated code (the app's Content-Security-Policy forbids `eval`, so zod's own
 * `z.compile` cannot run in the renderer).
 *
 * Zod spends most of its time per row on its own machinery (a payload object and a result per
 * field, issue bookkeeping, a fresh output object per row). The fast path walks the value once
 * with plain type tests for the common node types (string, number, boolean, null, literal, enum,
 * array, strict and stripping object, nullable, optional, default, discriminated union), and runs
 * every check of the schema: the common ones (length, bound, safe integer, regex, refinement) as
 * a test that can only pass where zod's check passes, and every other check, or any value the
 * quick test does not clear, through the check's own code (`_zod.check`). Node types it does not
 * know are handed to zod for that subtree. The result is zod's output exactly (same values, same
 * key order, unknown keys of a stripping object dropped, defaults filled in); where nothing
 * changes it is the input itself instead of a copy.
 *
 * It never decides that a value is invalid: on the first sign of any problem it gives up and the
 * full zod parse runs, so every message, path and issue order is zod's. Equivalence with zod is
 * tested on mutated manifests of both packs (test/unit/bundle/fast-parse.test.ts).
 */
import type { z } from 'zod';

/** Returned by a compiled node when the fast path gives up (zod then parses everything). */
const FAIL: unique symbol = Symbol('fast-parse-fail');
/** Returned for an absent object key that stays absent in the output. */
const SKIP: unique symbol = Symbol('fast-parse-skip');

type Node = (value: unknown) => unknown;

interface Payload {
  value: unknown;
  issues: unknown[];
}

/** The parts of zod 4's internals the fast path reads (`schema._zod`, `check._zod`). */
interface Internals {
  def: {
    type: string;
    checks?: Check[];
    coerce?: boolean;
    innerType?: Schema;
    element?: Schema;
    shape?: Record<string, Schema>;
    catchall?: Schema;
    options?: Schema[];
    discriminator?: string;
    unionFallback?: boolean;
  };
  traits: Set<string>;
  run(payload: Payload, ctx: object): Payload | Promise<Payload>;
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  values?: Set<unknown>;
  propValues?: Record<string, Set<unknown>>;
}
interface Schema {
  _zod: Internals;
}
interface CheckDef {
  check: string;
  when?: (payload: Payload) => boolean;
  maximum?: number;
  minimum?: number;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: (value: unknown) => unknown;
  tx?: (value: unknown) => unknown;
}
interface Check {
  _zod: { def: CheckDef; traits: Set<string>; check(payload: Payload): unknown };
}

const CTX = Object.freeze({ async: false });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema's own parse of one subtree (for node types the fast path does not know). */
function viaZod(schema: Schema): Node {
  return (value) => {
    const result = schema._zod.run({ value, issues: [] }, CTX);
    if (result instanceof Promise || result.issues.length > 0) return FAIL;
    return result.value;
  };
}

/** One check as zod runs it on a value that has no issue yet: the new value, or FAIL. */
function runCheck(check: Check, value: unknown): unknown {
  const payload: Payload = { value, issues: [] };
  const when = check._zod.def.when;
  if (when && !when(payload)) return value;
  const r = check._zod.check(payload);
  if (r instanceof Promise || payload.issues.length > 0) return FAIL;
  return payload.value;
}

/** The checks zod runs on a node: the node itself when it is a check too, then its own list. */
const checksOf = (schema: Schema): Check[] => [
  ...(schema._zod.traits.has('$ZodCheck') ? [schema as unknown as Check] : []),
  ...(schema._zod.def.checks ?? []),
];

/** A node's checks on its output, each through its own code. */
function withChecks(schema: Schema, base: Node): Node {
  const checks = checksOf(schema);
  if (checks.length === 0) return base;
  return (value) => {
    let out = base(value);
    for (let i = 0; i < checks.length && out !== FAIL; i += 1) out = runCheck(checks[i]!, out);
    return out;
  };
}

// --- Leaves: scalar nodes (and nullable scalars), run by one function without indirect calls.

const Type = { String: 0, Number: 1, Boolean: 2, Null: 3, OneOf: 4 } as const;
type Type = (typeof Type)[keyof typeof Type];

/** The quick test of a check (one that passes only where zod's check passes). */
const Quick = {
  /** No quick test: the check's own code. */
  None: 0,
  /** Passes when the UTF-16 length is at most n (code points never exceed units). */
  MaxLength: 1,
  /** Passes when the UTF-16 length is at least n (twice the minimum in code points). */
  MinLength: 2,
  AtLeast: 3,
  Above: 4,
  AtMost: 5,
  Below: 6,
  SafeInteger: 7,
  Regex: 8,
  Refine: 9,
  /** Not a test: the rewrite itself (a trim), which is all such a check does. */
  Overwrite: 10,
} as const;
type Quick = (typeof Quick)[keyof typeof Quick];

interface Op {
  quick: Quick;
  n: number;
  pattern: RegExp | null;
  fn: ((value: unknown) => unknown) | null;
  check: Check;
}

interface Leaf {
  type: Type;
  nullable: boolean;
  values: Set<unknown> | null;
  ops: readonly Op[];
}

/** The quick test of a check, only where passing it means zod's check passes. */
function opOf(check: Check, type: Type): Op {
  const { def, traits } = check._zod;
  const op: Op = { quick: Quick.None, n: 0, pattern: null, fn: null, check };
  const isString = type === Type.String;
  if (def.check === 'max_length' && traits.has('$ZodCheckMaxLength') && isString) {
    op.quick = Quick.MaxLength;
    op.n = def.maximum!;
  } else if (def.check === 'min_length' && traits.has('$ZodCheckMinLength') && isString) {
    op.quick = Quick.MinLength;
    op.n = 2 * def.minimum!;
  } else if (
    (def.check === 'greater_than' || def.check === 'less_than') &&
    (traits.has('$ZodCheckGreaterThan') || traits.has('$ZodCheckLessThan')) &&
    typeof def.value === 'number' &&
    type === Type.Number
  ) {
    const above = def.check === 'greater_than';
    op.quick = above
      ? def.inclusive
        ? Quick.AtLeast
        : Quick.Above
      : def.inclusive
        ? Quick.AtMost
        : Quick.Below;
    op.n = def.value;
  } else if (
    def.check === 'number_format' &&
    traits.has('$ZodCheckNumberFormat') &&
    def.format === 'safeint' &&
    type === Type.Number
  ) {
    op.quick = Quick.SafeInteger;
  } else if (def.check === 'string_format' && traits.has('$ZodCheckRegex') && def.pattern) {
    op.quick = Quick.Regex;
    op.pattern = def.pattern;
  } else if (def.check === 'custom' && traits.has('$ZodCustom') && !def.when && def.fn) {
    op.quick = Quick.Refine;
    op.fn = def.fn;
  } else if (def.check === 'overwrite' && traits.has('$ZodCheckOverwrite') && !def.when && def.tx) {
    op.quick = Quick.Overwrite;
    op.fn = def.tx;
  }
  return op;
}

/** A scalar schema as a leaf, or undefined when it is not one. */
function leafOf(schema: Schema): Leaf | undefined {
  const def = schema._zod.def;
  if (def.coerce) return undefined;
  if (def.type === 'nullable') {
    const inner = def.innerType!;
    if (checksOf(schema).length > 0 || inner._zod.def.type === 'nullable') return undefined;
    const leaf = leafOf(inner);
    return leaf && { ...leaf, nullable: true };
  }
  let type: Type;
  let values: Set<unknown> | null = null;
  switch (def.type) {
    case 'string':
      type = Type.String;
      break;
    case 'number':
      type = Type.Number;
      break;
    case 'boolean':
      type = Type.Boolean;
      break;
    case 'null':
      type = Type.Null;
      break;
    case 'enum':
    case 'literal':
      if (!schema._zod.values) return undefined;
      type = Type.OneOf;
      values = schema._zod.values;
      break;
    default:
      return undefined;
  }
  return { type, nullable: false, values, ops: checksOf(schema).map((c) => opOf(c, type)) };
}

function runLeaf(leaf: Leaf, value: unknown): unknown {
  if (value === null && leaf.nullable) return null;
  switch (leaf.type) {
    case Type.String:
      if (typeof value !== 'string') return FAIL;
      break;
    case Type.Number:
      if (typeof value !== 'number' || !Number.isFinite(value)) return FAIL;
      break;
    case Type.Boolean:
      if (typeof value !== 'boolean') return FAIL;
      break;
    case Type.Null:
      if (value !== null) return FAIL;
      break;
    case Type.OneOf:
      if (!leaf.values!.has(value)) return FAIL;
      break;
  }
  const ops = leaf.ops;
  let out = value;
  for (let i = 0; i < ops.length; i += 1) {
    const op = ops[i]!;
    // A value whose earlier check rewrote it to another type meets the check's own code.
    const s = out as string;
    const n = out as number;
    switch (op.quick) {
      case Quick.MaxLength:
        if (typeof out === 'string' && s.length <= op.n) continue;
        break;
      case Quick.MinLength:
        if (typeof out === 'string' && s.length >= op.n) continue;
        break;
      case Quick.AtLeast:
        if (typeof out === 'number' && n >= op.n) continue;
        break;
      case Quick.Above:
        if (typeof out === 'number' && n > op.n) continue;
        break;
      case Quick.AtMost:
        if (typeof out === 'number' && n <= op.n) continue;
        break;
      case Quick.Below:
        if (typeof out === 'number' && n < op.n) continue;
        break;
      case Quick.SafeInteger:
        if (Number.isSafeInteger(out)) continue;
        break;
      case Quick.Regex:
        if (typeof out === 'string') {
          op.pattern!.lastIndex = 0;
          if (op.pattern!.test(s)) continue;
        }
        break;
      case Quick.Refine: {
        const r = op.fn!(out);
        if (r === true) continue;
        break;
      }
      case Quick.Overwrite:
        out = op.fn!(out);
        continue;
      case Quick.None:
        break;
    }
    out = runCheck(op.check, out);
    if (out === FAIL) return FAIL;
  }
  return out;
}

// --- Containers.

/** A compiled node, and its leaf when it is one (containers call leaves directly). */
interface Compiled {
  node: Node;
  leaf: Leaf | undefined;
}

const compiled = new WeakMap<Schema, Compiled>();

function compile(schema: Schema): Compiled {
  const known = compiled.get(schema);
  if (known) return known;
  // Recursive schemas reach themselves through z.lazy, which is handed to zod: no cycle here.
  const leaf = leafOf(schema);
  const result: Compiled = leaf
    ? { node: (v) => runLeaf(leaf, v), leaf }
    : { node: compileNode(schema), leaf: undefined };
  compiled.set(schema, result);
  return result;
}

const run = (c: Compiled, value: unknown): unknown =>
  c.leaf ? runLeaf(c.leaf, value) : c.node(value);

function compileNode(schema: Schema): Node {
  const internals = schema._zod;
  const def = internals.def;
  if (def.coerce) return viaZod(schema);
  switch (def.type) {
    case 'nullable': {
      const inner = compile(def.innerType!);
      return withChecks(schema, (v) => (v === null ? v : run(inner, v)));
    }
    case 'optional': {
      if (internals.traits.has('$ZodExactOptional')) return viaZod(schema);
      const innerSchema = def.innerType!;
      const inner = compile(innerSchema);
      const whenAbsent = viaZod(schema);
      return withChecks(schema, (v) =>
        v !== undefined
          ? run(inner, v)
          : innerSchema._zod.optin === 'defaulted'
            ? whenAbsent(v)
            : undefined,
      );
    }
    case 'default': {
      const inner = compile(def.innerType!);
      const whole = viaZod(schema);
      return withChecks(schema, (v) => {
        if (v === undefined) return whole(v);
        const out = run(inner, v);
        return out === undefined ? whole(v) : out;
      });
    }
    case 'array':
      return withChecks(schema, compileArray(schema));
    case 'object':
      return withChecks(schema, compileObject(schema));
    case 'union':
      return withChecks(schema, compileDiscriminated(schema));
    default:
      return viaZod(schema);
  }
}

function compileArray(schema: Schema): Node {
  const element = compile(schema._zod.def.element!);
  // A length cap is tested before the elements (as zod does), so an oversized list costs nothing.
  const caps = (schema._zod.def.checks ?? [])
    .map((ch) => ch._zod.def)
    .filter((d) => d.check === 'max_length' && typeof d.maximum === 'number')
    .map((d) => d.maximum!);
  const cap = caps.length > 0 ? Math.min(...caps) : Infinity;
  return (v) => {
    if (!Array.isArray(v) || v.length > cap) return FAIL;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i += 1) {
      const item: unknown = v[i];
      const r = run(element, item);
      if (r === FAIL) return FAIL;
      if (out) out[i] = r;
      else if (r !== item) {
        out = v.slice(0, i);
        out[i] = r;
      }
    }
    return out ?? v;
  };
}

function compileObject(schema: Schema): Node {
  const def = schema._zod.def;
  const shape = def.shape ?? {};
  if (Object.getOwnPropertySymbols(shape).length > 0) return viaZod(schema);
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) return viaZod(schema);
  // No catchall: unknown keys are dropped; z.never(): unknown keys are refused.
  const catchall = def.catchall?._zod.def.type;
  if (catchall !== undefined && catchall !== 'never') return viaZod(schema);
  const strict = catchall === 'never';
  const index = new Map(keys.map((k, i) => [k, i]));
  const fields = keys.map((k) => compile(shape[k]!));
  const absent = keys.map((k) => absentField(shape[k]!));

  /** A new output in shape order: keys before `upTo` copied from the input (unchanged there). */
  const prefix = (v: Record<string, unknown>, upTo: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let j = 0; j < upTo; j += 1) {
      const k = keys[j]!;
      if (k in v) out[k] = v[k];
    }
    return out;
  };

  return (v) => {
    if (!isObject(v)) return FAIL;
    // The input keys: known (or dropped when not strict), and in shape order for a reused input.
    let rebuild = false;
    let next = 0;
    for (const k in v) {
      if (k === keys[next]) {
        next += 1;
        continue;
      }
      const i = index.get(k);
      if (i === undefined) {
        if (strict) return FAIL;
        rebuild = true;
      } else if (i < next) rebuild = true;
      else next = i + 1;
    }
    let out: Record<string, unknown> | undefined = rebuild ? {} : undefined;
    for (let i = 0; i < keys.length; i += 1) {
      const k = keys[i]!;
      const value = v[k];
      if (value === undefined) {
        if (k in v) return FAIL;
        const r = absent[i]!();
        if (r === FAIL) return FAIL;
        if (r === SKIP) continue;
        out ??= prefix(v, i);
        out[k] = r;
        continue;
      }
      const r = run(fields[i]!, value);
      if (r === FAIL) return FAIL;
      if (out) out[k] = r;
      else if (r !== value) {
        out = prefix(v, i);
        out[k] = r;
      }
    }
    return out ?? v;
  };
}

/** What zod puts in the output for an absent key (its `handlePropertyResult`). */
function absentField(field: Schema): () => unknown {
  return () => {
    const { optin, optout } = field._zod;
    if (optin === undefined) return FAIL;
    if (optout === 'optional' && optin === 'optional') return SKIP;
    const result = field._zod.run({ value: undefined, issues: [] }, CTX);
    if (result instanceof Promise) return FAIL;
    if (result.issues.length > 0) return optout === 'optional' ? SKIP : FAIL;
    if (result.value === undefined) {
      return optin === 'defaulted' && optout !== 'optional' ? undefined : SKIP;
    }
    return result.value;
  };
}

function compileDiscriminated(schema: Schema): Node {
  const def = schema._zod.def;
  const key = def.discriminator;
  if (
    key === undefined ||
    def.unionFallback ||
    !schema._zod.traits.has('$ZodDiscriminatedUnion') ||
    !def.options
  ) {
    return viaZod(schema);
  }
  const byValue = new Map<unknown, Compiled | null>();
  for (const option of def.options) {
    const values = option._zod.propValues?.[key];
    if (!values || values.size === 0) return viaZod(schema);
    for (const value of values) byValue.set(value, byValue.has(value) ? null : compile(option));
  }
  return (v) => {
    if (!isObject(v)) return FAIL;
    const tag = v[key];
    if (tag === undefined) return FAIL;
    const option = byValue.get(tag);
    return option ? run(option, v) : FAIL;
  };
}

/**
 * `schema.safeParse(value, params)` with the same result, faster on large valid values: the fast
 * path first, the full zod parse (all issues and messages) when it gives up.
 */
export function fastSafeParse<S extends z.ZodType>(
  schema: S,
): (
  value: unknown,
  params?: z.core.ParseContext<z.core.$ZodIssue>,
) => z.ZodSafeParseResult<z.output<S>> {
  const fast = compile(schema as unknown as Schema);
  return (value, params) => {
    const out = run(fast, value);
    if (out !== FAIL && out !== SKIP) return { success: true, data: out as z.output<S> };
    return schema.safeParse(value, params);
  };
}
