// @vitest-environment jsdom
// Tests of which navigation entries and home page each role gets, in standard and care mode.
import { describe, expect, it } from 'vitest';
import { homePathFor, layoutVariantFor } from '../features/auth/role-home.ts';
import { activeNavKey, navEntriesFor } from './navigation.ts';

const adminAbilities = ['user.manage', 'org.manage', 'calendar.read', 'calendar.edit', 'audit.read', 'token.manage'];

describe('layoutVariantFor / homePathFor', () => {
  it('picks the first matching of admin, leader, enterprise, else staff', () => {
    expect(layoutVariantFor(['leader', 'admin'])).toBe('admin');
    expect(layoutVariantFor(['supervisor', 'leader'])).toBe('leader');
    expect(layoutVariantFor(['enterprise'])).toBe('enterprise');
    expect(layoutVariantFor(['handler'])).toBe('staff');
    expect(layoutVariantFor([])).toBe('staff');
    expect(homePathFor(['admin'])).toBe('/admin');
    expect(homePathFor(['dispatcher'])).toBe('/workbench');
  });
});

describe('navEntriesFor', () => {
  it('shows only entries whose ability the user has', () => {
    expect(navEntriesFor('admin', adminAbilities).map((e) => e.key)).toEqual(['admin', 'users', 'org', 'calendar', 'audit', 'tokens']);
    expect(navEntriesFor('enterprise', ['calendar.read']).map((e) => e.key)).toEqual(['portal', 'calendar']);
    expect(navEntriesFor('staff', ['calendar.read', 'audit.read', 'token.manage']).map((e) => e.key)).toEqual(['workbench', 'audit', 'calendar', 'tokens']);
  });

  it('keeps the most important entries in care mode', () => {
    expect(navEntriesFor('admin', adminAbilities, { careMode: true, limit: 4 }).map((e) => e.key)).toEqual(['admin', 'users', 'org', 'calendar']);
    expect(navEntriesFor('staff', ['calendar.read', 'token.manage'], { careMode: true, limit: 4 }).map((e) => e.key)).toEqual(['workbench', 'calendar']);
    expect(navEntriesFor('staff', [], { limit: 0 }).map((e) => e.key)).toEqual(['workbench']);
  });

  it('gives each role its appeal pages', () => {
    const enterprise = navEntriesFor('enterprise', ['appeal.create', 'appeal.read', 'calendar.read'], { roles: ['enterprise'] });
    expect(enterprise.map((e) => e.key)).toEqual(['portal', 'myAppeals', 'submitAppeal', 'calendar']);
    const dispatcher = ['appeal.create', 'appeal.read', 'appeal.triage', 'appeal.kpi', 'appeal.supervision', 'appeal.export', 'calendar.read'];
    expect(navEntriesFor('staff', dispatcher, { roles: ['dispatcher'] }).map((e) => e.key)).toEqual(['workbench', 'triage', 'supervision', 'ledger', 'registerAppeal', 'kpi', 'calendar']);
    const handler = ['appeal.create', 'appeal.read', 'appeal.kpi'];
    expect(navEntriesFor('staff', handler, { roles: ['handler'] }).map((e) => e.key)).toEqual(['workbench', 'myWork', 'ledger', 'registerAppeal', 'kpi']);
    expect(navEntriesFor('staff', handler, { roles: ['followup'] }).map((e) => e.key)).not.toContain('myWork');
    expect(navEntriesFor('staff', ['appeal.read', 'appeal.follow-up'], { roles: ['followup'] }).map((e) => e.key)).toEqual(['workbench', 'followUps', 'ledger']);
    expect(navEntriesFor('leader', ['appeal.read', 'appeal.kpi', 'appeal.supervision'], { roles: ['leader'] }).map((e) => e.key)).toEqual(['dashboard', 'kpi', 'supervision', 'ledger']);
    expect(navEntriesFor('admin', [...adminAbilities, 'appeal.rules.manage'], { careMode: true, limit: 4 }).map((e) => e.key)).toEqual(['admin', 'users', 'org', 'appealRules']);
  });

  it('selects the entry with the longest matching path', () => {
    const entries = navEntriesFor('admin', adminAbilities);
    expect(activeNavKey(entries, '/admin/users')).toBe('users');
    expect(activeNavKey(entries, '/admin')).toBe('admin');
    expect(activeNavKey(entries, '/elsewhere')).toBeUndefined();
    const enterprise = navEntriesFor('enterprise', ['appeal.create', 'appeal.read']);
    expect(activeNavKey(enterprise, '/appeals/new')).toBe('submitAppeal');
    expect(activeNavKey(enterprise, '/appeals/0b7c')).toBe('myAppeals');
  });
});

