import { SURVEY_COMMENT_MAX } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { useApp } from '../AppContext.js';
import { adoptLazyStyles } from '../lazyStyles.js';
import { ScreenHeading } from './ScreenHeading.js';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

// The scores' styles travel with this chunk (see lazyStyles.ts).
adoptLazyStyles(
  '.scores{display:flex;flex-wrap:wrap;gap:4px;margin-top:8px}.score{position:relative}' +
    '.score input{position:absolute;opacity:0;margin:0;inset:0;cursor:pointer}' +
    '.score span{display:grid;place-items:center;width:40px;height:40px;border:1px solid var(--mu);border-radius:8px;background:var(--bg)}' +
    '.score input:checked+span{background:var(--pb);color:var(--pob)}' +
    '.score input:focus-visible+span{outline:3px solid var(--fg);outline-offset:2px}' +
    '.scale{display:flex;justify-content:space-between;gap:8px}',
);

/**
 * The NPS question after the agent closes: a native radio group 0–10 in a fieldset (arrow keys
 * move between scores, the legend names the group), an optional comment, send or skip.
 *
 * @example
 * <SurveyForm />
 */
export function SurveyForm() {
  const { chat, t } = useApp();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="card survey"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (score === null) {
          setMissing(true);
          return;
        }
        setBusy(true);
        void chat.submitSurvey(score, comment).finally(() => setBusy(false));
      }}
    >
      <ScreenHeading>{t('npsQuestion')}</ScreenHeading>
      <fieldset aria-describedby={missing ? 'pw-nps-err' : 'pw-nps-scale'}>
        <legend class="sr">{t('npsQuestion')}</legend>
        <div class="scores">
          {SCORES.map((value) => (
            <label key={value} class="score">
              <input
                type="radio"
                name="pw-nps"
                value={value}
                checked={score === value}
                onChange={() => {
                  setScore(value);
                  setMissing(false);
                }}
              />
              <span>{value}</span>
            </label>
          ))}
        </div>
        <p class="scale muted" id="pw-nps-scale">
          <span>{t('npsLow')}</span>
          <span>{t('npsHigh')}</span>
        </p>
      </fieldset>
      {missing ? (
        <p class="err-text" id="pw-nps-err" role="alert">
          {t('npsRequired')}
        </p>
      ) : null}
      <label for="pw-nps-comment">{t('npsComment')}</label>
      <textarea
        id="pw-nps-comment"
        rows={3}
        maxLength={SURVEY_COMMENT_MAX}
        value={comment}
        onInput={(event) => setComment(event.currentTarget.value)}
      />
      <div class="row">
        <button type="submit" class="btn" disabled={busy}>
          {t('npsSubmit')}
        </button>
        <button type="button" class="btn secondary" onClick={chat.skipSurvey}>
          {t('npsSkip')}
        </button>
      </div>
    </form>
  );
}
