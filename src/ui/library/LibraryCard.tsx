/** One built-in: preview, title, summary, tags, its narrative on request, and a large Open button. */
import type { BuiltinScenario } from '../../scenarios/index.ts';
import { Markdown } from '../markdown/Markdown.tsx';
import type { PictureColours } from '../picture/picture-colours.ts';
import { previewUrl } from './library-preview.ts';

interface LibraryCardProps {
  builtin: BuiltinScenario;
  themeKey: string;
  colours: PictureColours;
  onOpen: (builtin: BuiltinScenario) => void;
}

const field = (raw: unknown, key: string): unknown => (typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined);

export function LibraryCard({ builtin, themeKey, colours, onOpen }: LibraryCardProps) {
  const preview = previewUrl(builtin, themeKey, colours);
  const description = field(builtin.scenario, 'description');
  const guide = field(builtin.scenario, 'guide');
  const steps = Array.isArray(guide) ? guide.length : 0;
  const headingId = `fl-library-card-${builtin.id}`;
  return (
    <li className="fl-library-card" data-scenario={builtin.id} aria-labelledby={headingId}>
      {preview && <img className="fl-library-card__preview" src={preview} alt="" />}
      <div className="fl-library-card__body">
        <h3 id={headingId} className="fl-library-card__title">{builtin.title}</h3>
        <p className="fl-library-card__summary">{builtin.summary}</p>
        <ul className="fl-library-card__tags" aria-label="Tags">
          {builtin.tags.map((tag) => <li key={tag}>{tag}</li>)}
          {steps > 0 && <li className="fl-library-card__guided">guided · {steps} steps</li>}
        </ul>
        {typeof description === 'string' && description !== '' && (
          <details className="fl-library-card__more">
            <summary>About this scenario</summary>
            <Markdown text={description} />
          </details>
        )}
        <button type="button" className="fl-button fl-library-card__open" onClick={() => onOpen(builtin)} aria-label={`Open ${builtin.title}`}>
          Open
        </button>
      </div>
    </li>
  );
}
