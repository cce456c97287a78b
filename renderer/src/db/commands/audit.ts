/**
 * Appending to the audit log. Called only inside the transaction of the change it records, so a
 * change and its record are written together or not at all.
 */
import { newId, type AuditEvent, type EvaluationId } from '../../../../shared/assessment';
import { db } from '../db';
import type { Actor } from './actor';

export interface AuditInput {
  entity: AuditEvent['entity'];
  action: AuditEvent['action'];
  indicator?: number | null;
  field?: string | null;
  /** Any value; stored as text (JSON for non-strings). */
  oldValue?: unknown;
  newValue?: unknown;
  note?: string;
}

const asText = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);

export function auditEvent(
  evaluationId: EvaluationId,
  actor: Actor,
  input: AuditInput,
  at = Date.now(),
): AuditEvent {
  return {
    id: newId(),
    evaluationId,
    at,
    actor: actor.id,
    actorName: actor.name,
    entity: input.entity,
    action: input.action,
    indicator: input.indicator ?? null,
    field: input.field ?? null,
    oldValue: asText(input.oldValue),
    newValue: asText(input.newValue),
    note: input.note ?? '',
  };
}

/** Must be called inside a transaction that includes `db.audit`. */
export async function appendAudit(
  evaluationId: EvaluationId,
  actor: Actor,
  inputs: readonly AuditInput[],
  at = Date.now(),
): Promise<void> {
  if (inputs.length === 0) return;
  await db.audit.bulkAdd(inputs.map((i) => auditEvent(evaluationId, actor, i, at)));
}

export { asText as auditText };
