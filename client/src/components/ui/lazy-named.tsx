import { lazy, useState, type ComponentType } from 'react';

// React.lazy for a named export: `lazyNamed(() => import('./x').then((m) => m.X))`. The part's code
// is its own download; render it under a Suspense boundary. `preload()` starts the download early
// (e.g. together with the data the part shows). A part mounted after its code has arrived renders
// at once, without suspending (so a section that appears later does not blank its boundary); an
// instance keeps the component it mounted with, so its state survives.
export const lazyNamed = <P extends object>(load: () => Promise<ComponentType<P>>) => {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // A failed download may be retried by the next render.
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await preload() }));
  const LazyPart = (props: P) => {
    const [Resolved] = useState(() => loaded);
    return Resolved ? <Resolved {...props} /> : <Lazy {...props} />;
  };
  return Object.assign(LazyPart, { preload });
};