describe('enterprise registry entries', () => {
  it('give staff 企业库 after the appeal pages, and an enterprise user 我的企业 within the care-mode four', () => {
    const dispatcher = navEntriesFor('staff', ['appeal.create', 'appeal.read', 'appeal.triage', 'appeal.kpi', 'enterprise.read'], { roles: ['dispatcher'] }).map((e) => e.key);
    expect(dispatcher).toEqual(['workbench', 'triage', 'ledger', 'registerAppeal', 'enterprises', 'kpi']);
    const enterprise = navEntriesFor('enterprise', ['appeal.create', 'appeal.read', 'enterprise.read', 'calendar.read'], { roles: ['enterprise'], careMode: true, limit: 4 }).map((e) => e.key);
    expect(enterprise).toEqual(['portal', 'myAppeals', 'submitAppeal', 'myEnterprise']);
    expect(navEntriesFor('enterprise', ['enterprise.read'], { roles: [] }).map((e) => e.key)).toEqual(['portal']);
    expect(activeNavKey(navEntriesFor('staff', ['enterprise.read']), '/enterprises/91330502MA2B3C4D5E')).toBe('enterprises');
  });
});

describe('policy entries', () => {
  it('give staff 政策库 after 企业库, and an enterprise user 政策匹配 after 我的企业 (outside the care-mode four)', () => {
    const officer = navEntriesFor('staff', ['appeal.read', 'enterprise.read', 'policy.read', 'policy.edit', 'policy.publish', 'policy.matches'], { roles: ['policy_officer'] }).map((e) => e.key);
    expect(officer).toEqual(['workbench', 'ledger', 'enterprises', 'policies']);
    const enterpriseAbilities = ['appeal.create', 'appeal.read', 'enterprise.read', 'policy.read', 'calendar.read'];
    expect(navEntriesFor('enterprise', enterpriseAbilities, { roles: ['enterprise'] }).map((e) => e.key)).toEqual(['portal', 'myAppeals', 'submitAppeal', 'myEnterprise', 'myPolicies', 'calendar']);
    expect(navEntriesFor('enterprise', enterpriseAbilities, { roles: ['enterprise'], careMode: true, limit: 4 }).map((e) => e.key)).not.toContain('myPolicies');
    expect(navEntriesFor('leader', ['appeal.read', 'enterprise.read', 'policy.read'], { roles: ['leader'] }).map((e) => e.key)).toEqual(['dashboard', 'ledger', 'enterprises', 'policies']);
    expect(navEntriesFor('staff', ['appeal.read'], { roles: ['handler'] }).map((e) => e.key)).not.toContain('policies');
    expect(navEntriesFor('enterprise', ['policy.read'], { roles: ['enterprise'] }).map((e) => e.key)).not.toContain('policies');
  });

  it('selects 政策库 on a policy, its editor and a new policy, and 政策匹配 on /my/policies', () => {
    const staff = navEntriesFor('staff', ['policy.read', 'enterprise.read']);
    expect(activeNavKey(staff, '/policies/new')).toBe('policies');
    expect(activeNavKey(staff, '/policies/0b7c/edit')).toBe('policies');
    const enterprise = navEntriesFor('enterprise', ['policy.read'], { roles: ['enterprise'] });
    expect(activeNavKey(enterprise, '/my/policies')).toBe('myPolicies');
  });
});

