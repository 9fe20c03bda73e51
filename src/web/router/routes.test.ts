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

  it('knows the case-flow pages, and a case only by its id', () => {
    expect(matchRoute('/arbejdsko')).toEqual({ name: 'workQueue' });
    expect(matchRoute('/sager')).toEqual({ name: 'caseSearch' });
    expect(matchRoute('/sager/ny')).toEqual({ name: 'registerCitizen' });
    expect(matchRoute('/team/')).toEqual({ name: 'team' });
    const id = '8ac01eaf-dfa7-4f3e-be4a-0a7d562bb064';
    expect(matchRoute(`/sager/${id}`)).toEqual({ name: 'case', caseId: id });
    expect(matchRoute('/sager/2026-000001')).toEqual({ name: 'notFound', path: '/sager/2026-000001' });
    expect(matchRoute(`/sager/${id}/x`)).toEqual({ name: 'notFound', path: `/sager/${id}/x` });
  });
});
