/**
 * Checking a pack file a user loads: the whole schema and every arithmetic check, with EVERY
 * reason in Indonesian. `loadPack` stops at the schema; here, when the schema's only complaints
 * are unknown fields, the pack is checked further without them so that (for example) an unknown
 * field and weights not summing are both reported at once. Nothing is ever accepted with an
 * unknown field: the second pass only finds more reasons.
 */
import type { z } from 'zod';
import { describePath, indonesianErrorMap } from '../format/zod-messages';
import { instrumentPackSchema } from './schema';
import { checkPack, type PackLoadResult } from './validate';

const messages = (error: z.ZodError): string[] =>
  error.issues.map((i) => `${describePath(i.path)}: ${i.message}`);

/** A copy of `raw` without the fields the schema did not recognise. */
function withoutUnknownFields(raw: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(raw));
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    let target: unknown = copy;
    for (const key of issue.path) {
      target = (target as Record<PropertyKey, unknown> | null)?.[key];
    }
    if (target && typeof target === 'object') {
      for (const key of issue.keys) delete (target as Record<string, unknown>)[key];
    }
  }
  return copy;
}

/** Parses and checks a pack from a file; never throws. */
export function checkPackFile(raw: unknown): PackLoadResult {
  const parsed = instrumentPackSchema.safeParse(raw, { error: indonesianErrorMap });
  if (parsed.success) {
    const errors = checkPack(parsed.data);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, pack: parsed.data };
  }
  const errors = messages(parsed.error);
  if (parsed.error.issues.every((i) => i.code === 'unrecognized_keys')) {
    const again = instrumentPackSchema.safeParse(withoutUnknownFields(raw, parsed.error.issues));
    if (again.success) errors.push(...checkPack(again.data));
  }
  return { ok: false, errors };
}
