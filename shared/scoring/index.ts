/** Public surface of the scoring module. */
export * from './score';
export * from './what-if';
export * from './input';
export { type Rational } from '../math/rational';
export * from './series';
export * from './index-line';
export * from './no-index';
