/**
 * The team folder's engine (issue 15): keeps this computer's assessors in step with their
 * teammates through a shared folder, with no server.
 *
 * - Out: a few seconds after a change to what the current member of an evaluation exports (their
 *   indicators' answers, links and documents, the team, the deletions), "only my indicators" is
 *   exported (features/exchange/export-bundle.ts, the same bundle and sealing as a manual export)
 *   and written atomically to `<evaluasi>/<nama asesor>.spbe`. A failed write is tried again.
 * - In: on every pass (the folder's watch, and a poll every few seconds) each teammate file that
 *   is new (shared/team-folder/passes.ts) is read through the import's validation (openBundle) and
 *   planned (previewImport). Nothing in conflict: applied (commitImport "update", recorded in the
 *   history as any import). A conflict is never settled here: the file waits in the coordinator's
 *   queue for the merge screen. Once the coordinator merged an evaluation (with it as base), its
 *   files are weighed against and applied to the merged evaluation (db/commands/merge.ts
 *   mergedSuccessor), so what was settled is not raised again. A file of an evaluation not on
 *   this computer, or one needing a yes, waits for an explicit import (listed until committed).
 *   A file being written is retried on the next pass, never half-read. At most
 *   `MAX_PARALLEL_READS` files are read at once.
 * - The folder unreachable (unplugged share): said in the view; local work goes on; retried.
 */
import { liveQuery, type Subscription } from 'dexie';
import type {
  Answer,
  EvaluationId,
  Evaluation,
  Member,
  MemberId,
} from '../../../../shared/assessment';
import { isBundleError, type ImportConfirmation } from '../../../../shared/bundle';
import { findPack } from '../../../../shared/instrument';
import {
  afterFailure,
  assessorOfPath,
  dequeue,
  enqueue,
  isBeingWritten,
  mayBeIncomplete,
  needsReading,
  sameContent,
  settled,
  stillWriting,
  teamFilePath,
  withoutGone,
  withoutImported,
  type PendingFile,
  type PendingReason,
  type TrackedFile,
} from '../../../../shared/team-folder';
import { errorText } from '../../components/notices';
import { ANONYMOUS, type Actor } from '../../db/commands/actor';
import { blobSha256 } from '../../db/commands/hash';
import {
  commitImport,
  ImportError,
  openBundle,
  previewImport,
  type OpenedImport,
} from '../../db/commands/import';
import { missingFiles } from '../../db/commands/export';
import { currentMemberKey } from '../../db/commands/members';
import { mergedSuccessor } from '../../db/commands/merge';
import { db } from '../../db/db';
import { readSnapshot } from '../../db/snapshot';
import type {
  PickedFile,
  TeamFolder,
  TeamFolderAccess,
  TeamFolderEntry,
} from '../../platform/types';
import { exportEvaluation } from '../exchange/export-bundle';

/** Settings row: whether the team's files carry the evidence bytes (the team's choice). */
export const TEAM_EVIDENCE_SETTING = 'teamFolderIncludeEvidence';

/** Quiet after the folder's last change notification before it is looked at. */
const WATCH_QUIET_MS = 500;

/** A password-protected file in the folder: the team folder has nowhere to ask for the password. */
const PASSWORD_TEXT =
  'Berkas ini dilindungi kata sandi, jadi folder tim tidak dapat membacanya. Buka berkas ini lewat "Buka berkas .spbe" di Daftar Evaluasi dengan kata sandinya, atau minta pengirimnya menaruh berkas tanpa kata sandi di folder tim.';

/** Files read at once on a pass. */
export const MAX_PARALLEL_READS = 2;

export interface TeamFolderTimings {
  /** Quiet after a change before this computer's file is rewritten. */
  quietMs: number;
  /** Between two looks at the folder (also when it is watched: a watch can miss events). */
  pollMs: number;
}

export const DEFAULT_TIMINGS: TeamFolderTimings = { quietMs: 3_000, pollMs: 5_000 };

