/** The local stand-in for Cognito: HS256 tokens, the `npm run token` mapping and the demo directory. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  LOCAL_ISSUER,
  type LocalClaims,
  signToken,
  type TokenClaims,
  verifyToken,
} from '../../infra/local/jwt';
import { DEMO_PARK, DEMO_STAFF } from '../../infra/local/seed';
import { tokenFor } from '../../infra/local/token';
import { GROUP_OF_ROLE, ROLES } from '../../shared/domain/park';

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);
const CLAIMS: TokenClaims = {
  sub: 'technician-1',
  'custom:staffId': 'technician-1',
  'cognito:groups': ['staff'],
  'custom:parks': 'park-1',
  name: '张伟',
};

const b64 = (value: string) => Buffer.from(value).toString('base64url');

/** A token signed with KEY whose header and payload we choose. */
function forged(header: object, payload: object, key = KEY): string {
  const head = b64(JSON.stringify(header));
  const body = b64(JSON.stringify(payload));
  return `${head}.${body}.${createHmac('sha256', key).update(`${head}.${body}`).digest('base64url')}`;
}

function claimsOf(token: string): LocalClaims {
  const claims = verifyToken(token, KEY);
  if (!claims) throw new Error('the token did not verify');
  return claims;
}

describe('signToken / verifyToken', () => {
  it('a token verifies with its key and carries the claims, issuer, token_use id and a 12-hour expiry', () => {
    const claims = claimsOf(signToken(CLAIMS, KEY));

    // token_use: like Cognito's ID token, the only kind the API takes (functions/http/lib/http.ts).
    expect(claims).toMatchObject({ ...CLAIMS, iss: LOCAL_ISSUER, token_use: 'id' });
    expect(claims.exp - claims.iat).toBe(12 * 3600);
    expect(Math.abs(claims.iat * 1000 - Date.now())).toBeLessThan(5_000);
  });

  it('the header says HS256', () => {
    const [header = ''] = signToken(CLAIMS, KEY).split('.');

    expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
  });

  it.each<[string, () => string]>([
    ['signed with another key', () => signToken(CLAIMS, OTHER_KEY)],
    ['expired', () => signToken(CLAIMS, KEY, -60)],
    [
      'with a tampered payload (more groups)',
      () => {
        const [header, , signature] = signToken(CLAIMS, KEY).split('.');
        const now = Math.floor(Date.now() / 1000);
        const payload = b64(
          JSON.stringify({
            ...CLAIMS,
            'cognito:groups': ['executive'],
            iss: LOCAL_ISSUER,
            iat: now,
            exp: now + 3600,
          }),
        );
        return `${header}.${payload}.${signature}`;
      },
    ],
    [
      'with a tampered signature',
      () => {
        // Change a character inside the signature: the last one also holds padding bits that decode alike.
        const [header, payload, signature = ''] = signToken(CLAIMS, KEY).split('.');
        const changed = signature[5] === 'A' ? 'B' : 'A';
        return `${header}.${payload}.${signature.slice(0, 5)}${changed}${signature.slice(6)}`;
      },
    ],
    ['with the signature cut off', () => signToken(CLAIMS, KEY).split('.').slice(0, 2).join('.')],
    ['that is not a JWT at all', () => 'not-a-token'],
    [
      'from another issuer',
      () =>
        forged({ alg: 'HS256', typ: 'JWT' }, { ...CLAIMS, iss: 'someone-else', iat: 0, exp: 4_102_444_800 }),
    ],
    [
      'claiming another algorithm',
      () => forged({ alg: 'none', typ: 'JWT' }, { ...CLAIMS, iss: LOCAL_ISSUER, iat: 0, exp: 4_102_444_800 }),
    ],
    [
      'without an expiry',
      () => forged({ alg: 'HS256', typ: 'JWT' }, { ...CLAIMS, iss: LOCAL_ISSUER, iat: 0 }),
    ],
  ])('a token %s is refused', (_case, token) => {
    expect(verifyToken(token(), KEY)).toBeUndefined();
  });

  it('a well-formed token made by hand with the key verifies (the refusals above are not the forging)', () => {
    const token = forged(
      { alg: 'HS256', typ: 'JWT' },
      { ...CLAIMS, iss: LOCAL_ISSUER, iat: 0, exp: 4_102_444_800 },
    );

    expect(verifyToken(token, KEY)).toMatchObject(CLAIMS);
  });
});