describe('兑付台账 entry', () => {
  it('is shown to those with policy.ledger (admin, policy officer, leader, supervisor) and to no one else', () => {
    const officer = navEntriesFor('staff', ['appeal.read', 'enterprise.read', 'policy.read', 'policy.grant', 'policy.ledger'], { roles: ['policy_officer'] }).map((e) => e.key);
    expect(officer).toEqual(['workbench', 'ledger', 'enterprises', 'policies', 'policyPayouts', 'applicationReading']);
    const leader = navEntriesFor('leader', ['appeal.read', 'appeal.kpi', 'enterprise.read', 'policy.read', 'policy.ledger'], { roles: ['leader'] }).map((e) => e.key);
    expect(leader).toEqual(['dashboard', 'kpi', 'ledger', 'policyPayouts', 'enterprises', 'policies', 'applicationReading']);
    expect(navEntriesFor('staff', ['appeal.read', 'appeal.supervision', 'policy.read', 'policy.ledger'], { roles: ['supervisor'] }).map((e) => e.key)).toContain('policyPayouts');
    expect(navEntriesFor('admin', [...adminAbilities, 'policy.read', 'policy.ledger']).map((e) => e.key)).toContain('policyPayouts');
    expect(navEntriesFor('staff', ['appeal.read', 'policy.read'], { roles: ['handler'] }).map((e) => e.key)).not.toContain('policyPayouts');
    expect(navEntriesFor('enterprise', ['policy.read'], { roles: ['enterprise'] }).map((e) => e.key)).not.toContain('policyPayouts');
  });

  it('is selected on /policy-payouts, while a policy’s grants keep 政策库 selected', () => {
    const officer = navEntriesFor('staff', ['policy.read', 'policy.ledger']);
    expect(activeNavKey(officer, '/policy-payouts')).toBe('policyPayouts');
    expect(activeNavKey(officer, '/policies/0b7c/grants')).toBe('policies');
  });
});

describe('policy application entries', () => {
  it('give an enterprise 我的申报 after 政策匹配, reviewers 申报审核 after 政策库, and leaders and supervisors the queue to read', () => {
    const enterprise = navEntriesFor('enterprise', ['appeal.read', 'enterprise.read', 'policy.read', 'policy.apply'], { roles: ['enterprise'] }).map((e) => e.key);
    expect(enterprise).toEqual(['portal', 'myAppeals', 'myEnterprise', 'myPolicies', 'myApplications']);
    // a reviewer also reads the ledger: one entry for the page, the deciding one
    const officer = navEntriesFor('staff', ['appeal.read', 'enterprise.read', 'policy.read', 'policy.edit', 'policy.review', 'policy.ledger'], { roles: ['policy_officer'] }).map((e) => e.key);
    expect(officer).toEqual(['workbench', 'ledger', 'enterprises', 'policies', 'policyPayouts', 'applicationReview']);
    expect(navEntriesFor('admin', ['policy.read', 'policy.review', 'policy.ledger'], { roles: ['admin'] }).map((e) => e.key)).toEqual(['admin', 'policies', 'policyPayouts', 'applicationReview']);
    expect(navEntriesFor('leader', ['policy.read', 'policy.ledger'], { roles: ['leader'] }).map((e) => e.key)).toEqual(['dashboard', 'policyPayouts', 'policies', 'applicationReading']);
    expect(navEntriesFor('staff', ['policy.read', 'policy.ledger'], { roles: ['supervisor'] }).map((e) => e.key)).toEqual(['workbench', 'policies', 'policyPayouts', 'applicationReading']);
    expect(navEntriesFor('staff', ['policy.read', 'policy.matches'], { roles: ['handler'] }).map((e) => e.key)).not.toContain('applicationReading');
    expect(navEntriesFor('enterprise', ['policy.read'], { roles: ['enterprise'] }).map((e) => e.key)).not.toContain('myApplications');
  });

  it('selects 我的申报 on an application and 申报审核 on a reviewed one', () => {
    const enterprise = navEntriesFor('enterprise', ['policy.read', 'policy.apply'], { roles: ['enterprise'] });
    expect(activeNavKey(enterprise, '/my/applications/0b7c')).toBe('myApplications');
    expect(activeNavKey(enterprise, '/my/policies')).toBe('myPolicies');
    expect(activeNavKey(navEntriesFor('staff', ['policy.read', 'policy.review']), '/policy-applications/0b7c')).toBe('applicationReview');
  });
});
