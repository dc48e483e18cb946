import { describe, expect, it, vi } from 'vitest';
import { decodeAgentClaims } from './decodeAgentClaims';
import { signInHref } from './signInHref';
import { takeTokenFromFragment } from './takeTokenFromFragment';

const jwt = (claims: object) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('the agent’s sign-in', () => {
  it('takes the token out of the address bar at once', () => {
    const history = { replaceState: vi.fn() };
    const token = takeTokenFromFragment(
      { hash: '#token=abc.def.ghi', pathname: '/console/', search: '' },
      history,
    );
    expect(token).toBe('abc.def.ghi');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/console/');
    expect(
      takeTokenFromFragment({ hash: '#other=1', pathname: '/console/', search: '' }, history),
    ).toBeNull();
  });

  it('sends the agent to the bank’s sign-on with the console as return_to', () => {
    expect(
      signInHref(
        'https://sso.bank.example/login?app=parley',
        'https://parley.bank.example/console/',
      ),
    ).toBe(
      'https://sso.bank.example/login?app=parley&return_to=https%3A%2F%2Fparley.bank.example%2Fconsole%2F',
    );
  });

  it('reads who is signed in from the token, for display only', () => {
    expect(
      decodeAgentClaims(
        jwt({ sub: 'olga', name: 'Ольга', roles: ['agent', 'hr'], team: 'social-care', exp: 2 }),
      ),
    ).toEqual({
      id: 'olga',
      name: 'Ольга',
      roles: ['agent'],
      teams: ['social-care'],
      expiresAt: 2000,
    });
    expect(decodeAgentClaims('not-a-jwt')).toBeNull();
    expect(decodeAgentClaims(jwt({ name: 'no subject' }))).toBeNull();
  });
});
