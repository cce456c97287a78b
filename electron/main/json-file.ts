/** Small JSON files in userData (settings, window state): validated on read, atomic on write. */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileAtomic } from './files/atomic-writer';

/** The parsed content, or null when the file is missing, unreadable or not valid. */
export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<z.infer<S> | null> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
