/**
 * The office formats of the report: `reportToDocx` (Word) and `reportToXlsx` (Excel), both
 * returning bytes in Node and in the browser. A separate TypeScript project (see tsconfig.json
 * here) because the `docx` typings reference Node's; the code itself uses no Node API.
 *
 * In the Vite renderer, `exceljs` resolves to its browser bundle (`dist/exceljs.min.js`, through
 * the package's "browser" field) and `docx` to its ESM build; nothing else is needed.
 */
export { reportToDocx, type DocxOptions, type Rasterize } from './docx';
export { reportToXlsx } from './xlsx';
export {
  imageInfo,
  LOGO_MAX_SIDE,
  logoInfo,
  logoUploadProblem,
  prepareDocxLogo,
  UnsupportedImageError,
  type ImageInfo,
  type LogoInfo,
} from './image';
