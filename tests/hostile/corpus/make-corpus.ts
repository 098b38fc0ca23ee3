// Writes the generated members of the hostile-input corpus (issue 17): the ones too large or
// too repetitive to write by hand. Run `npx tsx tests/hostile/corpus/make-corpus.ts`; the files
// are committed, so the tests read exactly what an attacker would send. Hand-written members sit
// beside them; each input has a sibling `<name>.expect.json` (see README.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeShareHash } from '../../../src/share/share-link.ts';
import { tiny } from '../hostile-values.ts';

const here = import.meta.dirname;
const write = (name: string, text: string | Buffer) => writeFileSync(join(here, name), text);
const expect = (name: string, note: object) => write(`${name}.expect.json`, `${JSON.stringify(note, null, 2)}\n`);


const manyNodes = (count: number, id: (i: number) => string) => ({
  format: 'faultline.scenario/v1',
  name: `${count} nodes`,
  duration: '1s',
  nodes: Array.from({ length: count }, (_, i) => ({ id: id(i), kind: 'service' })),
});

async function main(): Promise<void> {
  // Finding 1: the 299-character link that bricked the editor, and its sibling that broke uPlot.
  for (const field of ['ref', 'polluted']) {
    const doc = tiny({ experiment: { vary: { path: `__proto__.${field}`, values: ['x'] }, collect: ['p99(a)'] } });
    const name = `proto-vary-${field}.link`;
    write(name, `${await encodeShareHash(doc)}\n`);
    expect(name, { about: `experiment.vary.path "__proto__.${field}" in a #s= link: wrote Object.prototype.${field} during validation`, message: '"__proto__" is not a scenario field' });
  }

  // Finding 2: links and files over the node limit.
  const nodes19k = manyNodes(19_000, (i) => `n${i}`);
  write('nodes-19000.link', `${await encodeShareHash(nodes19k)}\n`);
  expect('nodes-19000.link', { about: '19,000 nodes in a link under 64 KB: froze the tab ~30 s, then every reload', message: 'expected at most 2000 nodes (a Faultline limit), got 19000' });
  write('nodes-35000-one-id.link', `${await encodeShareHash(manyNodes(35_000, () => 'same'))}\n`);
  expect('nodes-35000-one-id.link', { about: '35,000 nodes sharing one id: 16 s frozen', message: 'expected at most 2000 nodes (a Faultline limit), got 35000' });
  const nodes70k = manyNodes(70_000, (i) => `service-${i}`);
  (nodes70k.nodes as Record<string, unknown>[]).forEach((n) => Object.assign(n, { workers: 4, serviceTime: '20ms' })); // 4.9 MB: under the 5 MB file limit
  write('nodes-70000.json.gz', gzipSync(JSON.stringify(nodes70k)));
  expect('nodes-70000.json.gz', {
    about: 'a 4.9 MB file (under the 5 MB limit) with 70,000 nodes: "Open anyway" froze the tab > 60 s',
    message: 'expected at most 2000 nodes (a Faultline limit), got 70000',
    decoders: { share: "the link's scenario is too long", embed: 'is larger than 2048 KB' },
  });
}

void main();
