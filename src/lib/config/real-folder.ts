import fs from 'node:fs';
import path from 'node:path';

/**
 * A file's absolute path through the real path of its folder, links resolved, so that `..` in
 * a path relative to that folder names what the file system finds there. `path.resolve` drops
 * `dir/..` as text: a config reached through a linked folder (`/tmp/lb` -> `/data/a/lb`) read
 * `../results` as /tmp/results, where `cd /tmp/lb && ls ../results` lists /data/a/results,
 * and the same config read another tree, or none, as it was named. The file itself may be a
 * link: paths stay relative to the folder it is in. The path as it is when the folder cannot be
 * resolved (it does not exist).
 */
export function throughRealFolder(file: string): string {
  const absolute = path.resolve(file);
  try {
    return path.join(fs.realpathSync.native(path.dirname(absolute)), path.basename(absolute));
  } catch {
    return absolute;
  }
}