describe('tokenFor: `npm run token -- <role|group|staff-id> [staff-id] [--park …]`', () => {
  it.each<[string, string[], { staffId: string; groups: string[]; parks: string }]>([
    [
      'no argument is the dispatcher',
      [],
      { staffId: 'dispatcher-1', groups: ['dispatcher'], parks: 'park-1' },
    ],
    ['technician → staff', ['technician'], { staffId: 'technician-1', groups: ['staff'], parks: 'park-1' }],
    [
      'dispatcher → dispatcher',
      ['dispatcher'],
      { staffId: 'dispatcher-1', groups: ['dispatcher'], parks: 'park-1' },
    ],
    [
      'duty-officer → dispatcher',
      ['duty-officer'],
      { staffId: 'duty-officer-1', groups: ['dispatcher'], parks: 'park-1' },
    ],
    [
      'repair-lead → staff',
      ['repair-lead'],
      { staffId: 'repair-lead-1', groups: ['staff'], parks: 'park-1' },
    ],
    [
      'engineering-manager → manager',
      ['engineering-manager'],
      { staffId: 'engineering-manager-1', groups: ['manager'], parks: 'park-1' },
    ],
    [
      'security-guard → security',
      ['security-guard'],
      { staffId: 'security-guard-1', groups: ['security'], parks: 'park-1' },
    ],
    ['finance → office', ['finance'], { staffId: 'finance-1', groups: ['office'], parks: 'park-1' }],
    ['gm → executive, every park', ['gm'], { staffId: 'gm-1', groups: ['executive'], parks: '*' }],
    [
      'deputy-gm → executive, every park',
      ['deputy-gm'],
      { staffId: 'deputy-gm-1', groups: ['executive'], parks: '*' },
    ],
  ])('role %s', (_case, args, expected) => {
    const claims = claimsOf(tokenFor(args, KEY));

    expect({
      staffId: claims['custom:staffId'],
      groups: claims['cognito:groups'],
      parks: claims['custom:parks'],
    }).toEqual(expected);
    expect(claims.sub).toBe(expected.staffId);
  });

  it('a staff id picks that person, with their name', () => {
    const claims = claimsOf(tokenFor(['technician-2'], KEY));

    expect(claims).toMatchObject({ sub: 'technician-2', 'custom:staffId': 'technician-2', name: '李强' });
    expect(claims['cognito:groups']).toEqual(['staff']);
  });

  it('a role followed by a staff id picks that person', () => {
    expect(claimsOf(tokenFor(['technician', 'technician-2'], KEY))['custom:staffId']).toBe('technician-2');
  });

  it.each<[string, string[], string, string]>([
    ['manager', ['manager'], 'engineering-manager-1', 'manager'],
    ['office', ['office'], 'property-office-1', 'office'],
    ['security', ['security'], 'security-guard-1', 'security'],
  ])(
    'a group (%s) picks the first person in it and grants just that group',
    (_case, args, staffId, group) => {
      const claims = claimsOf(tokenFor(args, KEY));

      expect(claims['custom:staffId']).toBe(staffId);
      expect(claims['cognito:groups']).toEqual([group]);
    },
  );

  it.each<[string, string[], string]>([
    ['after the role', ['technician', '--park', 'park-2'], 'park-2'],
    ['before the role', ['--park', 'park-2', 'technician'], 'park-2'],
    ['narrowing an executive to one park', ['gm', '--park', 'park-1'], 'park-1'],
    ['widening a dispatcher to every park', ['dispatcher', '--park', '*'], '*'],
  ])('--park sets the parks claim: %s', (_case, args, parks) => {
    const claims = claimsOf(tokenFor(args, KEY));

    expect(claims['custom:parks']).toBe(parks);
  });

  it('--park does not change who the token is for', () => {
    expect(claimsOf(tokenFor(['--park', 'park-2', 'technician'], KEY))['custom:staffId']).toBe(
      'technician-1',
    );
  });

  it('an unknown role, group or staff id is refused, listing the roles', () => {
    expect(() => tokenFor(['plumber'], KEY)).toThrow(/unknown role, group or staff id "plumber".*technician/);
  });

  it('an unknown staff id after a role is refused', () => {
    expect(() => tokenFor(['technician', 'technician-9'], KEY)).toThrow(/no staff member "technician-9"/);
  });

  it('the token is signed with the key given', () => {
    const token = tokenFor(['technician'], KEY);

    expect(verifyToken(token, OTHER_KEY)).toBeUndefined();
    expect(verifyToken(token, KEY)).toBeDefined();
  });
});

describe('the demo directory', () => {
  it.each([...ROLES])('has somebody holding the role %s', (role) => {
    expect(DEMO_STAFF.some((s) => s.roles.includes(role))).toBe(true);
  });

  it.each([...ROLES])('tokenFor(%s) gives a person holding that role, in its group', (role) => {
    const claims = claimsOf(tokenFor([role], KEY));
    const person = DEMO_STAFF.find((s) => s.id === claims['custom:staffId']);

    expect(person?.roles).toContain(role);
    expect(claims['cognito:groups']).toContain(GROUP_OF_ROLE[role]);
  });

  it('everybody belongs to the demo park, with a unique id and an E.164 phone', () => {
    expect(new Set(DEMO_STAFF.map((s) => s.id)).size).toBe(DEMO_STAFF.length);
    expect(new Set(DEMO_STAFF.map((s) => s.phone)).size).toBe(DEMO_STAFF.length);
    for (const s of DEMO_STAFF) {
      expect(s.parkId).toBe(DEMO_PARK.id);
      expect(s.phone).toMatch(/^\+[1-9]\d{7,14}$/);
    }
  });
});

describe('tokenFor: a role with a staff id', () => {
  it('refuses a staff member who does not hold the role named', () => {
    expect(() => tokenFor(['technician', 'gm-1'], 'k')).toThrow(/gm-1 does not hold the role technician/);
  });
});