export type TeamFolderState = 'loading' | 'none' | 'ready' | 'needs-permission' | 'missing';

/** A teammate's file as the status bar shows it. */
export interface TeammateFile {
  path: string;
  name: string;
  /** When the file last arrived in the folder (its modification time). */
  receivedAt: number;
  status: 'ok' | 'writing' | 'broken';
  message?: string;
}

export interface TeamFolderView {
  supported: boolean;
  state: TeamFolderState;
  label: string | null;
  /** Why the folder cannot be used now (missing, unreachable, not allowed), in Indonesian. */
  problem: string | null;
  /** The last write of this computer's file failed (tried again). */
  writeProblem: string | null;
  teammates: TeammateFile[];
  /** Files waiting for a decision (conflicts) or an explicit import. */
  pending: PendingFile[];
  /** Files written by this computer (path → time). */
  written: Record<string, number>;
}

const INITIAL: TeamFolderView = {
  supported: false,
  state: 'loading',
  label: null,
  problem: null,
  writeProblem: null,
  teammates: [],
  pending: [],
  written: {},
};

/** What this computer exports to the folder for one evaluation, and its fingerprint. */
interface OwnFile {
  evaluation: Evaluation;
  member: Member;
  path: string;
  fingerprint: string;
}

const answerKey = (a: Answer): string => `${a.indicator}:${a.revision}:${a.updatedAt}`;

/**
 * The current member of each active evaluation here (archived ones are not the team's work now),
 * and what they would export now.
 */
async function ownFiles(includeEvidence: boolean): Promise<OwnFile[]> {
  const evaluations = (await db.evaluations.toArray()).filter((e) => e.status !== 'archived');
  const out: OwnFile[] = [];
  for (const evaluation of evaluations) {
    const chosen = (await db.settings.get(currentMemberKey(evaluation.id)))?.value;
    if (typeof chosen !== 'string') continue;
    const members = await db.members.where('evaluationId').equals(evaluation.id).toArray();
    const member = members.find((m) => m.id === chosen);
    if (!member || member.indicators.length === 0) continue;
    const mine = new Set(member.indicators);
    const [answers, links, tombstones] = await Promise.all([
      db.answers.where('evaluationId').equals(evaluation.id).toArray(),
      db.links.where('evaluationId').equals(evaluation.id).toArray(),
      db.tombstones.where('evaluationId').equals(evaluation.id).toArray(),
    ]);
    const myLinks = links.filter((l) => mine.has(l.indicator));
    const fingerprint = JSON.stringify([
      includeEvidence,
      evaluation.instansi,
      evaluation.year,
      answers.filter((a) => mine.has(a.indicator)).map(answerKey),
      myLinks.map((l) => `${l.id}:${l.evidenceId}:${l.levels.join()}`),
      members.map((m) => `${m.id}:${m.name}:${m.nip}:${m.indicators.join()}`),
      tombstones.map((t) => t.id),
    ]);
    out.push({ evaluation, member, path: teamFilePath(evaluation, member.name), fingerprint });
  }
  return out;
}

async function includeEvidenceSetting(): Promise<boolean> {
  return (await db.settings.get(TEAM_EVIDENCE_SETTING))?.value === true;
}

async function actorFor(evaluationId: EvaluationId): Promise<Actor> {
  const chosen = (await db.settings.get(currentMemberKey(evaluationId)))?.value;
  if (typeof chosen !== 'string') return ANONYMOUS;
  const member = await db.members.get(chosen as MemberId);
  return member ? { id: member.id, name: member.name } : ANONYMOUS;
}

