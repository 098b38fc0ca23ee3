/**
 * The examples of docs/experiments.md, "Across machines", tested by dry run: the Kubernetes
 * Indexed Job (docs/examples/sweep-indexed-job.yaml + sweep-merge-job.yaml) and the GitHub Actions
 * matrix (docs/examples/sweep-matrix.yml) are read as YAML, their structure checked, and their
 * commands run here with `sh` — once per index or matrix entry, with what the platform would set
 * (JOB_COMPLETION_INDEX, `${{ matrix.shard }}`, the volumes or artifacts as local folders) — then
 * their merge. The merged result must equal one unsharded sweep byte for byte.
 *
 * What is emulated, not run: the scheduling (Kubernetes, the runners), `npm ci` and the `uses:`
 * actions (checkout = the example file in a folder, upload/download-artifact = copies). The
 * `faultline` the commands call is this checkout's CLI, bundled as `npm pack` bundles it
 * (tests/support/cli-bundle-setup.ts).
 */
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'docs/examples');
const dir = mkdtempSync(join(tmpdir(), 'faultline-shard-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `faultline` on PATH (the Kubernetes image) and in node_modules/.bin (npx in a repository). */
const binDir = join(dir, 'bin');
mkdirSync(binDir);
const shim = join(binDir, 'faultline');
writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${inject('cliBin')}" "$@"\n`);
chmodSync(shim, 0o755);
const PATH = `${binDir}:${process.env.PATH ?? ''}`;

async function sh(script: string, cwd: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)('sh', ['-c', script], { cwd, env: { ...process.env, PATH, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });
  return stdout;
}

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are walked by field name and checked by assertions
const readYaml = (file: string): Yaml[] => parseAllDocuments(readFileSync(join(EXAMPLES, file), 'utf8')).map((d) => d.toJS() as Yaml);

let unsharded = '';
beforeAll(async () => {
  unsharded = await sh(`faultline sweep ${join(EXAMPLES, 'retry-storm-sweep.json')} --json --workers 1`, dir);
}, 120_000);

it('docs/experiments.md shows each example file as it is', () => {
  const doc = readFileSync(join(ROOT, 'docs/experiments.md'), 'utf8');
  for (const file of ['sweep-indexed-job.yaml', 'sweep-merge-job.yaml', 'sweep-matrix.yml']) expect(doc).toContain(readFileSync(join(EXAMPLES, file), 'utf8'));
});

describe('the Kubernetes Indexed Job, by dry run', () => {
  it('is an Indexed Job of N completions running shard index/N into a shared claim; N pods + the merge Job give the unsharded result', async () => {
    const [claim, job] = readYaml('sweep-indexed-job.yaml');
    const [merge] = readYaml('sweep-merge-job.yaml');
    expect(claim.kind).toBe('PersistentVolumeClaim');
    expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);
    expect([job.apiVersion, job.kind, job.spec.completionMode]).toEqual(['batch/v1', 'Job', 'Indexed']);
    const pod = job.spec.template.spec;
    const [container] = pod.containers;
    const command: string = [...container.command, ...container.args].at(-1);
    expect(container.command).toEqual(['sh', '-c']);
    const n = Number(/--shard index\/(\d+)/.exec(command)?.[1]);
    expect(job.spec.completions).toBe(n);
    expect(job.spec.parallelism).toBeLessThanOrEqual(n);
    expect(pod.restartPolicy).toBe('Never');

    // The volumes: the ConfigMap the header's `kubectl create configmap` makes, and the claim.
    const header = readFileSync(join(EXAMPLES, 'sweep-indexed-job.yaml'), 'utf8');
    const [, configMapName, key, source] = /kubectl create configmap (\S+) --from-file=([^=\s]+)=(\S+)/.exec(header) ?? [];
    const volumes = Object.fromEntries(pod.volumes.map((v: Yaml) => [v.name, v]));
    const mounts: Yaml[] = container.volumeMounts;
    const experimentMount = mounts.find((m) => volumes[m.name].configMap !== undefined)!;
    const partsMount = mounts.find((m) => volumes[m.name].persistentVolumeClaim !== undefined)!;
    expect(volumes[experimentMount.name].configMap.name).toBe(configMapName);
    expect(volumes[partsMount.name].persistentVolumeClaim.claimName).toBe(claim.metadata.name);

    const local = { experiment: join(dir, 'k8s/experiment'), parts: join(dir, 'k8s/parts') };
    mkdirSync(local.experiment, { recursive: true });
    mkdirSync(local.parts, { recursive: true });
    cpSync(join(ROOT, source), join(local.experiment, key));
    const mapPaths = (text: string, pairs: [string, string][]): string => pairs.reduce((t, [from, to]) => t.replaceAll(`${from}/`, `${to}/`), text);
    const podCommand = mapPaths(command, [[experimentMount.mountPath, local.experiment], [partsMount.mountPath, local.parts]]);
    await Promise.all(Array.from({ length: n }, (_, index) => sh(podCommand, dir, { JOB_COMPLETION_INDEX: String(index) })));
    expect(readdirSync(local.parts).sort()).toEqual(Array.from({ length: n }, (_, i) => `part-${i}.json`));

    expect([merge.kind, merge.spec.completionMode]).toEqual(['Job', undefined]);
    const mergePod = merge.spec.template.spec;
    const mergeMount = mergePod.containers[0].volumeMounts[0];
    expect(mergePod.volumes.find((v: Yaml) => v.name === mergeMount.name).persistentVolumeClaim.claimName).toBe(claim.metadata.name);
    const mergeCommand = mapPaths([...mergePod.containers[0].command, ...mergePod.containers[0].args].at(-1), [[mergeMount.mountPath, local.parts]]);
    // `kubectl logs job/faultline-sweep-merge > results.json`: the log is the merge's stdout
    expect(await sh(mergeCommand, dir)).toBe(unsharded);
  }, 240_000);
});

describe('the GitHub Actions matrix, by dry run', () => {
  it('N matrix jobs upload their parts, the merge job downloads them and writes the unsharded result', async () => {
    const [workflow] = readYaml('sweep-matrix.yml');
    const { shard, merge } = workflow.jobs;
    const shards: number[] = shard.strategy.matrix.shard;
    const step = (steps: Yaml[], action: string): Yaml => steps.find((s) => s.uses?.startsWith(`${action}@`))!;
    const sweepStep: string = shard.steps.find((s: Yaml) => s.run?.includes('--shard')).run;
    const n = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(sweepStep)?.[1]);
    expect(shards).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(merge.needs).toBe('shard');

    /** A job's steps in a fresh "checkout": `run:` steps by sh (npm ci aside), uses: emulated. */
    const runJob = async (steps: Yaml[], workspace: string, vars: Record<string, string>, artifacts: string): Promise<void> => {
      mkdirSync(join(workspace, 'docs/examples'), { recursive: true });
      mkdirSync(join(workspace, 'node_modules/.bin'), { recursive: true });
      cpSync(join(EXAMPLES, 'retry-storm-sweep.json'), join(workspace, 'docs/examples/retry-storm-sweep.json'));
      writeFileSync(join(workspace, 'package.json'), '{ "private": true }\n');
      cpSync(shim, join(workspace, 'node_modules/.bin/faultline'));
      const expand = (text: string): string => text.replace(/\$\{\{ matrix\.(\w+) \}\}/g, (_, name: string) => vars[name]);
      for (const s of steps) {
        if (s.run !== undefined && s.run.trim() !== 'npm ci') await sh(expand(s.run), workspace, { GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'), PATH: process.env.PATH ?? '' });
        if (s.uses?.startsWith('actions/upload-artifact@')) {
          const target = join(artifacts, expand(s.with.name), expand(s.with.path));
          mkdirSync(dirname(target), { recursive: true });
          cpSync(join(workspace, expand(s.with.path)), target);
        }
        if (s.uses?.startsWith('actions/download-artifact@')) {
          expect(s.with['merge-multiple']).toBe(true);
          const pattern = new RegExp(`^${s.with.pattern.replaceAll('*', '.*')}$`);
          mkdirSync(join(workspace, s.with.path), { recursive: true });
          for (const name of readdirSync(artifacts).filter((a) => pattern.test(a))) cpSync(join(artifacts, name), join(workspace, s.with.path), { recursive: true });
        }
      }
    };
    expect(step(shard.steps, 'actions/checkout')).toBeDefined();
    const artifacts = join(dir, 'gha/artifacts');
    mkdirSync(artifacts, { recursive: true });
    await Promise.all(shards.map((k) => runJob(shard.steps, join(dir, `gha/shard-${k}`), { shard: String(k) }, artifacts)));
    await runJob(merge.steps, join(dir, 'gha/merge'), {}, artifacts);
    expect(readFileSync(join(dir, 'gha/merge/results.json'), 'utf8')).toBe(unsharded);
    const summary = readFileSync(join(dir, 'gha/merge/summary.md'), 'utf8');
    expect(summary).toContain('faults[0].for over 3 values × 3 seeds = 9 runs\n');
    expect(readdirSync(artifacts).sort()).toEqual([...shards.map((k) => `sweep-part-${k}`), 'sweep-results'].sort());
  }, 240_000);
});
