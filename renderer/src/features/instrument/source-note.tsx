/**
 * How sure a pack is of a fact and where the fact comes from: the confidence and the explanation
 * in a sentence, the references (technical, as the pack's authors wrote them) folded away.
 */
import { confidenceLabel, splitSource, type Confidence } from '../../../../shared/instrument';

export function SourceNote({
  what,
  confidence,
  source,
}: {
  /** What the confidence is of, e.g. "konversi". */
  what: string;
  confidence: Confidence;
  source: string;
}) {
  const { explanation, references } = splitSource(source);
  return (
    <>
      <p className="small muted">
        Keyakinan {what}: {confidenceLabel[confidence]}.{explanation && ` ${explanation}`}
      </p>
      {references && <SourceReferences references={references} />}
    </>
  );
}

/** The references of a fact, folded; marked as English text where the authors' notes are. */
export function SourceReferences({ references }: { references: string }) {
  return (
    <details className="small muted">
      <summary>Rujukan sumber paket (catatan teknis)</summary>
      <p className="source-text" lang="en">
        {references}
      </p>
    </details>
  );
}
