// Which screen each address shows; the contract the admin and scripts views rely on.
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../../src/client/app/routes.js';

describe('matchRoute', () => {
  it('names each surface', () => {
    expect(matchRoute('/').name).toBe('home');
    expect(matchRoute('/kiosk').name).toBe('kiosk');
    expect(matchRoute('/staff').name).toBe('staff');
    expect(matchRoute('/staff/').name).toBe('staff');
  });

  it('passes the script id and the admin section on', () => {
    expect(matchRoute('/scripts')).toMatchObject({ name: 'scripts', param: undefined });
    expect(matchRoute('/scripts/welcome-at-the-door')).toMatchObject({
      name: 'scripts',
      param: 'welcome-at-the-door',
    });
    expect(matchRoute('/admin/setup', '?token=abc')).toMatchObject({
      name: 'admin',
      param: 'setup',
    });
    expect(matchRoute('/admin/setup', '?token=abc').query.get('token')).toBe('abc');
  });

  it('keeps the enrollment code and the scripts topic from the query', () => {
    expect(matchRoute('/enroll', '?code=XY-12').query.get('code')).toBe('XY-12');
    expect(matchRoute('/scripts', '?topic=tech').query.get('topic')).toBe('tech');
  });

  it('says when nothing lives at an address', () => {
    expect(matchRoute('/nowhere').name).toBe('not-found');
    expect(matchRoute('/kiosk/extra').name).toBe('not-found');
    expect(matchRoute('/scripts/a/b').name).toBe('not-found');
  });
});
