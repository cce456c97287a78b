/**
 * The scoring form of one indicator (react-hook-form + zod): the question, the verbatim criteria
 * of every level side by side, the level (also with keys 1–5), the justification, the responsible
 * agency, status and the lead's review note. Every change is saved automatically.
 * On a decimal pack (Indeks Pemdi) the value is typed ("2,75") and the levels are guidance with
 * their butir; an external-index indicator takes the other agency's index and converts it.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  answerEditSchema,
  answerStatuses,
  answerStatusLabel,
  canReview,
  sameButir,
  sameExternal,
  type AnswerEdit,
  type ButirState,
  type ButirStatus,
  type Member,
  LIMITS,
} from '../../../../shared/assessment';
import { butirEstimate, hasButir } from '../../../../shared/assessment/butir';
import { joinList } from '../../../../shared/format/list';
import { formatNumber, formatWeight } from '../../../../shared/format/number';
import {
  convertExternal,
  coordinatorRoleName,
  findIndicator,
  formatExternalInput,
  formatValue,
  isDecimalScale,
  levelOfValue,
  parseExternalInput,
  parseValue,
  valueNoun,
} from '../../../../shared/instrument';
import { dialogOpen, isTyping } from '../../components/keyboard';
import { errorText, useNotify } from '../../components/notices';
import { confirmCarriedOver } from '../../db/commands/answers';
import { IndicatorEvidence } from '../evidence/indicator-evidence';
import { RegionalArticles } from '../profiles/regional-articles';
import { AnswerProvenance } from '../merge/answer-provenance';
import { useWorkspace } from '../workspace/workspace-context';
import {
  DecimalValueField,
  ExternalValueField,
  LevelGuide,
  type ExternalDraft,
} from './decimal-value';
import { IndicatorHistory } from './indicator-history';
import { INDICATOR_HEADING_ID } from './keep-focus';
import { keepUnsavedDraft, SaveIndicator, takeUnsavedDraft, useAutosave } from './use-autosave';
import './review-note.css';
import './scoring-bar.css';
import { fieldErrorMap } from '../../../../shared/format/zod-messages';

/** The year typed beside an external index: empty is none; otherwise 2000–2100. */
function parseYear(
  text: string,
): { ok: true; year: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, year: null };
  if (!/^\d{4}$/.test(t))
    return { ok: false, message: 'Tulis tahun dengan empat angka, misalnya 2025' };
  const year = Number(t);
  if (year < 2000 || year > 2100) return { ok: false, message: 'Tahun harus antara 2000 dan 2100' };
  return { ok: true, year };
}

/**
 * A number half typed: digits and the decimal separator, the next digit still to come ("3," on
 * the way to "3,25"). Not read as a value, but not called wrong either until the field is left:
 * an error flashed (and read out by a screen reader) at every comma.
 */
const halfTyped = (text: string): boolean => /^\s*\d+[.,]$/.test(text);

/**
 * Keeps the sticky bar's height in `--scoring-bar-height` on the page (scoring-bar.css makes it
 * the page's scroll padding), following the bar as it wraps; removed when the form goes.
 */
function useBarHeight(): (bar: HTMLDivElement | null) => void {
  return useCallback((bar: HTMLDivElement | null) => {
    if (!bar) return;
    const root = document.documentElement;
    const measure = () =>
      root.style.setProperty('--scoring-bar-height', `${bar.getBoundingClientRect().height}px`);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(bar);
    return () => {
      observer?.disconnect();
      root.style.removeProperty('--scoring-bar-height');
    };
  }, []);
}

/**
 * Whose task the indicator is, so a member does not score a teammate's indicator unawares
 * (its answer would clash with the teammate's at the merge): null while the team is empty.
 */
