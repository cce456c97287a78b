/**
 * Prints, for every e2e attempt that fails, what CI leaves no other way to see: the test's steps
 * with how long each took (which one ate the time), and the page's accessibility snapshot from
 * the error context Playwright wrote. The trace stays on the CI machine; this goes into its log.
 */
import { readFileSync } from 'node:fs';
import type { Reporter, TestCase, TestResult, TestStep } from '@playwright/test/reporter';

/** Enough of the snapshot to see the page; a huge one is cut. */
const MAX_SNAPSHOT_CHARS = 12_000;
/** Steps nested deeper than this (expect's internal polling) are left out. */
const MAX_DEPTH = 2;

function stepLines(steps: readonly TestStep[], depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  return steps.flatMap((step) => [
    `${'  '.repeat(depth + 2)}${step.duration} ms  ${step.title}${step.error ? '  ✘' : ''}`,
    ...stepLines(step.steps, depth + 1),
  ]);
}

/** The page snapshot (the yaml block) of the error context, without the error repeated. */
function pageSnapshot(result: TestResult): string | null {
  const attachment = result.attachments.find((a) => a.name === 'error-context' && a.path);
  if (!attachment?.path) return null;
  let text: string;
  try {
    text = readFileSync(attachment.path, 'utf8');
  } catch (e) {
    return `(error context unreadable: ${e instanceof Error ? e.message : String(e)})`;
  }
  const start = text.indexOf('```yaml');
  if (start < 0) return null;
  const end = text.indexOf('\n```', start + 7);
  const snapshot = text.slice(start, end < 0 ? undefined : end + 4);
  return snapshot.length > MAX_SNAPSHOT_CHARS
    ? `${snapshot.slice(0, MAX_SNAPSHOT_CHARS)}\n… (${snapshot.length - MAX_SNAPSHOT_CHARS} characters more)`
    : snapshot;
}

// eslint-disable-next-line no-restricted-syntax -- Playwright loads a reporter by its default export
export default class FailureReporter implements Reporter {
  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === test.expectedStatus || result.status === 'skipped') return;
    const lines = [
      '',
      `== Failed attempt ${result.retry + 1}: ${test.titlePath().filter(Boolean).join(' › ')} (${result.status}, ${result.duration} ms)`,
      '   Steps (duration, title):',
      ...stepLines(result.steps),
    ];
    const snapshot = pageSnapshot(result);
    if (snapshot) lines.push('   Page snapshot:', snapshot);
    lines.push(`== End of failed attempt ${result.retry + 1}`, '');
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
