// UI texts of the appeal rules page (诉求规则) in zh-CN, zh-TW and en, registered with i18next under `appealRules`.
import { registerMessages } from '../kpi/message-bundles.ts';

const zhCN = {
  appealRules: {
    title: '诉求规则',
    intro: '各环节的办理时限和派单目录。修改只影响之后开始计时或受理的诉求，每次修改都记入审计日志。',
    tabs: { clocks: '办理时限', routing: '派单目录' },
    clocks: {
      intro: '以工作日计，可按半天（0.5）设置。类别没有单独设置时沿用默认时限。',
      category: '诉求类别',
      default: '默认（所有类别）',
      urgency: '紧急程度',
      acceptDays: '受理',
      signDays: '签收',
      replyDays: '答复',
      followUpDays: '回访',
      unit: '工作日',
      inherited: '沿用默认',
      own: '单独设置',
      edit: '修改',
      set: '单独设置',
      modalTitle: '办理时限：{{category}} · {{urgency}}',
      modalHint: '以工作日计，最少 0.5，最多 60，按 0.5 递增。',
      saved: '办理时限已保存',
    },
    routing: {
      intro: '受理后按诉求类别和所在区划建议主办部门；区划越具体的规则越优先，“全市”适用于没有更具体规则的地方。',
      category: '诉求类别',
      division: '区划',
      allDivisions: '全市（所有区划）',
      department: '默认主办部门',
      unknownUnit: '未知单位（{{id}}）',
      add: '新增规则',
      edit: '修改',
      modalAdd: '新增派单规则',
      modalEdit: '修改派单规则',
      saved: '派单规则已保存',
      replaces: '这个类别和区划已有规则，保存后将改为新的部门。',
      empty: '还没有派单规则',
      filter: '按类别筛选',
    },
  },
  care: {
    appealRules: {
      title: '办事规则',
      tabs: { clocks: '办理天数', routing: '分给哪个部门' },
    },
  },
};

const zhTW: typeof zhCN = {
  appealRules: {
    title: '訴求規則',
    intro: '各環節的辦理時限和派單目錄。修改只影響之後開始計時或受理的訴求，每次修改都記入審計日誌。',
    tabs: { clocks: '辦理時限', routing: '派單目錄' },
    clocks: {
      intro: '以工作日計，可按半天（0.5）設定。類別沒有單獨設定時沿用預設時限。',
      category: '訴求類別',
      default: '預設（所有類別）',
      urgency: '緊急程度',
      acceptDays: '受理',
      signDays: '簽收',
      replyDays: '答覆',
      followUpDays: '回訪',
      unit: '工作日',
      inherited: '沿用預設',
      own: '單獨設定',
      edit: '修改',
      set: '單獨設定',
      modalTitle: '辦理時限：{{category}} · {{urgency}}',
      modalHint: '以工作日計，最少 0.5，最多 60，按 0.5 遞增。',
      saved: '辦理時限已儲存',
    },
    routing: {
      intro: '受理後按訴求類別和所在區劃建議主辦部門；區劃越具體的規則越優先，「全市」適用於沒有更具體規則的地方。',
      category: '訴求類別',
      division: '區劃',
      allDivisions: '全市（所有區劃）',
      department: '預設主辦部門',
      unknownUnit: '未知單位（{{id}}）',
      add: '新增規則',
      edit: '修改',
      modalAdd: '新增派單規則',
      modalEdit: '修改派單規則',
      saved: '派單規則已儲存',
      replaces: '這個類別和區劃已有規則，儲存後將改為新的部門。',
      empty: '還沒有派單規則',
      filter: '按類別篩選',
    },
  },
  care: {
    appealRules: {
      title: '辦事規則',
      tabs: { clocks: '辦理天數', routing: '分給哪個部門' },
    },
  },
};

const en: typeof zhCN = {
  appealRules: {
    title: 'Appeal rules',
    intro: 'Stage durations and the dispatch catalogue. Changes apply to clocks started and appeals accepted afterwards; every change is audited.',
    tabs: { clocks: 'Stage durations', routing: 'Dispatch catalogue' },
    clocks: {
      intro: 'In working days, in steps of half a day (0.5). A category without its own durations uses the default.',
      category: 'Category',
      default: 'Default (all categories)',
      urgency: 'Urgency',
      acceptDays: 'Accept',
      signDays: 'Sign',
      replyDays: 'Reply',
      followUpDays: 'Follow-up',
      unit: 'working days',
      inherited: 'Default',
      own: 'Own',
      edit: 'Edit',
      set: 'Set own',
      modalTitle: 'Durations: {{category}} · {{urgency}}',
      modalHint: 'Working days, at least 0.5 and at most 60, in steps of 0.5.',
      saved: 'Durations saved',
    },
    routing: {
      intro: 'After acceptance the lead department is suggested by category and division; the most specific division wins, and “whole city” applies where nothing narrower does.',
      category: 'Category',
      division: 'Division',
      allDivisions: 'Whole city (every division)',
      department: 'Default lead department',
      unknownUnit: 'Unknown unit ({{id}})',
      add: 'Add rule',
      edit: 'Edit',
      modalAdd: 'Add a dispatch rule',
      modalEdit: 'Edit the dispatch rule',
      saved: 'Dispatch rule saved',
      replaces: 'This category and division already have a rule; saving points it to the new department.',
      empty: 'No dispatch rules yet',
      filter: 'Filter by category',
    },
  },
  care: {
    appealRules: {
      title: 'Rules for appeals',
      tabs: { clocks: 'Days allowed', routing: 'Which department' },
    },
  },
};

export const appealRulesMessages = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

registerMessages(appealRulesMessages);
