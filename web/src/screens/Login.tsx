import { ok } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { ErrorText } from '../components/bits';
import { api, logIn } from '../lib/api';
import { errorText } from '../lib/load';

/** Log in, or register and log in: the first screen of a newcomer. */
export function Login() {
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setPending(true);
    setError(null);
    try {
      if (mode === 'register') {
        const email = String(form.get('email') ?? '').trim();
        await ok(api.POST('/auth/register', { body: { username, email, password } }));
      }
      await logIn(username, password);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <main class="login" id="main">
      <h1>
        <span aria-hidden="true">◉</span> OGame-like
      </h1>
      <p class="muted">Mine, build, research, fly, fight and trade in a persistent universe.</p>
      <div class="tabs" role="tablist" aria-label="Account">
        {(['login', 'register'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={mode === tab}
            class={mode === tab ? 'active' : ''}
            onClick={() => {
              setMode(tab);
              setError(null);
            }}
          >
            {tab === 'login' ? 'Log in' : 'Register'}
          </button>
        ))}
      </div>
      <form
        class="card form"
        onSubmit={(event) => void submit(event)}
        aria-label={mode === 'login' ? 'Log in' : 'Register'}
      >
        <label>
          Username
          <input name="username" autoComplete="username" required />
        </label>
        {mode === 'register' ? (
          <label>
            Email
            <input name="email" type="email" autoComplete="email" required />
          </label>
        ) : null}
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            required
          />
        </label>
        <ErrorText error={error} />
        <button type="submit" class="primary" disabled={pending}>
          {pending ? 'Please wait…' : mode === 'login' ? 'Log in' : 'Create account and play'}
        </button>
      </form>
    </main>
  );
}
