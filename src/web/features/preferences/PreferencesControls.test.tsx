// @vitest-environment jsdom
// Tests of the language switch and care toggle: stable test ids, <html lang>, localStorage and account sync.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CareModeToggle } from './CareModeToggle.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { preferencesStorageKey, readPreferences } from './preferences-storage.ts';
import { PreferencesProvider, usePreferences, type PreferencesContextValue, type RemotePreferences } from './PreferencesProvider.tsx';

let context: PreferencesContextValue | null = null;
function Probe() {
  context = usePreferences();
  return null;
}

function renderControls(remote: RemotePreferences) {
  return render(
    <PreferencesProvider remote={remote}>
      <LanguageSwitch />
      <CareModeToggle />
      <Probe />
    </PreferencesProvider>,
  );
}

describe('preference controls', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    cleanup();
    context = null;
  });

  it('switch language and care mode before login, remembering the choice for the next login', () => {
    const remote = { isSignedIn: () => false, save: vi.fn() };
    renderControls(remote);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByTestId('lang-switch')).toBeTruthy();

    fireEvent.click(screen.getByTestId('lang-en'));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByText('Care mode')).toBeTruthy();

    const toggle = screen.getByTestId('care-toggle');
    expect(toggle.getAttribute('role')).toBe('switch');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(context?.settings.tablePageSize).toBe(5);

    expect(readPreferences()).toEqual({ locale: 'en', careMode: true, chosenWhileSignedOut: true });
    expect(remote.save).not.toHaveBeenCalled();
  });

  it('saves changes to the account when signed in', () => {
    const remote = { isSignedIn: () => true, save: vi.fn() };
    renderControls(remote);
    fireEvent.click(screen.getByTestId('care-toggle'));
    fireEvent.click(screen.getByTestId('lang-zh-TW'));
    expect(remote.save).toHaveBeenNthCalledWith(1, { careMode: true });
    expect(remote.save).toHaveBeenNthCalledWith(2, { locale: 'zh-TW' });
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(readPreferences().chosenWhileSignedOut).toBe(false);
  });

  it('adopts the account values at login unless the user chose on the login page', () => {
    const remote = { isSignedIn: () => true, save: vi.fn() };
    renderControls(remote);
    act(() => context!.syncWithAccount({ locale: 'en', careMode: true }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByTestId('care-toggle').getAttribute('aria-checked')).toBe('true');
    expect(remote.save).not.toHaveBeenCalled();

    localStorage.setItem(preferencesStorageKey, JSON.stringify({ locale: 'zh-CN', careMode: true, chosenWhileSignedOut: true }));
    act(() => context!.syncWithAccount({ locale: 'en', careMode: true }));
    expect(remote.save).toHaveBeenCalledWith({ locale: 'zh-CN' });
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(readPreferences().chosenWhileSignedOut).toBe(false);
  });
});
