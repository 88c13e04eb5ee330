// What care mode (关爱模式) changes: theme tokens, items per page, nav length and secondary widgets.
import type { ThemeConfig } from 'antd';

export interface UiSettings {
  careMode: boolean;
  /** Rows per page of every table. */
  tablePageSize: number;
  /** How many navigation entries to show at most (the most important first). */
  navLimit: number;
  /** Secondary widgets, table columns and hints; hidden in care mode to keep screens calm. */
  showSecondary: boolean;
  theme: ThemeConfig;
}

const brandBlue = '#1456d9';

export const standardTheme: ThemeConfig = {
  token: { colorPrimary: brandBlue, borderRadius: 6 },
};

/** Large print, big targets, strong contrast (text near black, borders visible). */
export const careTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b3d91',
    colorLink: '#0b3d91',
    colorText: '#000000',
    colorTextSecondary: '#1f1f1f',
    colorTextTertiary: '#333333',
    colorTextDescription: '#262626',
    colorTextPlaceholder: '#595959',
    colorBorder: '#595959',
    colorBorderSecondary: '#8c8c8c',
    fontSize: 20,
    lineHeight: 1.75,
    controlHeight: 52,
    controlHeightSM: 40,
    controlHeightLG: 60,
    borderRadius: 8,
    padding: 20,
    margin: 20,
  },
  components: {
    Menu: { itemHeight: 64, iconSize: 24, itemMarginBlock: 8 },
    Switch: { trackHeight: 34, trackMinWidth: 68, handleSize: 28, innerMaxMargin: 36, innerMinMargin: 12 },
    Table: { cellPaddingBlock: 20, cellPaddingInline: 16 },
    Card: { bodyPadding: 28 },
    Layout: { headerHeight: 80 },
    Button: { fontWeight: 600 },
  },
};

export const standardSettings: Omit<UiSettings, 'careMode' | 'theme'> = { tablePageSize: 20, navLimit: 99, showSecondary: true };
export const careSettings: Omit<UiSettings, 'careMode' | 'theme'> = { tablePageSize: 5, navLimit: 4, showSecondary: false };

export function uiSettings(careMode: boolean): UiSettings {
  return careMode ? { careMode, ...careSettings, theme: careTheme } : { careMode, ...standardSettings, theme: standardTheme };
}

/** Table columns marked `secondary` are dropped in care mode; the marker itself never reaches antd. */
export function visibleColumns<C extends { secondary?: boolean }>(columns: readonly C[], settings: Pick<UiSettings, 'showSecondary'>): Omit<C, 'secondary'>[] {
  return columns
    .filter((column) => settings.showSecondary || !column.secondary)
    .map(({ secondary: _secondary, ...column }) => column);
}
