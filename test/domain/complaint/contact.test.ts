/**
 * CH-3: the resident's contact is shown to those who need it (the desk, management, the head of
 * the department handling it), never to the person complained about; a masked form elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { maskCaller, maskName, maskPhone, seesContact } from '../../../shared/domain/complaint';
import { actorOf } from '../../support/fixtures';
import { intake, OPENED, open, PARK, STAFF } from './driver';

describe('who sees the resident’s contact (CH-3)', () => {
  const aboutEngineering = open(intake(), OPENED).ticket;
  const aboutTheManager = open(intake({ about: { staffId: 'engineering-manager-1' } }), OPENED, PARK).ticket;
  const aboutSecurity = open(intake({ about: { department: 'security' } }), OPENED).ticket;
  const sees = (ticket: typeof aboutEngineering, who: string) => seesContact(ticket, actorOf(who), STAFF);

  it.each([
    ['dispatcher-1', true],
    ['duty-officer-1', true],
    ['customer-service-lead-1', true],
    ['engineering-manager-1', true],
    ['supervisor-1', true],
    ['gm-1', true],
    ['repair-lead-1', false],
    ['technician-1', false],
    ['security-guard-1', false],
    ['security-manager-1', false],
    ['property-office-1', false],
  ])('a complaint about engineering: %s → %s', (who, expected) => {
    expect(sees(aboutEngineering, who)).toBe(expected);
  });

  it('the person complained about never, whatever their role; the next head then handles it and sees it', () => {
    expect(sees(aboutTheManager, 'engineering-manager-1')).toBe(false);
    expect(sees(aboutTheManager, 'repair-lead-1')).toBe(true);
    expect(sees(aboutTheManager, 'technician-1')).toBe(false);
  });

  it('security’s head sees one about security; not the whole security team', () => {
    expect(sees(aboutSecurity, 'security-manager-1')).toBe(true);
    expect(sees(aboutSecurity, 'security-captain-1')).toBe(false);
    expect(sees(aboutSecurity, 'security-guard-1')).toBe(false);
  });
});

describe('the masked form', () => {
  it.each([
    ['+8613800000001', '138****0001'],
    ['+8613912345678', '139****5678'],
    ['+85291234567', '****4567'],
    ['+14155550123', '****0123'],
  ])('phone %s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['李女士', '李**'],
    ['李明', '李*'],
    ['欧阳明月', '欧**'],
    ['王', '*'],
    ['来电 +8613800000002', '来**'],
  ])('name %s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('the unit is left out and the caller is marked masked', () => {
    expect(maskCaller({ name: '李女士', phone: '+8613800000002', unit: '5-1-0801' })).toEqual({
      name: '李**',
      phone: '138****0002',
      masked: true,
    });
  });
});
