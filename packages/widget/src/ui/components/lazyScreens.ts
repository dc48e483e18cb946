import { lazyComponent } from './lazyComponent.js';

/** The call-back screen: its own chunk (the form, the status, the phone defaults). */
export const LazyCallbackScreen = lazyComponent(() =>
  import('./CallbackScreen.js').then((m) => m.CallbackScreen),
);
/** A call-back's status inside the chat: the same chunk as the screen. */
export const LazyCallbackStatus = lazyComponent(() =>
  import('./CallbackScreen.js').then((m) => m.CallbackStatus),
);
/** The survey and its thank-you: their own chunk. */
export const LazySurveyForm = lazyComponent(() =>
  import('./SurveyForm.js').then((m) => m.SurveyForm),
);
/** A dead link's way forward: rare, its own chunk. */
export const LazyLinkGone = lazyComponent(() => import('./LinkGone.js').then((m) => m.LinkGone));
/** "Sign in again" after a lost session: rare, its own chunk. */
export const LazySessionEnded = lazyComponent(() =>
  import('./SessionEnded.js').then((m) => m.SessionEnded),
);
/** The way out of an in-app browser: only there, or after a failed sign-in. */
export const LazyOpenInBrowser = lazyComponent(() =>
  import('./OpenInBrowser.js').then((m) => m.OpenInBrowser),
);
/** Demo servers only. */
export const LazyDemoSignIn = lazyComponent(() =>
  import('./DemoSignIn.js').then((m) => m.DemoSignIn),
);
/** "End this chat?" */
export const LazyEndChatConfirm = lazyComponent(() =>
  import('./EndChatConfirm.js').then((m) => m.EndChatConfirm),
);
