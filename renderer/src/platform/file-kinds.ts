/** File kinds for pickers and save dialogs (the data lives in shared/ipc, used by main too). */
export { acceptAttribute, fileKinds, type FileKindSpec } from '../../../shared/ipc/file-kinds';
