/**
 * What the embed shows instead of a demo when it cannot start: every problem, as text (a
 * hostile parameter value is quoted data, never markup), and a way to the full app.
 */
export function EmbedProblem({ problems, editorHref }: { problems: string[]; editorHref: string }) {
  return (
    <div className="fl-embed fl-embed--problem">
      <h1 className="fl-embed-title">Faultline embed cannot start</h1>
      <ul role="alert" className="fl-embed-problems">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p>
        The embed's parameters are described in docs/embedding.md.{' '}
        <a href={editorHref} target="_blank" rel="noopener noreferrer">
          Open Faultline
        </a>
      </p>
    </div>
  );
}
