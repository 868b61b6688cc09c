import { Shell } from "./shell/Shell.tsx";

export function App() {
  return (
    <Shell>
      <section className="placeholder" aria-labelledby="welcome-title">
        <h1 id="welcome-title">Image styles</h1>
        <p>Pick a bucket to list, create, edit and preview its image styles.</p>
      </section>
    </Shell>
  );
}
