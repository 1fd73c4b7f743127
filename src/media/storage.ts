// Where the image files live. The library talks to this small interface only, so another store
// (object storage, a CDN's origin) can replace the local folder without touching anything else.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mediaUrl } from './urls.js';

export interface MediaStorage {
  /** Stores one file of an item; the item's files share its key. */
  put(key: string, name: string, data: Buffer): Promise<void>;
  /** Removes every file of an item; a key that holds nothing is not an error. */
  remove(key: string): Promise<void>;
  url(key: string, name: string): string;
  /** The byte length of one file (feeds state it for their enclosures); null when it is missing. */
  size(key: string, name: string): Promise<number | null>;
}

// Keys and names come from this module and the library, never from a request; the checks make
// sure no path can escape the media folder even so.
const KEY = /^\d{4}\/\d{2}\/[0-9a-f]{16,64}$/;
const NAME = /^[a-z0-9]{1,40}\.[a-z0-9]{1,8}$/;

function checked(key: string, name?: string): void {
  if (!KEY.test(key)) throw new Error(`bad media key: ${key}`);
  if (name !== undefined && !NAME.test(name)) throw new Error(`bad media file name: ${name}`);
}

/** A fresh key: the upload's year and month (UTC) and a random folder name, e.g. 2026/11/3f…. */
export function newStorageKey(now: number): string {
  const d = new Date(now);
  const month = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${d.getUTCFullYear()}/${month}/${randomBytes(12).toString('hex')}`;
}

/** Files under `<root>/<key>/<name>`, served by the app at /media/. */
export class LocalMediaStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  async put(key: string, name: string, data: Buffer): Promise<void> {
    checked(key, name);
    const dir = join(this.root, key);
    await mkdir(dir, { recursive: true });
    // Written beside and renamed into place: a reader never gets half a file.
    const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, data);
      await rename(temp, join(dir, name));
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    checked(key);
    await rm(join(this.root, key), { recursive: true, force: true });
  }

  url(key: string, name: string): string {
    checked(key, name);
    return mediaUrl(key, name);
  }

  async size(key: string, name: string): Promise<number | null> {
    checked(key, name);
    try {
      return (await stat(join(this.root, key, name))).size;
    } catch {
      return null;
    }
  }
}
