/**
 * Public surface of the report model (pure). The DOCX and XLSX writers live in `office/`, a
 * separate TypeScript project because the `docx` typings pull in Node's (see office/index.ts).
 */
export * from './model';
export * from './input';
export { buildReport } from './build';
export { reportProfileFromRegional, signingPlaceFor } from './profile';
export { chartKey, chartTable } from './charts';
export { chartSvg } from './charts-svg';
export { reportFileName, type ReportFileExtension } from './file-name';
export { choosePrevious, isEarlierEvaluationOf, type PreviousCandidate } from './history';