/** Whether an update would bring anything (not only history events). */
async function bringsSomething(
  opened: OpenedImport,
  preview: Awaited<ReturnType<typeof previewImport>>,
): Promise<boolean> {
  const c = preview.plan.changes;
  if (c.answersAdded.length + c.answersChanged.length > 0 || c.evidenceAdded > 0) return true;
  if ((preview.deletions?.applied.length ?? 0) > 0) return true;
  const target = preview.target;
  if (!target) return false;
  const local = await db.members.where('evaluationId').equals(target.id).toArray();
  const known = new Set(local.map((m) => m.name.trim().toLowerCase()));
  return opened.bundle.manifest.snapshot.members.some(
    (m) => !known.has(m.name.trim().toLowerCase()),
  );
}

/** A teammate's file read as one of `evaluationId` (the merged evaluation its work continues in). */
const retargeted = (opened: OpenedImport, evaluationId: EvaluationId): OpenedImport => {
  const manifest = opened.bundle.manifest;
  const snapshot = manifest.snapshot;
  return {
    ...opened,
    bundle: {
      ...opened.bundle,
      manifest: {
        ...manifest,
        snapshot: { ...snapshot, evaluation: { ...snapshot.evaluation, id: evaluationId } },
      },
    },
  };
};

/** Reasons of a file whose evaluation is not on this computer (its import creates it). */
const isToCreate = (reason: PendingReason): boolean =>
  reason !== 'conflict' && reason !== 'needsConfirmation';

const sameText = (a: string, b: string): boolean =>
  a.trim().toLocaleLowerCase('id-ID').replace(/\s+/g, ' ') ===
  b.trim().toLocaleLowerCase('id-ID').replace(/\s+/g, ' ');

/** Why a file of an evaluation not on this computer waits, as precisely as this computer knows. */
async function unknownReason(
  confirmations: readonly ImportConfirmation[],
  ev: Evaluation,
): Promise<PendingReason> {
  if (confirmations.some((c) => c.kind === 'otherInstansi')) return 'otherInstansi';
  if (confirmations.some((c) => c.kind === 'otherYear')) return 'otherYear';
  const here = await db.evaluations.toArray();
  return here.some((e) => e.year === ev.year && sameText(e.instansi.name, ev.instansi.name))
    ? 'otherEvaluation'
    : 'unknownEvaluation';
}

