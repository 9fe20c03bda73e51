import { describe, it, expect } from 'vitest';
import { matchRoute } from './routes.js';

describe('matchRoute', () => {
  it('knows the start and login pages, with or without a trailing slash', () => {
    expect(matchRoute('/')).toEqual({ name: 'start' });
    expect(matchRoute('/login')).toEqual({ name: 'login' });
    expect(matchRoute('/login/')).toEqual({ name: 'login' });
  });

  it('gives every other path the 404 page, keeping the path to show it', () => {
    expect(matchRoute('/Login')).toEqual({ name: 'notFound', path: '/Login' });
    expect(matchRoute('/login/extra')).toEqual({ name: 'notFound', path: '/login/extra' });
    expect(matchRoute('/findes/ikke')).toEqual({ name: 'notFound', path: '/findes/ikke' });
  });
});
