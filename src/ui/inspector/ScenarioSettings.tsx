/** With nothing selected: the scenario's own settings and every problem the parser found. */
import { useGraphStore } from '../../store/graph-store.ts';
import { scenarioBinding } from './fields/binding.ts';
import { FieldMessages } from './fields/FieldMessages.tsx';
import { TextField } from './fields/TextField.tsx';
import { ProblemList } from './ProblemList.tsx';
import { ScenarioStory } from './ScenarioStory.tsx';

export function ScenarioSettings() {
  const document = useGraphStore((s) => s.document);
  const issues = useGraphStore((s) => s.validation.scenario);
  const binding = scenarioBinding(document, issues);
  const fileIssues = issues.filter((i) => !['name', 'description', 'duration', 'seed', 'sampleEvery', 'warmup'].includes(i.field));
  return (
    <section className="fl-inspector__body" aria-labelledby="fl-inspector-title">
      <h2 id="fl-inspector-title" className="fl-inspector__title">Scenario</h2>
      <ScenarioStory editor={<TextField binding={binding} path={['description']} label="Description (markdown)" kind="text" multiline />} />
      <p className="fl-field__hint">Select a node or link to edit it. Times: 250ms, 2s, 5m (a bare number is ms).</p>
      <TextField binding={binding} path={['name']} label="Name" kind="text" />
      <TextField binding={binding} path={['duration']} label="Duration" kind="duration" hint="How much simulated time a run covers." />
      <TextField binding={binding} path={['seed']} label="Seed" kind="number" hint="Same seed, same run." />
      <TextField binding={binding} path={['sampleEvery']} label="Sample every" kind="duration" />
      <TextField binding={binding} path={['warmup']} label="Warm-up" kind="duration" hint="Totals ignore what happens before it." />
      <FieldMessages id="fl-scenario-file-messages" issues={fileIssues} />
      <ProblemList />
    </section>
  );
}
