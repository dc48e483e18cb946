import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is a separate chunk, fetched the first time it is drawn. The call-back
 * form and the survey are not needed to open the chat, so customers who never use them never
 * download them. Draws nothing until the chunk is there; a failed download is tried again the
 * next time the component is drawn.
 *
 * @example
 * const SurveyForm = lazyComponent(() => import('./SurveyForm.js').then((m) => m.SurveyForm));
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded === null)
        load().then(
          (component) => {
            loaded = component;
            setReady(true);
          },
          () => {},
        );
    }, []);
    const Component = loaded;
    return Component === null ? null : <Component {...props} />;
  };
}
