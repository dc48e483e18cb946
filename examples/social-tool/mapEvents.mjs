// From the platforms' webhook events to Parley handoff requests (`POST /v1/handoffs` bodies).
// The social-care tool already receives these events; this is the only mapping it needs.

/**
 * The bank's Facebook Pages and the language each one speaks: Facebook's events carry no
 * language, but each of a bank's Pages serves one market.
 */
export const PAGE_LOCALES = { 104857600000001: 'pl' };

/** X marks a post's language as `und` when it cannot tell; Parley then uses its default. */
const UNDETERMINED = 'und';

/**
 * The mentions in an X Account Activity API event (`tweet_create_events`) that come from
 * customers — the account's own posts arrive in the same list and are skipped — as handoffs.
 *
 * @example
 * handoffsFromXEvent(JSON.parse(body), { team: 'social-care' }); // [{ channel: 'x', … }]
 */
export function handoffsFromXEvent(event, owner) {
  return (event.tweet_create_events ?? [])
    .filter((post) => post.user.id_str !== event.for_user_id)
    .map((post) => {
      const handle = `@${post.user.screen_name}`;
      return {
        channel: 'x',
        customerHandle: handle,
        ...(post.lang && post.lang !== UNDETERMINED ? { locale: post.lang } : {}),
        thread: [
          {
            author: post.user.name,
            handle,
            // Posts over 140 characters carry their whole text in `extended_tweet`.
            text: post.extended_tweet?.full_text ?? post.text,
            postedAt: new Date(Number(post.timestamp_ms)).toISOString(),
            url: `https://x.com/${post.user.screen_name}/status/${post.id_str}`,
          },
        ],
        note: `X mention ${post.id_str}`,
        ...owner,
      };
    });
}

/**
 * The new comments in a Facebook Graph API Page webhook event (`object: 'page'`, `entry[].changes[]`
 * with `field: 'feed'`, `item: 'comment'`, `verb: 'add'`) that come from people rather than the
 * Page itself, as handoffs. Facebook has no handles: the person's name stands in.
 *
 * @example
 * handoffsFromFacebookEvent(JSON.parse(body), { team: 'social-care' }); // [{ channel: 'facebook', … }]
 */
export function handoffsFromFacebookEvent(event, owner) {
  if (event.object !== 'page') return [];
  return (event.entry ?? []).flatMap((entry) =>
    (entry.changes ?? [])
      .filter(
        ({ field, value }) =>
          field === 'feed' &&
          value.item === 'comment' &&
          value.verb === 'add' &&
          value.from?.id !== entry.id,
      )
      .map(({ value }) => {
        const locale = PAGE_LOCALES[entry.id];
        return {
          channel: 'facebook',
          customerHandle: value.from.name,
          ...(locale === undefined ? {} : { locale }),
          thread: [
            {
              author: value.from.name,
              handle: value.from.name,
              text: value.message,
              postedAt: new Date(value.created_time * 1000).toISOString(),
              ...(value.post?.permalink_url ? { url: value.post.permalink_url } : {}),
            },
          ],
          note: `Facebook comment ${value.comment_id}`,
          ...owner,
        };
      }),
  );
}

/**
 * Handoff requests from any event file: X's or Facebook's, told apart by their shape.
 *
 * @example
 * handoffsFromEvent(event, { agentId: 'alice' });
 */
export function handoffsFromEvent(event, owner) {
  if (Array.isArray(event.tweet_create_events)) return handoffsFromXEvent(event, owner);
  if (event.object === 'page') return handoffsFromFacebookEvent(event, owner);
  throw new Error(
    'Not an X Account Activity event (tweet_create_events) or a Facebook Page webhook event (object: "page").',
  );
}