function assignmentText(
  members: readonly Member[],
  me: Member | null,
  indicator: number,
): string | null {
  if (members.length === 0) return null;
  const assigned = members.filter((m) => m.indicators.includes(indicator));
  if (assigned.length === 0) return 'Belum ditugaskan kepada anggota tim.';
  const names = joinList(assigned.map((m) => (m.id === me?.id ? `${m.name} (Anda)` : m.name)));
  return me && !assigned.some((m) => m.id === me.id)
    ? `Ditugaskan kepada ${names}; bukan indikator tugas Anda.`
    : `Ditugaskan kepada ${names}.`;
}

/** `pager` (the previous/next buttons) shares the sticky bar at the foot with the save status. */
export function ScoringForm({ number, pager }: { number: number; pager?: ReactNode }) {
  const ws = useWorkspace();
  const { evaluation, pack, answers, actor, currentMember, result, setPendingValue } = ws;
  const assignment = assignmentText(ws.members, currentMember, number);
  const notify = useNotify();
  const entry = findIndicator(pack, number);
  const stored = answers.get(number);
  const reviewer = currentMember === null || canReview(currentMember.role);
  const decimal = isDecimalScale(pack);
  const external = entry?.indicator.externalIndex;
  const tracksButir = entry ? hasButir(entry.indicator) : false;

  // The form starts from the stored answer once; later saves must not reset what is being typed.
  // The Pemdi fields are part of the edit only where the indicator has them (59/2020 rows stay).
  const [initial] = useState<AnswerEdit>(() => ({
    value: stored?.value ?? null,
    justification: stored?.justification ?? '',
    agency: stored?.agency ?? '',
    status: stored?.status ?? 'draft',
    reviewNote: stored?.reviewNote ?? '',
    ...(external ? { external: stored?.external ?? null } : {}),
    ...(tracksButir ? { butir: stored?.butir ?? {} } : {}),
  }));
  // Text over its limit, or a value that did not read cleanly ("7", "2,755"), left on an earlier
  // visit comes back into its field (never saved as is).
  const draftKey = `${evaluation.id}:${number}`;
  const valueDraftKey = `${draftKey}:value`;
  const [restoredValueText] = useState(() => takeUnsavedDraft(valueDraftKey));
  // Typed text of a decimal value and of an external index: saved only while it reads cleanly.
  const [valueText, setValueText] = useState(
    () => restoredValueText ?? (initial.value === null ? '' : formatValue(pack, initial.value)),
  );
  const [valueError, setValueError] = useState<string | null>(() => {
    if (restoredValueText === undefined) return null;
    const parsed = parseValue(pack, restoredValueText);
    return parsed.ok ? null : parsed.message;
  });
  // Whether the value field was left since the last key: a half-typed number is called wrong then.
  const [valueLeft, setValueLeft] = useState(restoredValueText !== undefined);
  const latestValueText = useRef(valueText);
  useEffect(() => {
    latestValueText.current = valueText;
  }, [valueText]);
  useEffect(
    () => () => {
      if (!parseValue(pack, latestValueText.current).ok)
        keepUnsavedDraft(valueDraftKey, latestValueText.current);
    },
    [pack, valueDraftKey],
  );
  const [externalDraft, setExternalDraft] = useState<ExternalDraft>(() => ({
    input: initial.external ? formatExternalInput(initial.external.input) : '',
    year: initial.external?.year != null ? String(initial.external.year) : '',
    note: initial.external?.note ?? '',
  }));
  const [externalError, setExternalError] = useState<string | null>(null);
  const [yearError, setYearError] = useState<string | null>(null);
  const invalid = valueError ?? externalError ?? yearError;
  // A typed value is saved after a pause like other text; a click saves at once.
  const typed = useRef(false);
  const [restoredDraft] = useState(() => takeUnsavedDraft(draftKey));
  const { register, control, setValue, formState, trigger } = useForm<AnswerEdit>({
    resolver: zodResolver(answerEditSchema, { error: fieldErrorMap }),
    defaultValues:
      restoredDraft === undefined ? initial : { ...initial, justification: restoredDraft },
    mode: 'onChange',
  });
  const values = useWatch({ control }) as AnswerEdit;
  // Over the limit: said in the status, and kept as a draft if the indicator is left.
  const justificationText = values.justification ?? '';
  const justificationTooLong = justificationText.length > LIMITS.justification;
  const latestJustification = useRef(justificationText);
  useEffect(() => {
    latestJustification.current = justificationText;
  }, [justificationText]);
  useEffect(() => {
    if (restoredDraft !== undefined) void trigger('justification');
    return () => {
      if (latestJustification.current.length > LIMITS.justification)
        keepUnsavedDraft(draftKey, latestJustification.current);
    };
  }, [restoredDraft, trigger, draftKey]);
  // Once a save settles (either way) the stored answer is the truth again.
  const settled = useCallback(() => setPendingValue(number, undefined), [setPendingValue, number]);
  const { state, schedule } = useAutosave(evaluation.id, number, actor, settled);
  const barRef = useBarHeight();

  // The level and the status are single choices: saved at once, so the index moves at once.
  // Text fields are saved after a pause in typing.
  const previous = useRef<AnswerEdit>(initial);
  useEffect(() => {
    const parsed = answerEditSchema.safeParse(values);
    if (!parsed.success) return;
    const before = previous.current;
    previous.current = parsed.data;
    const changed = (Object.keys(parsed.data) as (keyof AnswerEdit)[]).filter((k) =>
      k === 'external'
        ? !sameExternal(parsed.data.external, before.external)
        : k === 'butir'
          ? !sameButir(parsed.data.butir, before.butir)
          : parsed.data[k] !== before[k],
    );
    if (changed.length === 0) return;
    const wasTyped = typed.current;
    typed.current = false;
    schedule(
      parsed.data,
      !wasTyped && changed.every((k) => k === 'value' || k === 'status' || k === 'butir'),
    );
  }, [values, schedule, setPendingValue, number]);

  const agencies = useMemo(() => {
    const set = new Set<string>();
    for (const a of answers.values()) if (a.agency.trim()) set.add(a.agency.trim());
    if (evaluation.instansi.ictAgencyName) set.add(evaluation.instansi.ictAgencyName);
    return [...set].sort();
  }, [answers, evaluation.instansi.ictAgencyName]);

  // Keys 1–5 choose a level anywhere on the screen, except while typing in a field. Only on an
  // integer pack: a decimal value is typed, never replaced by a key press.
  const levelNumbers = decimal ? '' : (entry?.scale.levels.map((l) => l.level).join(',') ?? '');
  useEffect(() => {
    const allowed = new Set(levelNumbers.split(',').filter(Boolean).map(Number));
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (dialogOpen()) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && allowed.has(n)) {
        e.preventDefault();
        setPendingValue(number, n);
        setValue('value', n, { shouldDirty: true });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [levelNumbers, setValue, setPendingValue, number]);

  if (!entry)
    return <p className="alert danger">Indikator {number} tidak ada dalam instrumen ini.</p>;
  const { indicator, scale, path } = entry;
  const score = result.indicators.find((i) => i.number === number);
  // The pending value is set in the same event as the form value: one render shows both.
  const setLevel = (level: number | null) => {
    setPendingValue(number, level);
    setValue('value', level, { shouldDirty: true });
  };
  // A value set by a button: the typed text follows it, and the focus goes to the field that
  // shows it (the button leaves the page with the change: "Kosongkan nilai" once the value is
  // empty, "Pakai nilai 2,50" once the value is 2,50; the focus fell to <body>).
  const applyValue = (v: number | null) => {
    setValueText(v === null ? '' : formatValue(pack, v));
    setValueError(null);
    setLevel(v);
    document.getElementById('nilai-indikator')?.focus();
  };
  // "Kosongkan pilihan tingkat" leaves with the choice: the focus goes to the levels.
  const clearLevel = () => {
    setLevel(null);
    document.querySelector<HTMLInputElement>('input[type="radio"][name="tingkat"]')?.focus();
  };
  const onValueText = (text: string) => {
    setValueText(text);
    setValueLeft(false);
    const parsed = parseValue(pack, text);
    if (!parsed.ok) {
      // What does not read cleanly is never saved: the stored value stays (also over a value
      // typed on the way, such as "2,75" before "2,755").
      setValueError(parsed.message);
      typed.current = true;
      setLevel(answers.get(number)?.value ?? null);
      return;
    }
    setValueError(null);
    typed.current = true;
    setLevel(parsed.value);
  };
  // Leaving the field shows what was read in the pack's notation: "3.5" and "3,5" become "3,50".
  const onValueBlur = () => {
    setValueLeft(true);
    const parsed = parseValue(pack, valueText);
    if (parsed.ok && parsed.value !== null) setValueText(formatValue(pack, parsed.value));
  };
  const onExternalDraft = (draft: ExternalDraft) => {
    setExternalDraft(draft);
    if (!external) return;
    const input = parseExternalInput(pack, external, draft.input);
    const year = parseYear(draft.year);
    setExternalError(input.ok ? null : input.message);
    setYearError(year.ok || !input.ok || input.input === null ? null : year.message);
    if (!input.ok || (!year.ok && input.input !== null)) {
      // Not saved while invalid: the stored index and value stay.
      typed.current = true;
      setValue('external', answers.get(number)?.external ?? null, { shouldDirty: true });
      setLevel(answers.get(number)?.value ?? null);
      return;
    }
    if (input.input === null) {
      // Clearing the index clears the value converted from it.
      typed.current = true;
      setValue('external', null, { shouldDirty: true });
      setLevel(null);
      return;
    }
    if (!year.ok) return;
    const converted = convertExternal(pack, external, input.input);
    if (!converted.ok) return;
    typed.current = true;
    setValue(
      'external',
      { input: input.input, year: year.year, note: draft.note },
      { shouldDirty: true },
    );
    setLevel(converted.value);
  };
  const butirState: ButirState = values.butir ?? {};
  const onButir = (code: string, status: ButirStatus) => {
    const next = { ...butirState };
    if (status === 'belum') delete next[code];
    else next[code] = status;
    setValue('butir', next, { shouldDirty: true });
  };
  const currentLevel =
    values.value === null || values.value === undefined
      ? null
      : (levelOfValue(pack, scale, values.value)?.level ?? null);
  // Only accepted butir move the estimate: without one it is the scale's floor (1,00), nothing
  // to offer yet, however many butir are drafted, uploaded or sent back.
  const butirAccepted = indicator.levels.some((l) =>
    l.butir.some((b) => butirState[b.code] === 'diterima'),
  );
  const estimate =
    tracksButir && !external ? butirEstimate(pack, scale, indicator, butirState) : null;
  const links = ws.linksByIndicator.get(number) ?? [];

  return (
    <div className="scoring">
      <div className="scoring-head">
        <div>
          <p className="small muted">
            {path
              .map(
                (g) => `${pack.tiers.find((t) => t.id === g.tier)?.label} ${g.number}. ${g.name}`,
              )
              .join(' › ')}
          </p>
          <h2 id={INDICATOR_HEADING_ID} tabIndex={-1}>
            Indikator {indicator.number}. {indicator.name}
          </h2>
          {decimal ? (
            <p className="small muted">
              Bobot {formatWeight(indicator.weight)}% ·{' '}
              {score?.valueDisplay
                ? `nilai saat ini ${score.valueDisplay}${score.levelName ? ` (${score.levelName})` : ''}`
                : 'belum dinilai'}
              {score?.awaitingExternal && ' · menunggu nilai eksternal'} · target{' '}
              {formatValue(pack, pack.targets.indicatorLevel)}
            </p>
          ) : (
            <p className="small muted">
              Bobot {formatWeight(indicator.weight)}% · {scale.name} · target tingkat{' '}
              {formatWeight(pack.targets.indicatorLevel)}
              {score?.value !== null && score?.value !== undefined && (
                <>
                  {' '}
                  · saat ini tingkat {score.level} ({score.levelName})
                </>
              )}
            </p>
          )}
          {assignment && <p className="small">{assignment}</p>}
        </div>
      </div>

      {stored?.carriedOver && (
        <div className="alert info">
          Jawaban ini disalin dari evaluasi tahun lalu dan perlu ditinjau. Ubah bila keadaan
          berbeda, atau{' '}
          <button
            type="button"
            className="link"
            onClick={() =>
              void confirmCarriedOver(evaluation.id, number, actor)
                // The note leaves with its button: the focus goes to the indicator's heading.
                .then(() => document.getElementById(INDICATOR_HEADING_ID)?.focus())
                .catch((e: unknown) => notify('danger', errorText(e)))
            }
          >
            tandai sudah ditinjau
          </button>
          .
        </div>
      )}

      <AnswerProvenance evaluation={evaluation} indicator={number} />

      <div className="card">
        {indicator.question !== null ? (
          <>
            <h3>Pertanyaan</h3>
            <p>{indicator.question}</p>
          </>
        ) : (
          <>
            <h3>Deskripsi indikator</h3>
            {indicator.explanation.indicator.map((t, i) => (
              <p key={i}>{t}</p>
            ))}
          </>
        )}
        {((indicator.question !== null && indicator.explanation.indicator.length > 0) ||
          indicator.explanation.judgement.length > 0) && (
          <details>
            <summary>Penjelasan indikator dan cara penilaian</summary>
            {indicator.question !== null && (
              <ul className="small">
                {indicator.explanation.indicator.map((t, i) => (
                  <li key={`i${i}`}>{t}</li>
                ))}
              </ul>
            )}
            {indicator.explanation.judgement.map((t, i) => (
              <p key={`j${i}`} className="small">
                {t}
              </p>
            ))}
          </details>
        )}
      </div>

      {decimal && external && (
        <ExternalValueField
          pack={pack}
          external={external}
          draft={externalDraft}
          inputError={externalError}
          yearError={yearError}
          awaiting={score?.awaitingExternal ?? values.value === null}
          counted={score?.value != null}
          onDraft={onExternalDraft}
        />
      )}
      {decimal && !external && (
        <div className="card">
          <DecimalValueField
            pack={pack}
            text={valueText}
            error={valueError && (valueLeft || !halfTyped(valueText)) ? valueError : null}
            onText={onValueText}
            onBlur={onValueBlur}
          />
          {restoredValueText !== undefined && valueError && (
            <p className="small hint">
              Isian nilai yang belum tersimpan dari kunjungan sebelumnya dipulihkan; nilai yang
              tersimpan tetap{' '}
              {answers.get(number)?.value == null
                ? 'kosong'
                : formatValue(pack, answers.get(number)!.value!)}
              .
            </p>
          )}
          {values.value !== null && values.value !== undefined && (
            <button type="button" className="link" onClick={() => applyValue(null)}>
              Kosongkan nilai
            </button>
          )}
          {estimate !== null && !butirAccepted && (
            <p className="small muted">
              Perkiraan nilai muncul setelah ada butir yang ditandai Diterima.
            </p>
          )}
          {estimate !== null && butirAccepted && (
            <p className="small estimate">
              Perkiraan (bukan nilai resmi) dari butir yang diterima: {formatValue(pack, estimate)}{' '}
              {values.value !== estimate && (
                <button type="button" className="secondary" onClick={() => applyValue(estimate)}>
                  Pakai perkiraan
                </button>
              )}
            </p>
          )}
        </div>
      )}
      {decimal && (
        <LevelGuide
          pack={pack}
          indicator={indicator}
          scale={scale}
          value={values.value ?? null}
          canApply={!external}
          onApply={applyValue}
          butir={butirState}
          onButir={onButir}
          links={links}
          evidenceById={ws.evidenceById}
        />
      )}

      {!decimal && (
        <fieldset className="card level-choice">
          <legend>Tingkat kematangan (tekan 1–5 untuk memilih)</legend>
          <div className="level-grid">
            {scale.levels.map((l) => {
              const criteria = indicator.levels.find((x) => x.level === l.level)?.criteria ?? '';
              const checked = values.value === l.level;
              return (
                <label key={l.level} className={`level-card choosable${checked ? ' chosen' : ''}`}>
                  <input
                    type="radio"
                    name="tingkat"
                    value={l.level}
                    checked={checked}
                    onChange={() => setLevel(l.level)}
                    aria-label={`Tingkat ${l.level} — ${l.name}`}
                  />
                  <span className="level-title">
                    Tingkat {l.level} — {l.name}
                  </span>
                  <span className="level-criteria">{criteria}</span>
                </label>
              );
            })}
          </div>
          {values.value !== null && (
            <button type="button" className="link" onClick={clearLevel}>
              Kosongkan pilihan tingkat
            </button>
          )}
        </fieldset>
      )}

      <RegionalArticles
        number={number}
        justification={values.justification ?? ''}
        onUseArgument={(text) => {
          // Appended, never replacing what the assessor wrote; the level is left alone.
          const current = (values.justification ?? '').trimEnd();
          setValue('justification', current ? `${current}\n\n${text}` : text, {
            shouldDirty: true,
            shouldValidate: true,
          });
        }}
      />

      <div className="card">
        <div className="field">
          <label htmlFor="penjelasan">Penjelasan (alasan pemilihan {valueNoun(pack)})</label>
          <textarea
            id="penjelasan"
            rows={6}
            {...register('justification')}
            aria-describedby={
              formState.errors.justification
                ? 'penjelasan-hint penjelasan-galat'
                : 'penjelasan-hint'
            }
            aria-invalid={formState.errors.justification ? true : undefined}
          />
          <span className="hint" id="penjelasan-hint">
            Uraikan kondisi yang memenuhi kriteria {valueNoun(pack)} yang dipilih dan rujuk dokumen
            bukti dukungnya.
          </span>
          {formState.errors.justification && (
            <span className="error" id="penjelasan-galat">
              {formState.errors.justification.message} (sekarang{' '}
              {formatNumber(justificationText.length, 0)} karakter). Teks tetap di sini dan belum
              disimpan; persingkat agar tersimpan.
            </span>
          )}
          {restoredDraft !== undefined && justificationTooLong && (
            <span className="hint">
              Teks penjelasan yang belum tersimpan dari kunjungan sebelumnya dipulihkan.
            </span>
          )}
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="opd">Perangkat daerah penanggung jawab</label>
            <input id="opd" list="daftar-opd" {...register('agency')} />
            <datalist id="daftar-opd">
              {agencies.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" {...register('status')}>
              {answerStatuses.map((s) => (
                <option
                  key={s}
                  value={s}
                  disabled={!reviewer && (s === 'verified' || s === 'needsRevision')}
                >
                  {answerStatusLabel[s]}
                </option>
              ))}
            </select>
            {!reviewer && (
              <span className="hint">
                Verifikasi dan permintaan revisi dilakukan oleh penanggung jawab.
              </span>
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor="catatan">Catatan asesor (penanggung jawab)</label>
          <textarea
            id="catatan"
            rows={3}
            {...register('reviewNote')}
            readOnly={!reviewer}
            className={reviewer ? undefined : 'read-only'}
            aria-describedby={reviewer ? undefined : 'catatan-hanya-baca'}
          />
          {!reviewer && (
            <span className="hint" id="catatan-hanya-baca">
              Hanya penanggung jawab atau {coordinatorRoleName(pack)} yang dapat mengubah catatan
              ini.
            </span>
          )}
        </div>
      </div>

      <IndicatorEvidence
        indicator={indicator}
        scale={scale}
        level={currentLevel}
        value={values.value ?? null}
      />
      <IndicatorHistory number={number} />
      <div className="scoring-bar" ref={barRef}>
        <SaveIndicator
          state={state}
          invalid={invalid ?? (Object.keys(formState.errors).length > 0 ? 'invalid' : null)}
          unsavedReason={
            justificationTooLong
              ? `penjelasan melebihi ${formatNumber(LIMITS.justification, 0)} karakter`
              : null
          }
        />
        {pager}
      </div>
    </div>
  );
}
