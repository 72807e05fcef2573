/**
 * The Node.js release lines FOMO supports: the current LTS lines, the ones CI tests (`.ci/run` runs
 * `npm test` on Node 24). Keep in step with `engines` in package.json and the README.
 */
export const SUPPORTED_NODE_MAJORS: readonly number[] = [22, 24];

/**
 * A warning for a Node.js line FOMO does not support, or undefined. Not an error: Node 20 still runs
 * the demo today, but it is past its end of life and no longer tested, so the presenter should know.
 */
export function unsupportedNodeWarning(version: string = process.versions.node): string | undefined {
  const major = Number(version.split(".")[0]);
  if (SUPPORTED_NODE_MAJORS.includes(major) || major > Math.max(...SUPPORTED_NODE_MAJORS)) return undefined;
  const supported = SUPPORTED_NODE_MAJORS.join(" and ");
  return `Node.js ${version} is not a supported release line (FOMO supports Node.js ${supported}); it may work, but it is not tested.`;
}
