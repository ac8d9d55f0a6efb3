import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { loginWithCode, type LoginOutcome } from './ownerApi';

type LoginError = Exclude<LoginOutcome, { kind: 'ok' }> | { kind: 'empty' };

/**
 * The access code from the letter. The code is sent in a POST body and forgotten right after; the browser is
 * asked not to remember it (autocomplete off) and it never enters the URL, the store or any storage.
 */
export function OwnerLoginForm({ onLoggedIn }: { onLoggedIn(buildingId: string): Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!code.trim()) return setError({ kind: 'empty' });
    setBusy(true);
    const outcome = await loginWithCode(code.trim());
    setBusy(false);
    if (outcome.kind !== 'ok') return setError(outcome);
    setError(undefined);
    setCode('');
    await onLoggedIn(outcome.buildingId);
  };

  return (
    <form className="owner-login" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={`${id}-code`}>{t('thermographyOwner.login.label')}</label>
      <p id={`${id}-hint`} className="note">
        {t('thermographyOwner.login.hint')}
      </p>
      <input
        id={`${id}-code`}
        name="thermography-access-code"
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        value={code}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => setCode(event.target.value)}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('thermographyOwner.login.busy') : t('thermographyOwner.login.submit')}
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error" data-login-error={error.kind}>
          {errorMessage(error, t)}
        </p>
      )}
    </form>
  );
}

function errorMessage(error: LoginError, t: (key: string, options?: Record<string, unknown>) => string) {
  switch (error.kind) {
    case 'empty':
      return t('thermographyOwner.login.errors.empty');
    case 'wrong-code':
      return t('thermographyOwner.login.errors.wrongCode');
    case 'too-many':
      return t('thermographyOwner.login.errors.tooMany', {
        minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)),
      });
    case 'unavailable':
      return t('thermographyOwner.login.errors.unavailable');
  }
}