/** Runs `work` over `items` with at most `limit` at once. */
async function bounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export class TeamFolderEngine {
  private view: TeamFolderView;
  private readonly listeners = new Set<() => void>();
  private folder: TeamFolder | null = null;
  private tracked = new Map<string, TrackedFile>();
  /** Fingerprint of what was last written, by path. */
  private writtenPrints = new Map<string, string>();
  private own: OwnFile[] = [];
  private ownPaths = new Set<string>();
  private dueAt: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  private subscription: Subscription | null = null;
  private unwatch: (() => void) | null = null;
  private watchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly access: TeamFolderAccess,
    private readonly timings: TeamFolderTimings = DEFAULT_TIMINGS,
  ) {
    this.view = { ...INITIAL, supported: access.supported };
  }

  // --- the view, for useSyncExternalStore ---

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getView = (): TeamFolderView => this.view;

  private set(patch: Partial<TeamFolderView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }

  // --- life cycle ---

  /** Starts: the remembered folder and the poll. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.pollTimer = setInterval(() => void this.pass(), this.timings.pollMs);
    void this.restore();
  }

  stop(): void {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.pollTimer = null;
    this.quietTimer = null;
    this.setFolder(null);
  }

  private async restore(): Promise<void> {
    if (!this.access.supported) {
      this.set({ state: 'none' });
      return;
    }
    try {
      const r = await this.access.remembered();
      if (this.stopped) return;
      if (r.state === 'ready') this.useFolder(r.folder);
      else if (r.state === 'none') this.set({ state: 'none', label: null, problem: null });
      else if (r.state === 'needs-permission') {
        this.set({
          state: 'needs-permission',
          label: r.label,
          problem: 'Peramban meminta izin lagi untuk membuka folder tim.',
        });
      } else this.set({ state: 'missing', label: r.label, problem: r.reason });
    } catch (error) {
      this.set({ state: 'missing', problem: errorText(error) });
    }
  }

  private setFolder(folder: TeamFolder | null): void {
    this.unwatch?.();
    this.unwatch = null;
    this.folder = folder;
    this.tracked = new Map();
    this.writtenPrints = new Map();
    // The change signal: what this computer would write, read again after every change while a
    // folder is set (and not at all without one).
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.own = [];
    this.ownPaths = new Set();
    if (folder) {
      this.subscription = liveQuery(async () => ownFiles(await includeEvidenceSetting())).subscribe(
        { next: (files) => this.ownChanged(files), error: () => undefined },
      );
    }
    if (folder?.watch) {
      // Debounced: a sync client writing a file reports many changes in a row.
      const stop = folder.watch(() => {
        if (this.watchTimer) clearTimeout(this.watchTimer);
        this.watchTimer = setTimeout(() => void this.pass(), WATCH_QUIET_MS);
      });
      this.unwatch = () => {
        stop();
        if (this.watchTimer) clearTimeout(this.watchTimer);
      };
    }
  }

  private useFolder(folder: TeamFolder): void {
    this.setFolder(folder);
    this.set({
      state: 'ready',
      label: folder.label,
      problem: null,
      writeProblem: null,
      teammates: [],
      pending: [],
      written: {},
    });
    this.dueAt = Date.now();
    void this.pass();
  }

  /** The user chose a folder (from a click). */
  async choose(): Promise<boolean> {
    const folder = await this.access.choose();
    if (!folder) return false;
    this.useFolder(folder);
    return true;
  }

  /** The user allowed the remembered folder again (from a click). */
  async grant(): Promise<boolean> {
    const folder = await this.access.grant();
    if (!folder) return false;
    this.useFolder(folder);
    return true;
  }

  async forget(): Promise<void> {
    await this.access.forget();
    this.setFolder(null);
    this.set({ ...INITIAL, supported: this.access.supported, state: 'none' });
  }

  // --- out: this computer's files ---

  private ownChanged(files: OwnFile[]): void {
    this.own = files;
    this.ownPaths = new Set(files.map((f) => f.path));
    if (files.every((f) => this.writtenPrints.get(f.path) === f.fingerprint)) return;
    this.dueAt = Date.now() + this.timings.quietMs;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => void this.pass(), this.timings.quietMs);
  }

  private async writeOwn(folder: TeamFolder): Promise<void> {
    // A timer may fire a moment early; the quiet is a few seconds either way.
    if (this.dueAt === null || Date.now() < this.dueAt - 50) return;
    this.dueAt = null;
    const includeEvidence = await includeEvidenceSetting();
    for (const file of this.own) {
      if (this.writtenPrints.get(file.path) === file.fingerprint) continue;
      const pack = findPack(file.evaluation.instrument.id, file.evaluation.instrument.version);
      if (!pack) continue;
      try {
        // Evidence bytes only when every one is here (some arrive without them), as the export
        // screen does; otherwise the file carries the documents' descriptions and hashes.
        const snapshot = includeEvidence ? await readSnapshot(file.evaluation.id) : null;
        const withEvidence = snapshot !== null && (await missingFiles(snapshot)).length === 0;
        const outcome = await exportEvaluation(
          {
            saveFile: async (_options, content, signal) => {
              const entry = await folder.write(file.path, content, signal);
              return { name: file.path.split('/').pop() ?? file.path, size: entry.size };
            },
          },
          {
            evaluationId: file.evaluation.id,
            pack,
            indicators: file.member.indicators,
            includeEvidence: withEvidence,
            exporter: { memberId: file.member.id, name: file.member.name, nip: file.member.nip },
            actor: { id: file.member.id, name: file.member.name },
            suggestedName: file.path,
            teamFolder: true,
          },
        );
        if (outcome) {
          this.writtenPrints.set(file.path, file.fingerprint);
          this.set({
            written: { ...this.view.written, [file.path]: Date.now() },
            writeProblem: null,
          });
        }
      } catch (error) {
        // Tried again on the next pass.
        this.dueAt = Date.now();
        this.set({
          writeProblem: `Berkas ${file.path} belum dapat ditulis ke folder tim: ${errorText(error)}`,
        });
      }
    }
  }

  // --- in: teammates' files ---

  /**
   * One look at the folder: writes this computer's files that are due, then reads the teammates'
   * new files. Never runs twice at once; a request meanwhile runs one more pass afterwards.
   */
  pass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.onePass();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async onePass(): Promise<void> {
    if (this.stopped) return;
    if (this.view.state === 'missing' || this.view.state === 'loading') {
      await this.restore();
    }
    const folder = this.folder;
    if (!folder) return;
    let entries: TeamFolderEntry[];
    try {
      entries = await folder.list();
    } catch (error) {
      this.set({ problem: errorText(error) });
      return;
    }
    if (this.view.problem) this.set({ problem: null });
    await this.writeOwn(folder);
    this.tracked = withoutGone(this.tracked, entries);
    // A conflict waiting on an evaluation merged since (by any way to the merge screen) is judged
    // again against the merged one: settled there, it no longer waits.
    for (const p of this.view.pending) {
      if (p.reason !== 'conflict') continue;
      if ((await mergedSuccessor(p.evaluationId as EvaluationId)) !== p.evaluationId) {
        this.tracked.delete(p.path);
      }
    }
    const theirs = entries.filter((e) => !this.ownPaths.has(e.path));
    const toRead = theirs.filter((e) => needsReading(e, this.tracked.get(e.path)));
    await bounded(toRead, MAX_PARALLEL_READS, (entry) => this.readOne(folder, entry));
    const present = new Set(entries.map((e) => e.path));
    // A file waiting for an import leaves the queue once its evaluation is here (imported), not
    // when "Impor" is clicked: an import cancelled on its screen kept it out of the list for good.
    const here = new Set<string>(await db.evaluations.toCollection().primaryKeys());
    this.set({
      teammates: theirs.map((e) => {
        const t = this.tracked.get(e.path);
        return {
          path: e.path,
          name: assessorOfPath(e.path),
          receivedAt: t?.status === 'done' ? t.lastModified : e.lastModified,
          status: !t || t.status === 'done' ? 'ok' : t.status === 'retry' ? 'writing' : 'broken',
          ...(t?.message && t.status !== 'done' ? { message: t.message } : {}),
        };
      }),
      pending: this.view.pending.filter(
        (p) => present.has(p.path) && !(isToCreate(p.reason) && here.has(p.evaluationId)),
      ),
    });
  }

  private async readOne(folder: TeamFolder, entry: TeamFolderEntry): Promise<void> {
    const before = this.tracked.get(entry.path);
    const track = (t: TrackedFile) => this.tracked.set(entry.path, t);
    let picked: PickedFile;
    let blob: Blob;
    let hash: string;
    try {
      picked = await folder.read(entry.path);
      if (
        isBeingWritten(entry, { ...entry, size: picked.size, lastModified: picked.lastModified })
      ) {
        track(stillWriting(entry, before));
        return;
      }
      blob = await picked.blob();
      hash = await blobSha256(blob);
    } catch (error) {
      track(afterFailure(entry, before, errorText(error)));
      return;
    }
    if (sameContent(before, hash)) {
      track(settled(entry, hash));
      return;
    }
    let opened: OpenedImport;
    try {
      opened = await openBundle(blob, entry.path.split('/').pop() ?? entry.path);
    } catch (error) {
      // Cut off or not yet a zip (a sync client still writing): retried, then broken. A refusal
      // that waiting never changes (a password, another format) is said at once.
      if (isBundleError(error) && !mayBeIncomplete(error.code)) {
        const message = error.code === 'passwordRequired' ? PASSWORD_TEXT : error.message;
        track(afterFailure(entry, before, message, 1));
        return;
      }
      const message = isBundleError(error) ? error.message : errorText(error);
      track(afterFailure(entry, before, message));
      return;
    }
    try {
      await this.apply(entry, opened);
      track(settled(entry, hash));
    } catch (error) {
      track(afterFailure(entry, before, errorText(error)));
    }
  }

  private async apply(entry: TeamFolderEntry, read: OpenedImport): Promise<void> {
    const sent = read.bundle.manifest.snapshot.evaluation.id;
    const actor = await actorFor(sent);
    // Our own file under another name (renamed member): never imported back.
    if (actor.id !== null && read.bundle.manifest.exportedBy.memberId === actor.id) return;
    // Once the coordinator merged the evaluation sent out, its files are weighed against (and
    // applied to) the merged one: what was settled there is not raised again.
    const evaluationId = await mergedSuccessor(sent);
    const opened = evaluationId === sent ? read : retargeted(read, evaluationId);
    const manifest = opened.bundle.manifest;
    const preview = await previewImport(opened);
    const ev = manifest.snapshot.evaluation;
    const base: Omit<PendingFile, 'reason' | 'indicators'> = {
      path: entry.path,
      evaluationId,
      exportedBy: manifest.exportedBy.name,
      // With its instrument: a file of another evaluation of the same instansi and year (another
      // instrument) read like the evaluation here.
      evaluationLabel: `${ev.instansi.name} ${ev.year}, ${opened.bundle.pack.shortTitle}`,
      manifestHash: opened.bundle.manifestHash,
      size: entry.size,
      lastModified: entry.lastModified,
    };
    const queue = (reason: PendingFile['reason'], indicators: number[] = []): void =>
      this.set({ pending: enqueue(this.view.pending, { ...base, reason, indicators }) });
    const plan = preview.plan;
    if (plan.action === 'create') return queue(await unknownReason(plan.confirmations, ev));
    if (plan.confirmations.length > 0) return queue('needsConfirmation');
    const conflicts = plan.changes.answersInConflict;
    if (conflicts.length > 0 || (preview.deletions?.conflicts.length ?? 0) > 0) {
      return queue('conflict', [...conflicts]);
    }
    this.set({ pending: dequeue(this.view.pending, [entry.path]) });
    if (!(await bringsSomething(opened, preview))) return;
    try {
      await commitImport(opened, { mode: 'update', confirmed: false, actor, fromTeamFolder: true });
    } catch (error) {
      // Changed here meanwhile: now a conflict, for the coordinator.
      if (error instanceof ImportError && error.kind === 'conflict') return queue('conflict');
      throw error;
    }
  }

  // --- the coordinator's actions ---

  /** Reads the queued conflicting files of one evaluation again, for the merge screen. */
  async openPending(evaluationId: string): Promise<OpenedImport[]> {
    const folder = this.folder;
    if (!folder) throw new Error('Folder tim belum dipilih.');
    const files = this.view.pending.filter(
      (p) => p.reason === 'conflict' && p.evaluationId === evaluationId,
    );
    const opened: OpenedImport[] = [];
    for (const p of files) {
      const picked = await folder.read(p.path);
      opened.push(await openBundle(await picked.blob(), `${assessorOfPath(p.path)}.spbe`));
    }
    return opened;
  }

  /** The file itself, for the import screen. */
  async readFile(path: string): Promise<PickedFile> {
    if (!this.folder) throw new Error('Folder tim belum dipilih.');
    return this.folder.read(path);
  }

  /**
   * A file was imported on the import screen (committed, not cancelled): if it is one waiting to
   * be imported by hand, it leaves the list.
   */
  imported(manifestHash: string): void {
    const pending = withoutImported(this.view.pending, manifestHash);
    if (pending.length !== this.view.pending.length) this.set({ pending });
  }

  /** The coordinator took these files to the merge: they leave the queue. */
  settle(paths: readonly string[]): void {
    this.set({ pending: dequeue(this.view.pending, paths) });
  }
}
