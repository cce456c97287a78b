/**
 * The "Peraturan daerah" panel of the scoring form: the articles of the evaluation's regional
 * regulation mapped to this indicator (quoted, with the full article at hand), what they cover,
 * and the level argument the profile suggests. The argument is a suggestion: the assessor may
 * insert it into the justification; nothing here ever sets the level.
 */
import { useMemo, useState } from 'react';
import { findIndicator, valueNoun } from '../../../../shared/instrument';
import {
  articleText,
  mappingFor,
  mappingOf,
  mappingRoleLabel,
  noMappingText,
  regulationEvidencePlan,
  type Citation,
  type Profile,
} from '../../../../shared/profiles';
import { errorText, useNotify } from '../../components/notices';
import { linkEvidence } from '../../db/commands/evidence';
import { useWorkspace } from '../workspace/workspace-context';
import { ProfileProblem, useEvaluationProfile } from './evaluation-profile';
import { regulationShortName } from './profile-text';

/** The text copies carry markdown marks from their conversion; they are not part of the law. */
const plain = (s: string): string =>
  s
    .replace(/[*#]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function ArticleItem({ profile, citation }: { profile: Profile; citation: Citation }) {
  const full = articleText(profile, citation.ref);
  return (
    <li className="article-item">
      <strong>{citation.ref}</strong>
      <blockquote className="article-quote">“{citation.quote}”</blockquote>
      {full && (
        <details>
          <summary className="small">Teks lengkap {full.label}</summary>
          {/* It scrolls (max-height): a keyboard user reaches it to scroll, named for the article. */}
          <p
            className="article-full small"
            tabIndex={0}
            role="region"
            aria-label={`Teks lengkap ${full.label}`}
          >
            {plain(full.text)}
          </p>
        </details>
      )}
    </li>
  );
}

export function RegionalArticles({
  number,
  justification,
  onUseArgument,
}: {
  number: number;
  justification: string;
  onUseArgument: (text: string) => void;
}) {
  const lookup = useEvaluationProfile();
  if (lookup.state === 'none' || lookup.state === 'loading') return null;
  if (lookup.state !== 'ok') return <ProfileProblem lookup={lookup} />;
  return (
    <RegionalArticlesOf
      profile={lookup.profile}
      number={number}
      justification={justification}
      onUseArgument={onUseArgument}
    />
  );
}

function RegionalArticlesOf({
  profile,
  number,
  justification,
  onUseArgument,
}: {
  profile: Profile;
  number: number;
  justification: string;
  onUseArgument: (text: string) => void;
}) {
  const { pack, evaluation, evidence, linksByIndicator, actor } = useWorkspace();
  const notify = useNotify();
  const [linking, setLinking] = useState(false);
  const plan = useMemo(() => regulationEvidencePlan(profile, pack.id), [profile, pack.id]);
  // The mapping of this evaluation's instrument only: never another instrument's numbers.
  const mapped = mappingOf(profile, pack.id) !== null;
  const entry = mappingFor(profile, number, pack.id);
  const name = regulationShortName(profile);
  const headingId = `perda-${number}`;
  const found = findIndicator(pack, number);
  const scale = found?.scale;
  const indicatorLabel = found?.indicator.code ?? String(number);
  const noun = valueNoun(pack);
  const levelName = (n: number) => scale?.levels.find((l) => l.level === n)?.name ?? '';

  // The regulation's text copy in this evaluation's library, if it is there.
  const regulationDoc = plan
    ? evidence.find((e) => e.fileName === plan.fileName && e.kind === 'perkada')
    : undefined;
  const plannedLink = plan?.links.find((l) => l.indicator === number);
  const linked =
    regulationDoc !== undefined &&
    (linksByIndicator.get(number) ?? []).some((l) => l.evidenceId === regulationDoc.id);

  const suggestion = entry ? `${name}: ${entry.argument}` : '';
  const inserted = entry !== undefined && justification.includes(entry.argument);

  return (
    <section className="card regional-articles" aria-labelledby={headingId}>
      <h3 id={headingId}>Peraturan daerah</h3>
      <p className="small muted">
        {name}
        {profile.regulation.title && <> tentang {profile.regulation.title}</>}
      </p>
      {!mapped ? (
        <p className="small muted">{noMappingText(pack.shortTitle)}.</p>
      ) : !entry ? (
        <p>Profil daerah tidak memetakan pasal peraturan ini ke indikator {indicatorLabel}.</p>
      ) : (
        <>
          <p>
            <span className="badge">{mappingRoleLabel[entry.role]}</span>
          </p>
          {entry.articles.length === 0 ? (
            <p>Peraturan ini tidak mengatur topik indikator ini.</p>
          ) : (
            <ul
              className="article-list"
              aria-label={`Pasal yang dirujuk untuk indikator ${indicatorLabel}`}
            >
              {entry.articles.map((c, i) => (
                <ArticleItem key={`${c.ref}-${i}`} profile={profile} citation={c} />
              ))}
            </ul>
          )}
          <h4>Yang diatur</h4>
          <p>{entry.covers}</p>
          <h4>Saran argumen {noun}</h4>
          {entry.suggestedLevels && (
            <p>
              Mendukung tingkat{' '}
              {entry.suggestedLevels.min === entry.suggestedLevels.max
                ? `${entry.suggestedLevels.min} (${levelName(entry.suggestedLevels.min)})`
                : `${entry.suggestedLevels.min} (${levelName(entry.suggestedLevels.min)}) sampai ${entry.suggestedLevels.max} (${levelName(entry.suggestedLevels.max)})`}
              .
            </p>
          )}
          <p className="suggested-argument">{entry.argument}</p>
          <p className="small muted">
            Ini saran dari profil daerah, bukan nilai. {noun === 'nilai' ? 'Nilai' : 'Tingkat'}{' '}
            tetap dipilih asesor berdasarkan kriteria nasional di atas dan bukti pelaksanaannya.
          </p>
          <div className="row-actions">
            <button
              type="button"
              className="secondary"
              disabled={inserted}
              onClick={() => onUseArgument(suggestion)}
            >
              {inserted ? 'Argumen sudah ada dalam penjelasan' : 'Sisipkan argumen ke penjelasan'}
            </button>
            {regulationDoc && plannedLink && !linked && (
              <button
                type="button"
                className="secondary"
                disabled={linking}
                onClick={async () => {
                  setLinking(true);
                  try {
                    await linkEvidence(
                      evaluation.id,
                      regulationDoc.id,
                      number,
                      plannedLink.levels,
                      plannedLink.note,
                      actor,
                    );
                    notify('ok', `Salinan peraturan ditautkan ke indikator ${indicatorLabel}.`);
                  } catch (e) {
                    notify('danger', errorText(e));
                  } finally {
                    setLinking(false);
                  }
                }}
              >
                {entry.role === 'mandate'
                  ? 'Tautkan peraturan sebagai dasar kewajiban'
                  : 'Tautkan peraturan sebagai bukti dukung'}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
