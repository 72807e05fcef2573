import fs from "node:fs";
import path from "node:path";

export function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first `names` entry found in `directories`, then on `searchPath` (a PATH-style list). */
export function findExecutable(names: string[], directories: string[], searchPath: string | undefined): string | undefined {
  const pathDirectories = (searchPath ?? "").split(path.delimiter).filter(Boolean);
  for (const directory of [...directories, ...pathDirectories]) {
    for (const name of names) {
      const candidate = path.join(directory, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}
