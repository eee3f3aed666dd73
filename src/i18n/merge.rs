//! The words of comparing and merging plan files (the compare & merge route, `planner diff` and
//! `planner merge`), in both languages side by side.

use crate::core::lang::Lang;
use crate::core::merge::{AncestorError, MergeError};

use super::{Catalogue, fill};

/// Declares the catalogue with its English and Chinese text; a key without both does not compile.
macro_rules! texts {
    ($($key:ident: $en:literal, $zh:literal;)*) => {
        /// The compare & merge words in one language.
        pub struct MergeText {
            $(pub $key: &'static str,)*
        }

        pub const MERGE_EN: MergeText = MergeText { $($key: $en,)* };
        pub const MERGE_ZH: MergeText = MergeText { $($key: $zh,)* };

        impl MergeText {
            /// Every (key, text) pair, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

texts! {
    // The tab: short, for one line of tabs on a 1280-wide projector.
    open_page: "Merge", "合并";
    page_title: "Compare & merge plan files", "对比与合并计划文件";
    page_intro: "Send the plan out, get the copies back and merge them here: every change that does not collide is applied; what collides waits for your choice. Nothing changes until you confirm.",
        "把计划发出去，收回副本后在这里合并：不冲突的修改直接采用，冲突的修改由您选择。确认之前计划不会改变。";
    this_plan: "This plan", "当前计划";
    pick_file: "Choose a plan file…", "选择计划文件…";

    compare_title: "Compare two plans", "对比两个计划";
    compare_left: "Before", "修改前";
    compare_right: "After", "修改后";
    compare_hint: "Compares by node id: added, removed, moved and renamed nodes, every changed field, and the targets that move.",
        "按节点编号对比：新增、删除、移动、改名的节点，每个改动的字段，以及随之变动的指标。";

    merge_title: "Merge returned copies", "合并收回的副本";
    merge_pick: "Choose returned copies…", "选择收回的副本…";
    base_pick: "Base file (if the version a copy started from cannot be found)…", "基准文件（找不到副本的起始版本时选择）…";
    base_chosen: "Base: {}", "基准：{}";
    clear_base: "Forget the base file", "不用基准文件";

    send_title: "Send a part", "分发部分";
    send_hint: "Exports the whole plan with one region marked as the recipient's part; merging it back warns about changes outside it.",
        "导出整个计划，并把一个区域标为收件人负责的部分；合并收回的副本时，会提示该部分以外的修改。";
    send_region: "Region", "区域";
    send_button: "Export the copy", "导出副本";
    sent_what: "Sent as the part of {}", "作为“{}”的部分发出";
    part_line: "This copy was sent as the part of {}: changes outside it are flagged when it is merged back.",
        "本副本是作为“{}”的部分发出的：合并收回时，该区域以外的修改会被标出。";

    filter_region: "Region", "区域";
    all_regions: "All regions", "全部区域";
    filter_kind: "Kind", "类型";
    kind_all: "All changes", "全部修改";
    kind_added: "Added", "新增";
    kind_removed: "Removed", "删除";
    kind_moved: "Moved", "移动";
    kind_renamed: "Renamed", "改名";
    kind_changed: "Changed", "修改";
    kind_reordered: "Reordered", "调整顺序";
    kind_scenarios: "Scenarios", "方案";
    kind_execution: "Execution records", "执行记录";

    col_item: "Item", "对象";
    col_field: "Field", "字段";
    col_status: "In the merge", "合并结果";
    count_changes: "{} changes", "共 {} 处修改";
    no_differences: "The two plans hold the same.", "两个计划内容相同。";
    none_shown: "No change of this kind.", "没有此类修改。";

    added_under: "added under {}", "新增于“{}”之下";
    added: "added", "新增";
    removed: "removed", "删除";
    removed_from: "removed from {}", "已从“{}”中删除";
    reordered: "{} in another order", "{}顺序调整";
    moved: "moved", "移动";
    renamed: "renamed", "改名";
    yes: "yes", "是";
    no: "no", "否";

    item_plan: "Plan", "计划";
    item_scenario: "Scenario", "方案";
    item_customer: "Customer", "客户";
    rec_actuals: "Actuals", "实际销售";
    rec_budgets: "Expense budget", "费用预算";
    rec_customer_history: "Customer record change", "客户档案变更";
    rec_deviation_notes: "Deviation note", "偏差备注";
    rec_expenses: "Expense", "费用";
    rec_scorecard: "Scorecard figures", "考评数据";
    rec_settings: "Execution settings", "执行设置";

    f_adopted: "Adopted scenario", "采用方案";
    f_lock: "Locked {}", "锁定{}";
    f_manual: "Manual {}", "手动{}";
    f_tier_override: "Tier override", "区域类型调整";
    f_season_month: "Seasonality {}", "季节性 {}";
    f_threshold: "Threshold", "阈值";
    f_multiplier: "multiplier", "系数";
    f_distributor_spend: "distributor spend (%)", "经销商投入（%）";
    f_share_goal: "share goal (%)", "目标占有率（%）";
    f_weight: "Weight", "权重";
    f_method: "Method", "分解方法";
    f_sections: "Plan document", "计划书";
    f_month: "Month", "月份";
    f_figures: "amount / quantity / collections", "销售额 / 销量 / 回款";

    targets_title: "Targets of the adopted scenario that move", "采用方案中变动的指标";
    targets_scenario: "Adopted scenario: {} → {}", "采用方案：{} → {}";
    targets_none: "No target moves.", "没有指标变动。";
    targets_error: "The breakdown of {} cannot be computed: {}", "“{}”的目标分解无法计算：{}";
    col_level: "Level", "层级";
    col_change: "Change", "变动";
    merged_moved: "Targets the merge moved", "本次合并变动的指标";

    copy_summary: "{}: {} changes since {}; {} applied, {} already here, {} collide",
        "{}：共 {} 处修改（自 {} 起）；采用 {} 处，已有 {} 处，冲突 {} 处";
    copy_summary_start: "the start of its log", "日志开头";
    copy_reasons: "Reasons written in the copy", "副本中填写的理由";
    outside_part: "{} changes lie outside the part the copy was sent for ({}). They are merged too; check them.",
        "有 {} 处修改不在副本负责的部分（{}）之内，也会一并合并，请核对。";
    outside_flag: "outside the part", "超出负责部分";
    renumbered: "New ids for the copy's new items (this plan used the same ones): {}", "副本中新增对象的编号已更换（当前计划已使用相同编号）：{}";
    status_applied: "applied", "采用";
    status_here: "already here", "已有";
    status_collides: "collision {}", "冲突 {}";

    collisions_title: "Collisions: choose for each", "冲突：请逐项选择";
    collisions_hint: "The same thing was changed in this plan and in the copy. Keep this plan's, take the copy's, or type a value.",
        "当前计划与副本修改了同一处。请选择保留当前计划的、采用副本的，或输入一个值。";
    col_base: "When sent", "发出时";
    col_mine: "This plan", "当前计划";
    col_theirs: "The copy", "副本";
    choice_mine: "This plan's", "用当前计划的";
    choice_theirs: "The copy's", "用副本的";
    choice_value: "Type a value", "输入值";
    keep_both: "Keep both, the copy's named", "两个都保留，副本的改名为";
    deleted_by_mine: "Deleted in this plan; the copy changed it: {}", "当前计划已删除；副本修改了：{}";
    deleted_by_theirs: "Deleted in the copy; this plan changed it: {}", "副本已删除；当前计划修改了：{}";
    keep_deleted: "Delete", "删除";
    keep_changed: "Keep with the changes", "保留并采用修改";
    same_name: "Both added “{}” under {}", "双方都新增了“{}”（在 {} 之下）";
    order_collision: "Both put {} in another order", "双方都调整了{}的顺序";
    all_mine: "This plan's for all", "全部用当前计划的";
    all_theirs: "The copy's for all", "全部用副本的";
    to_choose: "Collisions still to choose: {}", "还有 {} 处冲突需要选择";

    confirm_merge: "Merge", "确认合并";
    cancel: "Cancel", "取消";
    merged_log: "Merged {}: {} changes, {} collisions settled", "合并了 {}：{} 处修改，解决 {} 处冲突";
    merged_toast: "Merged {}: {} changes", "已合并 {}：{} 处修改";
    nothing_to_merge: "The copies hold nothing this plan does not have.", "副本中没有当前计划缺少的内容。";

    err_read: "{} cannot be read: {}", "无法读取 {}：{}";
    err_different: "{} is another plan (id {}) with no change in common with this one.", "{} 是另一个计划（编号 {}），与当前计划没有共同的修改记录。";
    err_cut_log: "{}: its change log no longer reaches back to the version it was sent out as. Choose the base file.",
        "{}：其变更记录已无法追溯到发出时的版本。请选择基准文件。";
    err_not_from_base: "{}: its change log does not hold the base file's newest change; it was not made from that base, or its log was cut.",
        "{}：其变更记录中没有基准文件的最新修改；它不是由该基准文件生成的，或者记录已被截断。";
    err_merge: "The merged plan cannot be made: {}", "无法生成合并后的计划：{}";
    err_typed: "Collision {}: {}", "冲突 {}：{}";
    err_invalid: "The merged plan would break a rule: {}", "合并后的计划不符合规则：{}";
}

/// The compare & merge words of a language.
pub fn merge_text(lang: Lang) -> &'static MergeText {
    match lang {
        Lang::Zh => &MERGE_ZH,
        Lang::En => &MERGE_EN,
    }
}

impl MergeText {
    /// Why a copy's starting version cannot be found, naming the file.
    pub fn ancestor_error(&self, file: &str, e: &AncestorError) -> String {
        match e {
            AncestorError::DifferentPlans { theirs, .. } => {
                fill(self.err_different, &[file, theirs])
            }
            AncestorError::CutLog => fill(self.err_cut_log, &[file]),
            AncestorError::NotFromBase => fill(self.err_not_from_base, &[file]),
        }
    }

    /// Why a merge result cannot be made.
    pub fn merge_error(&self, t: &Catalogue, e: &MergeError) -> String {
        match e {
            MergeError::Typed { collision, error } => fill(
                self.err_typed,
                &[&(collision + 1).to_string(), &t.field_error(error)],
            ),
            MergeError::Shape(reason) => fill(self.err_merge, &[reason]),
            MergeError::Invalid(problems) => {
                let first = problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                fill(self.err_invalid, &[&first])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_translated_with_the_same_placeholders() {
        for ((key, e), (_, z)) in MERGE_EN.entries().iter().zip(&MERGE_ZH.entries()) {
            assert!(!e.trim().is_empty() && !z.trim().is_empty(), "{key}");
            assert_eq!(e.matches("{}").count(), z.matches("{}").count(), "{key}");
        }
    }
}
