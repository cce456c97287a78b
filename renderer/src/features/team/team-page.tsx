/**
 * The Tim Asesor Internal: members with NIP, position, role and the indicators each covers.
 * Whoever uses this laptop picks their own name (header), which stamps their changes.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  formatIndicatorList,
  memberRoleLabel,
  memberRoles,
  memberSchema,
  nipHolder,
  nipSchema,
  normalizeNip,
  parseIndicatorList,
  type Member,
  type MemberRole,
} from '../../../../shared/assessment';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { errorText, useNotify } from '../../components/notices';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { addMember, removeMember, setCurrentMember, updateMember } from '../../db/commands/members';
import { useWorkspace } from '../workspace/workspace-context';
import { fieldErrorMap } from '../../../../shared/format/zod-messages';

/**
 * The member form: the stored member's own rules (memberSchema), the indicators typed as a list
 * of the evaluation's pack, and a NIP no other member of the team holds.
 */
function memberFormSchema(known: number[], others: readonly Member[]) {
  return z.object({
    name: memberSchema.shape.name,
    nip: nipSchema.superRefine((nip, ctx) => {
      const holder = nipHolder(others, nip);
      if (holder)
        ctx.addIssue({
          code: 'custom',
          message: `NIP ${normalizeNip(nip)} sudah tercatat untuk ${holder.name} (satu NIP hanya untuk satu orang); periksa kembali angkanya.`,
        });
    }),
    position: memberSchema.shape.position,
    role: z.enum(memberRoles),
    indicators: z.string().superRefine((text, ctx) => {
      const parsed = parseIndicatorList(text, known);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
  });
}
type MemberForm = z.infer<ReturnType<typeof memberFormSchema>>;

function MemberDialog({
  member,
  open,
  onClose,
}: {
  member: Member | null;
  open: boolean;
  onClose: () => void;
}) {
  const { evaluation, result, actor, members, pack } = useWorkspace();
  const notify = useNotify();
  const known = result.indicators.map((i) => i.number);
  const { register, handleSubmit, formState, control } = useForm<MemberForm>({
    resolver: zodResolver(
      memberFormSchema(
        known,
        members.filter((m) => m.id !== member?.id),
      ),
      { error: fieldErrorMap },
    ),
    defaultValues: {
      name: member?.name ?? '',
      nip: member?.nip ?? '',
      position: member?.position ?? '',
      role: member?.role ?? 'member',
      indicators: formatIndicatorList(member?.indicators ?? []),
    },
  });
  const submit = handleSubmit(async (form) => {
    const parsed = parseIndicatorList(form.indicators, known);
    const edit = {
      name: form.name,
      nip: form.nip,
      position: form.position,
      role: form.role as MemberRole,
      indicators: parsed.ok ? parsed.numbers : [],
    };
    try {
      if (member) await updateMember(member.id, edit, actor);
      else {
        const added = await addMember(evaluation.id, edit, actor);
        // The first member added on a laptop is most likely its user.
        if (members.length === 0) await setCurrentMember(evaluation.id, added.id);
      }
      notify('ok', member ? `Data ${form.name} diperbarui.` : `${form.name} ditambahkan ke tim.`);
      onClose();
    } catch (e) {
      notify('danger', errorText(e));
    }
  });
  // Two members on one indicator is allowed (work done together), but said, naming the other.
  const typed = parseIndicatorList(useWatch({ control, name: 'indicators' }), known).numbers;
  const shared = members
    .filter((m) => m.id !== member?.id)
    .map((m) => ({ name: m.name, numbers: m.indicators.filter((n) => typed.includes(n)) }))
    .filter((o) => o.numbers.length > 0);
  const leaveGuard = useLeaveGuard(open && formState.isDirty && !formState.isSubmitting);
  return (
    <Dialog
      open={open}
      title={member ? `Ubah anggota: ${member.name}` : 'Tambah anggota tim'}
      onClose={onClose}
    >
      {leaveGuard}
      <form onSubmit={submit} noValidate>
        <Field label="Nama lengkap" error={formState.errors.name?.message}>
          <input {...register('name')} />
        </Field>
        <Field
          label="NIP"
          hint="18 angka; kosongkan bila bukan ASN"
          error={formState.errors.nip?.message}
        >
          <input {...register('nip')} inputMode="numeric" />
        </Field>
        <Field
          label="Jabatan"
          hint="Beserta unit kerjanya, misalnya: Kepala Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika"
          error={formState.errors.position?.message}
        >
          <input {...register('position')} />
        </Field>
        <Field label="Peran dalam tim" error={formState.errors.role?.message}>
          <select {...register('role')}>
            {memberRoles.map((r) => (
              <option key={r} value={r}>
                {memberRoleLabel(pack, r)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Indikator yang menjadi tugasnya"
          hint={
            shared.length === 0
              ? 'Contoh: 1-10, 12, 15-18'
              : [
                  'Contoh: 1-10, 12, 15-18.',
                  ...shared.map(
                    (o) =>
                      // A name ending in a degree ("M.Si.") already ends the sentence.
                      `Indikator ${formatIndicatorList(o.numbers)} juga ditugaskan kepada ${o.name}${o.name.endsWith('.') ? '' : '.'}`,
                  ),
                ].join(' ')
          }
          error={formState.errors.indicators?.message}
        >
          <input {...register('indicators')} />
        </Field>
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Batal
          </button>
          <button type="submit" disabled={formState.isSubmitting}>
            Simpan
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The indicators of a member that no other member covers: unassigned once they leave. */
function orphanedIndicators(member: Member, members: readonly Member[]): number[] {
  const others = new Set(members.filter((m) => m.id !== member.id).flatMap((m) => m.indicators));
  return member.indicators.filter((n) => !others.has(n)).sort((a, b) => a - b);
}

/**
 * What removing a member changes, said before it happens: the indicators left without an
 * assessor, the answers they last changed (kept), and this laptop's "Saya" when it is them.
 */
function RemovalMessage({ member }: { member: Member }) {
  const { members, answers, currentMemberId } = useWorkspace();
  const left = orphanedIndicators(member, members);
  const answered = [...answers.values()]
    .filter((a) => a.updatedBy === member.id)
    .map((a) => a.indicator);
  return (
    <>
      <p>{member.name} dikeluarkan dari tim.</p>
      <ul>
        {left.length > 0 && (
          <li>
            Indikator {formatIndicatorList(left)} yang ditugaskan kepadanya menjadi belum ditugaskan
            kepada siapa pun; tugaskan kepada anggota lain melalui tombol Ubah.
          </li>
        )}
        <li>
          {answered.length > 0
            ? `Jawaban indikator ${formatIndicatorList(answered)} yang terakhir diubahnya tetap tersimpan. `
            : ''}
          Perubahan yang pernah dibuatnya tetap tercatat atas namanya di riwayat.
        </li>
        {member.id === currentMemberId && (
          <li>
            Nama ini dipilih sebagai “Saya” di komputer ini; setelahnya pilih nama Anda lagi di
            bagian atas.
          </li>
        )}
      </ul>
    </>
  );
}

export function TeamPage() {
  const { members, actor, currentMemberId, result, pack } = useWorkspace();
  const notify = useNotify();
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const covered = new Set(members.flatMap((m) => m.indicators));
  const uncovered = result.indicators.map((i) => i.number).filter((n) => !covered.has(n));

  return (
    <section aria-labelledby="judul-tim">
      <div className="page-header">
        <div>
          <h2 id="judul-tim">Tim Asesor Internal</h2>
          <p>Anggota tim, peran, dan pembagian indikator.</p>
        </div>
        <button type="button" onClick={() => setEditing('new')}>
          Tambah anggota
        </button>
      </div>
      {members.length === 0 ? (
        <div className="card empty">
          <p>
            Belum ada anggota tim. Tambahkan anggota, lalu pilih nama Anda di bagian atas agar
            perubahan tercatat atas nama Anda.
          </p>
        </div>
      ) : (
        <table>
          <caption className="visually-hidden">Anggota Tim Asesor Internal</caption>
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">NIP</th>
              <th scope="col">Jabatan</th>
              <th scope="col">Peran</th>
              <th scope="col">Indikator</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.name} {m.id === currentMemberId && <span className="badge ok">Saya</span>}
                </td>
                <td>{m.nip || '—'}</td>
                <td>{m.position || '—'}</td>
                <td>{memberRoleLabel(pack, m.role)}</td>
                <td>{formatIndicatorList(m.indicators) || '—'}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setEditing(m)}
                      aria-label={`Ubah ${m.name}`}
                    >
                      Ubah
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setRemoving(m)}
                      aria-label={`Keluarkan ${m.name} dari tim`}
                    >
                      Keluarkan
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {members.length > 0 && uncovered.length > 0 && (
        <p className="alert info">
          Indikator yang belum dibagikan kepada anggota: {formatIndicatorList(uncovered)}.
        </p>
      )}
      {editing !== null && (
        <MemberDialog
          member={editing === 'new' ? null : editing}
          open
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title="Keluarkan anggota?"
        confirmLabel="Keluarkan"
        danger
        message={removing && <RemovalMessage member={removing} />}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const target = removing;
          setRemoving(null);
          if (!target) return;
          try {
            const left = orphanedIndicators(target, members);
            await removeMember(target.id, actor);
            notify(
              'ok',
              left.length > 0
                ? `${target.name} dikeluarkan dari tim. Indikator ${formatIndicatorList(left)} belum ditugaskan kepada anggota lain.`
                : `${target.name} dikeluarkan dari tim.`,
            );
          } catch (e) {
            notify('danger', errorText(e));
          }
        }}
      />
    </section>
  );
}
