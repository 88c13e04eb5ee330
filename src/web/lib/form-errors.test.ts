// @vitest-environment jsdom
// Tests of matching server error paths to form fields.
import { describe, expect, it } from 'vitest';
import { fieldForPath, splitDetails } from './form-errors.ts';

describe('fieldForPath', () => {
  const fields = ['username', 'roles', 'parentId'];
  it('finds the field of plain, nested, indexed and prefixed paths', () => {
    expect(fieldForPath('parentId', fields)).toBe('parentId');
    expect(fieldForPath('roles.0', fields)).toBe('roles');
    expect(fieldForPath('roles[1]', fields)).toBe('roles');
    expect(fieldForPath('body.username', fields)).toBe('username');
    expect(fieldForPath('/username', fields)).toBe('username');
  });
  it('returns null for paths outside the form', () => {
    expect(fieldForPath('', fields)).toBeNull();
    expect(fieldForPath('status', fields)).toBeNull();
  });
});

describe('splitDetails', () => {
  it('groups messages by field and keeps the unmatched ones', () => {
    const { byField, unmatched } = splitDetails(
      [
        { path: 'username', message: 'taken' },
        { path: 'username', message: 'too short' },
        { path: 'tenant', message: 'unknown' },
      ],
      ['username'],
    );
    expect(byField.get('username')).toEqual(['taken', 'too short']);
    expect(unmatched).toEqual([{ path: 'tenant', message: 'unknown' }]);
  });
});
