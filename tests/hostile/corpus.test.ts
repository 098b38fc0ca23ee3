// The hostile-input corpus (tests/hostile/corpus, issue 17) through every decoder: the parser on
// a file's text, the share-link decoder and the editor's load, the embed's load message and the
// worker's host, the autosave restore, and the CLI's `validate` (and `sweep` for experiments).
// Each must answer with a message naming the problem (the input's `.expect.json`), keep the
// graph it had, and leave Object.prototype as it was.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, formatIssue } from '../../src/scenario/index.ts';
import { decodeShareHash, encodeShareHash } from '../../src/share/share-link.ts';
import { fromBase64Url } from '../../src/share/base64url.ts';
import { parseInboundMessage } from '../../src/embed/messages.ts';
import { graphActions, restoreDocument, useGraphStore } from '../../src/store/graph-store.ts';
import { AUTOSAVE_KEY, CORRUPT_AUTOSAVE_KEY, type DocumentStorage } from '../../src/store/graph/autosave.ts';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { main } from '../../src/cli/main.ts';
import { createSimulationHost } from '../../workers/simulation-host.ts';
import { prototypesUntouched } from './hostile-values.ts';

const CORPUS = join(import.meta.dirname, 'corpus');
const tmp = mkdtempSync(join(tmpdir(), 'faultline-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Decoder = 'parser' | 'share' | 'embed' | 'autosave' | 'cli';
interface Expectation {
  about: string;
  /** What every decoder's answer contains; absent for an accepted member. */
  message?: string;
  /**
   * A valid document whose danger shows only when it runs or renders (a runaway queue, a 2,000-node
   * chain, a markdown bomb): every door must let it in — the limits are not a blunt refusal — and
   * `coveredBy` names the test that checks what happens next.
   */
  accepted?: true;
  coveredBy?: string;
  decoders?: Partial<Record<Decoder, string>>;
}

interface Member {
  name: string;
  /** The document's text, as a file would carry it. */
  text: string;
  /** The `#s=` link, when the member is one. */
  link: string | null;
  expected: Expectation;
}

/** A link's document text, unpacked without the decoder's limits (the corpus knows what it holds). */
function linkText(link: string): string {
  const packed = fromBase64Url(link.slice(link.indexOf('=') + 1));
  if (!packed.ok) throw new Error(`corpus link is not base64url: ${packed.problem}`);
  return inflateRawSync(packed.bytes).toString('utf8');
}

function readMember(name: string): Member {
  const raw = readFileSync(join(CORPUS, name));
  const expected = JSON.parse(readFileSync(join(CORPUS, `${name}.expect.json`), 'utf8')) as Expectation;
  if (name.endsWith('.link')) {
    const link = raw.toString('utf8').trim();
    return { name, link, text: linkText(link), expected };
  }
  return { name, link: null, text: (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'), expected };
}

const members = readdirSync(CORPUS)
  .filter((name) => /\.(json|json\.gz|link)$/.test(name) && !name.endsWith('.expect.json'))
  .sort()
  .map(readMember);

class MemoryStorage implements DocumentStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const checkout = () => findBuiltin('checkout')!.scenario;
const problemsOf = (result: ReturnType<typeof parseScenario>) => (result.ok ? '' : result.errors.map(formatIssue).join('\n'));
/** What the editor shows for its document: the parser's problems. */
const editorProblems = () => problemsOf(parseScenario(useGraphStore.getState().document));

/** Every decoder's answer to one member, as the text a person would read. */
const decoders: Record<Decoder, (member: Member) => Promise<string>> = {
  async parser(member) {
    return problemsOf(parseScenarioText(member.text));
  },

  async share(member) {
    const link = member.link ?? (await encodeShareHash(JSON.parse(member.text)));
    const decoded = await decodeShareHash(link);
    if (!decoded.ok) return decoded.problem;
    const before = useGraphStore.getState().document;
    const loaded = graphActions.load(decoded.document);
    if (!loaded.ok) {
      expect(useGraphStore.getState().document).toBe(before); // the previous graph stays
      return loaded.reason;
    }
    return editorProblems();
  },

  async embed(member) {
    const inbound = parseInboundMessage({ type: 'faultline:load', scenario: JSON.parse(member.text) });
    if (!inbound.ok) return inbound.problem;
    const host = createSimulationHost();
    const command = inbound.command as { scenario: unknown };
    const result = host.load(command.scenario);
    // the worker is not bricked: a built-in loads after the hostile one
    expect(host.load(structuredClone(checkout())).ok).toBe(true);
    return result.ok ? '' : result.errors.map((e) => `${e.path}: ${e.message}`).join('\n');
  },

  async autosave(member) {
    const storage = new MemoryStorage();
    const record = `{"savedAt":"2026-12-06T00:00:00.000Z","document":${member.text}}`;
    storage.setItem(AUTOSAVE_KEY, record);
    restoreDocument(storage, checkout);
    const notice = useGraphStore.getState().notice?.text ?? '';
    // never lost: restored (its problems then show in the editor), or kept aside, unchanged
    if (notice === '') return editorProblems();
    expect(storage.getItem(CORRUPT_AUTOSAVE_KEY)).toBe(record);
    expect(notice).toMatch(/kept aside, unchanged/);
    return notice;
  },

  async cli(member) {
    const file = join(tmp, member.name.replace(/\.(gz|link)$/, '.json'));
    writeFileSync(file, member.text);
    const said: string[] = [];
    const io = { out: (t: string) => said.push(t), err: (t: string) => said.push(t) };
    const validated = await main(['validate', file], io);
    if (member.expected.accepted) {
      expect(validated, said.join('')).toBe(0);
      return ''; // its run is the run guard's (coveredBy), not validate's
    }
    expect(validated).toBe(1);
    if (member.text.includes('"experiment"')) {
      const swept = await main(['sweep', file], io);
      expect(swept).not.toBe(0);
      expect(prototypesUntouched()).toBe(true);
    }
    const text = said.join('');
    expect(text).not.toMatch(/\n\s+at /); // a message, not a stack trace
    return text;
  },
};

beforeEach(() => {
  graphActions.load(checkout(), { resetHistory: true });
  graphActions.dismissNotice();
});
afterEach(() => {
  expect(prototypesUntouched()).toBe(true);
});

describe('the hostile-input corpus', () => {
  it('holds the inputs of issue 17, each with its expected message', () => {
    expect(members.map((m) => m.name)).toEqual(expect.arrayContaining(['proto-vary-ref.link', 'proto-key-top.json', 'nodes-19000.link', 'nodes-35000-one-id.link', 'nodes-70000.json.gz', 'nested-70.json']));
    for (const member of members) {
      if (member.expected.accepted) expect(member.expected.coveredBy ?? '', member.name).toMatch(/^tests\/.+\.(test|e2e)\.ts/);
      else expect(member.expected.message?.length ?? 0, member.name).toBeGreaterThan(10);
    }
  });

  it('the link of finding 1 is as short as the attack: under 300 characters', () => {
    const link = members.find((m) => m.name === 'proto-vary-ref.link')!.link!;
    expect(link.length).toBeLessThan(300);
  });

  for (const decoder of Object.keys(decoders) as Decoder[]) {
    describe(decoder, () => {
      for (const member of members) {
        it(`${member.name}: ${member.expected.about}`, async () => {
          const started = performance.now();
          const message = await decoders[decoder](member);
          const elapsedMs = performance.now() - started;
          if (member.expected.accepted) expect(message).toBe(''); // let in, with no problem to show
          else expect(message).toContain(member.expected.decoders?.[decoder] ?? member.expected.message);
          expect(prototypesUntouched()).toBe(true);
          expect(({} as Record<string, unknown>).ref).toBeUndefined();
          // refused quickly: the gate costs a comparison, not a parse (generous for a shared machine)
          expect(elapsedMs).toBeLessThan(5000);
        });
      }
    });
  }
});
