//! Every word of the execution pages, in both languages side by side. A separate catalogue from
//! the planner's, so each of the two web apps carries only its own text.

use crate::core::execution::{ApplyError, EditError, FileColumn, LineProblem, ProblemKind};
use crate::core::lang::Lang;

use super::fill;
use crate::core::field::FieldError;
use crate::core::tier::Tier;

/// Declares the catalogue with its English and Chinese text; a key without both does not compile.
macro_rules! texts {
    ($($key:ident: $en:literal, $zh:literal;)*) => {
        /// The execution pages' text in one language.
        pub struct ExecText {
            $(pub $key: &'static str,)*
        }

        pub const EXEC_EN: ExecText = ExecText { $($key: $en,)* };
        pub const EXEC_ZH: ExecText = ExecText { $($key: $zh,)* };

        impl ExecText {
            /// Every (key, text) pair, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

texts! {
    app_title: "Region Planner", "区域销售计划";
    title: "Execution", "计划执行";
    back_to_plan: "← Plan", "← 计划";
    plan: "Plan", "计划";
    switch_language: "中文", "English";
    page_actuals: "Actuals", "实际销售";
    page_tracking: "Completion & deviations", "完成率与偏差";
    page_competition: "Sales competition", "销售竞赛";
    page_customers: "Customer archive", "客户档案";
    page_scorecard: "Distributor scorecard", "客户考评";
    page_expenses: "Expenses", "销售费用";
    // Tab labels: short enough for one line of tabs on a 1280-wide projector.
    tab_tracking: "Completion", "完成率与偏差";
    tab_competition: "Competition", "销售竞赛";
    tab_customers: "Customers", "客户档案";
    tab_scorecard: "Scorecard", "客户考评";
    present: "Present", "演示";
    leave_presentation: "Leave (Esc)", "退出 (Esc)";
    close: "Close", "关闭";
    undo: "Undo", "撤销";
    redo: "Redo", "重做";
    cancel: "Cancel", "取消";
    delete: "Delete", "删除";
    none_dash: "—", "—";
    err_empty: "Must not be empty.", "不能为空。";
    err_not_a_number: "“{}” is not a number.", "“{}”不是数字。";
    err_negative: "Must not be negative.", "不能为负数。";
    err_percent_range: "Must be between 0 and 100.", "必须在 0 到 100 之间。";
    err_score_range: "Must be a score from {} to {}.", "评分须在 {} 到 {} 之间。";
    err_not_a_date: "“{}” is not a date (YYYY-MM-DD).", "“{}”不是日期（格式 YYYY-MM-DD）。";
    err_not_whole: "“{}” is not a whole number.", "“{}”不是整数。";
    err_too_large: "Too large.", "数值过大。";
    err_grouping: "“{}”: separators must group the digits by three (1,234,567).", "“{}”：千分位分隔符须每三位一组（如 1,234,567）。";
    err_ambiguous: "“{}” can be read more than one way; write it out in full (15,000 or 1万5000).", "“{}”有多种读法，请写完整（如 15,000 或 1万5000）。";
    err_not_positive: "Must be greater than zero.", "必须大于零。";
    err_too_long: "At most {} characters.", "最多 {} 个字符。";
    err_control_char: "Contains a control character ({}); names and ids cannot hold one.", "含有控制字符（{}）；名称和编号中不能有控制字符。";
    err_reason_required: "Needs a written reason.", "需要填写理由。";
    tier_base_camp: "Base camp", "大本营";
    tier_stronghold: "Stronghold", "根据地";
    tier_contested: "Contested", "运动区域";
    tier_guerrilla: "Guerrilla", "游击区域";
    tracks_scenario: "Measured against the adopted scenario ★ {}", "对照已采用方案 ★ {} 跟踪";
    no_adopted: "The plan has no adopted scenario to track against.", "计划没有已采用的方案，无法跟踪。";
    breakdown_failed: "The adopted scenario “{}” cannot be broken down ({} problem(s)). Open the Breakdown view in the planner to see and fix them.", "已采用方案“{}”无法分解（{} 个问题）。请在“目标分解”页查看并修正。";
    save_full: "Local storage is full: the last change is kept on this page only. Export the plan from the planner, or delete old plans.", "本地存储已满：最近的修改只保留在本页面。请导出计划，或删除旧计划。";
    save_failed: "The last change could not be saved: {}", "最近的修改未能保存：{}";
    export_plan: "Export the plan", "导出计划";
    plan_unreadable: "The plan stored as “{}” cannot be opened on these pages ({}). The planner offers its text for download.", "以“{}”保存的计划无法在执行页打开（{}）。计划列表可下载其原文。";
    reloaded: "The plan was changed in another tab; showing that version.", "计划已在另一个标签页中修改，现显示该版本。";
    demo_data: "Fill with sample execution data", "填入示例执行数据";
    file_actuals_template: "actuals template", "实际销售模板";
    file_actuals: "actuals", "实际销售";
    file_score_template: "scorecard template", "考评数据模板";
    file_score: "scorecard figures", "考评数据";
    line_column_problem: "Line {}, {}: {}", "第 {} 行，{}：{}";
    line_problem: "Line {}: {}", "第 {} 行：{}";
    demo_done: "Sample execution data added", "已填入示例执行数据";
    // Measures and columns.
    amount: "Amount", "金额";
    quantity: "Quantity", "数量";
    // The measures of a sales target (销售额 / 销量), as the planner names them.
    measure_amount: "Amount", "销售额";
    measure_quantity: "Quantity", "销量";
    collections: "Collections", "回款";
    name: "Name", "名称";
    level: "Level", "层级";
    region: "Region", "区域";
    subdistrict: "Sub-district", "分区";
    salesperson: "Salesperson", "业务人员";
    month: "Month", "月份";
    target: "Target", "目标";
    target_to_date: "Cumulative target", "累计目标";
    actual: "Actual", "实际";
    completion: "Completion", "完成率";
    pace: "Pace", "进度";
    status: "Status", "状态";
    behind: "Behind", "落后";
    on_track: "On track", "正常";
    rank: "Rank", "排名";
    search: "Search", "搜索";
    all: "All", "全部";
    page_of: "Page {} of {}", "第 {} 页，共 {} 页";
    previous: "Previous", "上一页";
    next: "Next", "下一页";
    // Actuals.
    actuals_intro: "Type each salesperson's figures for a month, or import a CSV file. Re-importing a month replaces it.", "逐月录入每位业务人员的数据，或导入 CSV 文件。重新导入某月会替换该月数据。";
    import_csv: "Import CSV…", "导入 CSV…";
    template: "Download template", "下载模板";
    export_csv: "Export CSV", "导出 CSV";
    preview_title: "Import preview: {}", "导入预览：{}";
    preview_summary: "{} rows for {} salespeople in {} month(s); {} replace figures already stored.", "{} 行，涉及 {} 位业务人员、{} 个月；其中 {} 行将替换已有数据。";
    preview_problems: "{} problem(s) on {} line(s). Nothing is stored until the file is fixed or the bad lines are skipped.", "{} 个问题，涉及 {} 行。在修正文件或跳过错误行之前不会保存任何数据。";
    preview_more: "… and {} more", "……另有 {} 个";
    download_problems: "Download all {} problems", "下载全部 {} 个问题";
    import_rows: "Import {} rows", "导入 {} 行";
    import_skipping: "Import, skipping {} bad line(s)", "导入并跳过 {} 个错误行";
    log_imported: "Imported {} ({} rows)", "导入 {}（{} 行）";
    imported: "Imported {} rows ({} months); {} replaced.", "已导入 {} 行（{} 个月），替换 {} 行。";
    file_unreadable: "The file could not be read.", "无法读取该文件。";
    line: "Line {}", "第 {} 行";
    prob_empty: "the file is empty", "文件是空的";
    prob_no_rows: "the file has a header but no rows", "文件只有表头，没有数据行";
    prob_not_utf8: "the file is not UTF-8 text; save it as “CSV UTF-8”", "文件不是 UTF-8 文本，请另存为“CSV UTF-8”";
    prob_header: "the header is “{}”; it must be “{}”", "表头是“{}”，应为“{}”";
    prob_field_count: "has {} fields; the header has {}", "有 {} 个字段，表头有 {} 个";
    prob_unclosed: "a quote is opened and never closed", "引号未闭合";
    prob_after_quote: "text follows a closing quote", "闭合引号后还有文字";
    prob_missing: "is empty", "为空";
    prob_unknown_person: "no salesperson with id “{}” in the plan", "计划中没有编号为“{}”的业务人员";
    prob_not_month: "“{}” is not a month (YYYY-MM)", "“{}”不是月份（YYYY-MM）";
    prob_outside: "{} is outside the plan's period", "{} 不在计划期内";
    prob_not_number: "“{}” is not a number", "“{}”不是数字";
    prob_negative: "“{}” is negative", "“{}”是负数";
    prob_too_large: "“{}” is too large", "“{}”太大";
    prob_duplicate: "repeats the salesperson and month of line {}", "与第 {} 行的业务人员和月份重复";
    prob_unknown_customer: "no customer with id “{}” in the archive", "档案中没有编号为“{}”的客户";
    prob_not_distributor: "“{}” is a terminal; only distributors are scored", "“{}”是零售终端，只对经销商评分";
    prob_not_whole: "“{}” is not a whole number", "“{}”不是整数";
    prob_no_figures: "has no figures; fill them in or delete the line", "没有任何数据，请填写或删除该行";
    prob_duplicate_distributor: "repeats the distributor and month of line {}", "与第 {} 行的经销商和月份重复";
    apply_refused: "Line {}: {}", "第 {} 行：{}";
    apply_problems: "The file has {} problem(s) on {} line(s); fix them or skip those lines.", "文件有 {} 个问题（{} 行），请修正或跳过这些行。";
    apply_nothing: "The file has no row that can be imported.", "文件中没有可导入的行。";
    apply_changed: "The plan changed since the file was read (line {}); read the file again.", "读取文件后计划已变化（第 {} 行），请重新读取文件。";
    err_unknown_salesperson: "no salesperson with id “{}”", "没有编号为“{}”的业务人员";
    err_unknown_region: "no region with id “{}”", "没有编号为“{}”的区域";
    err_unknown_subdistrict: "no sub-district with id “{}”", "没有编号为“{}”的分区";
    err_unknown_node: "nothing with id “{}” in the plan", "计划中没有编号为“{}”的项";
    err_unknown_customer: "no customer with id “{}”", "没有编号为“{}”的客户";
    err_not_distributor: "“{}” is not a distributor", "“{}”不是经销商";
    err_unknown_expense: "no expense number {}", "没有第 {} 条费用";
    no_people: "No salesperson matches.", "没有匹配的业务人员。";
    // Tracking.
    as_of: "As of", "截至";
    threshold: "Alert when behind pace by more than (%)", "落后进度超过（%）时预警";
    nothing_recorded: "No actuals recorded yet: type them or import a file on the Actuals page.", "尚未录入实际销售：请在“实际销售”页录入或导入。";
    tracking_title: "Completion by level", "各层级完成情况";
    deviations_title: "Deviation list (偏差)", "偏差清单";
    deviations_none: "No region, sub-district or salesperson is behind pace by more than the threshold, and no milestone is overdue.", "没有区域、分区或业务人员落后进度超过阈值，也没有逾期的进度节点。";
    shortfall: "Cumulative shortfall", "累计缺口";
    show_all: "Show all {}", "显示全部 {} 项";
    shown_of: "The first {} of {}.", "显示前 {} 项，共 {} 项。";
    action_note: "Corrective action", "纠正措施";
    milestones_title: "Overdue milestones (开发和推广进度)", "逾期的进度节点（开发和推广进度）";
    milestone: "Milestone", "进度节点";
    milestone_due: "Due", "计划完成";
    milestone_overdue: "Overdue", "逾期";
    days_overdue: "{} days", "{} 天";
    shares_title: "Market share during the year (市场占有率)", "市场占有率跟踪";
    shares_hint: "Type each region's share for the as-of month; a share that crosses a tier threshold is flagged for review.", "按所选月份填写各区域的市场占有率；跨越区域类型阈值的区域将标出，请复核策略。";
    share_planned: "Share at planning", "计划时占有率";
    share_target: "Target share", "目标占有率";
    share_in: "Share in {}", "{} 占有率";
    share_latest: "Latest", "最新";
    share_completion: "Target share reached", "目标占有率完成率";
    share_review: "Tier review", "区域类型复核";
    share_drift: "{} now {}: would be {} — review the strategy", "{}目前为 {}：应属{}，请复核策略";
    share_adopt: "Adopt {}: reason", "采用{}：理由";
    share_adopted: "{} adopted for {}", "{}已采用{}";
    milestone_done_on: "Done on", "完成日期";
    action_done: "Done", "已完成";
    // Competition.
    window_label: "Period", "期间";
    window_month: "Month", "月度";
    window_quarter: "Quarter", "季度";
    window_year: "Year", "年度";
    quarter_n: "Q{}", "第{}季度";
    company_wide: "Company-wide", "全公司";
    leaderboard_title: "Leaderboard · {} · {}", "排行榜 · {} · {}";
    // Customers.
    customers_intro: "Distributors and terminals, linked to their sub-district. Every change is kept with its date.", "经销商与零售终端，关联到所属分区。每次修改都连同日期保存。";
    distributor: "Distributor", "经销商";
    terminal: "Terminal", "零售终端";
    kind: "Kind", "类型";
    add_customer: "Add", "添加";
    new_customer_name: "Name of the new record", "新记录名称";
    unlinked: "(not linked)", "（未关联）";
    f_address: "Address", "地址";
    f_contact: "Contact", "联系人";
    f_phone: "Phone", "电话";
    f_characteristics: "Business characteristics", "经营特色";
    f_standing: "Standing and influence", "行业地位和影响力";
    f_distribution_capacity: "Distribution capacity", "分销能力";
    f_capital_strength: "Capital strength", "资金实力";
    f_credit: "Commercial credit", "商业信誉";
    f_cooperation_intent: "Willingness to cooperate", "合作意向";
    f_owner: "Salesperson", "负责业务人员";
    f_status: "Status", "客户状态";
    no_owner: "(no one)", "（未指定）";
    status_prospect: "Prospect", "潜在";
    status_developing: "Developing", "开发中";
    status_partner: "Partner", "合作";
    status_stopped: "Stopped", "停止";
    owner_filter: "Salesperson", "业务人员";
    everyone: "Everyone", "全部业务人员";
    status_filter: "Status", "客户状态";
    every_status: "Every status", "全部状态";
    pipeline: "Pipeline", "客户开发进度";
    stale_by_owner: "Stale records per salesperson", "各业务人员未按期拜访的客户";
    last_visit: "Last visit", "最近拜访";
    visited_today: "Visited today", "今日已拜访";
    never: "never", "从未";
    history: "History", "变更历史";
    history_empty: "No changes yet.", "暂无修改。";
    stale_title: "Not visited for more than {} days", "超过 {} 天未拜访";
    stale_days: "Days without a visit", "未拜访天数";
    stale_none: "Every record was visited recently.", "所有记录近期均已拜访。";
    targets_of: "Target customers of {}", "{} 的目标客户";
    targets_title: "The sub-districts' target customers", "各分区的目标客户";
    no_record: "no record yet", "尚无档案";
    create_record: "Create record", "建立档案";
    open_record: "Open", "打开";
    remove_customer: "Delete record", "删除档案";
    customer_removed: "Record “{}” deleted", "已删除档案“{}”";
    customers_none: "No records yet. Add distributors and terminals above.", "暂无档案。请在上方添加经销商和终端。";
    // Scorecard.
    scorecard_intro: "Each distributor's figures for a month give seven measures, scored 0–100 and combined with the weights below.", "每个经销商当月的数据得出七项指标，各按 0–100 打分，并按下列权重合成总分。";
    weights: "Weights", "权重";
    score: "Score", "得分";
    m_completion: "Task completion", "任务完成率";
    m_share: "Sales share", "销售比重";
    m_growth: "Volume growth", "销量增长率";
    m_profit: "Profit rate", "利润率";
    m_price: "Price discipline", "价格管理";
    m_cross: "Cross-territory", "窜货";
    m_collection: "Collection days", "回款周期";
    figures_of: "Figures for {}", "{} 的数据";
    fig_contract_volume: "Contract volume", "合同销量";
    fig_completed_volume: "Completed volume", "完成销量";
    fig_our_sales: "Our sales", "我方销售额";
    fig_category_sales: "Category sales", "品类总销售额";
    fig_last_month_sales: "Last month's sales", "上月销售额";
    fig_last_year_sales: "Same month last year", "去年同月销售额";
    fig_revenue: "Revenue", "收入";
    fig_costs: "Costs", "成本";
    fig_promotions: "Promotions", "促销费用";
    fig_rebates: "Rebates", "返利";
    fig_price_violations: "Price violations", "价格违规次数";
    fig_cross_territory: "Cross-territory incidents", "窜货次数";
    fig_collection_days: "Collection days", "回款天数";
    save_figures: "Save figures", "保存数据";
    figures_saved: "Figures saved", "数据已保存";
    no_distributors: "No distributors in the archive yet: add them on the Customer archive page.", "档案中还没有经销商：请在“客户档案”页添加。";
    score_preview_summary: "{} rows for {} distributors in {} month(s); {} replace figures already stored.", "{} 行，涉及 {} 个经销商、{} 个月；其中 {} 行将替换已有数据。";
    ranking: "Ranking", "排名";
    reason: "Why", "评分依据";
    mom: "MoM", "环比";
    yoy: "YoY", "同比";
    growth_basis: "Volume growth measured", "销量增长率口径";
    contracts_vs_target: "Distributors' contract volume {} against the sub-district's quantity target {}: {}", "经销商合同销量合计 {}，分区销量目标 {}，覆盖 {}";
    growth_yoy: "Year on year (同比)", "同比（与上年同月比）";
    growth_mom: "Month on month (环比)", "环比（与上月比）";
    no_figures: "No figures for this month yet.", "本月尚无数据。";
    // Expenses.
    expenses_intro: "A budget per region, split between distributors and terminals by the region's tier.", "每个区域一个预算，按区域类型在经销商与终端之间分配。";
    tier: "Tier", "区域类型";
    budget: "Budget", "预算";
    distributor_budget: "Distributor budget", "经销商预算";
    terminal_budget: "Terminal budget", "终端预算";
    spent: "Actual spend", "实际费用";
    variance: "Variance", "差异";
    expense_ratio: "Expense / sales", "费用率";
    total: "Total", "合计";
    record_spend: "Record spend", "记录费用";
    date: "Date", "日期";
    channel: "Channel", "渠道";
    ch_distributor: "Distributor", "经销商";
    ch_terminal: "Terminal", "终端";
    ch_publicity: "Publicity", "宣传";
    discount: "Discount %", "折扣 %";
    note: "Note", "备注";
    add: "Add", "添加";
    spend_list: "Recorded spend", "费用记录";
    no_spend: "Nothing recorded yet.", "尚无记录。";
    discount_threshold: "Flag discounts above (%)", "折扣超过（%）时标记";
    flagged: "Review", "待审核";
    reviewed: "Reviewed", "已审核";
    spend_removed: "Spend removed", "已删除费用记录";
    // The source text's method.
    budget_promotion: "Promotion", "推广费用";
    budget_salaries: "Salaries", "人员薪酬";
    budget_total: "Budget", "预算合计";
    item: "Budget item", "费用项目";
    split: "Split (distributors / terminals %)", "分配（经销商 / 终端 %）";
    split_kept: "Split kept", "实际分配";
    distributors_head: "Distributors", "经销商";
    terminals_head: "Terminals and publicity", "终端与宣传";
    terminal_and_publicity: "Terminals and publicity", "终端与宣传";
    expense_target: "Expense-ratio target (% of sales)", "费用控制指标（占销售额 %）";
    expense_target_line: "Expense-ratio target (费用控制指标): spend at most {} of sales · now {}", "费用控制指标：费用不超过销售额的 {} · 目前 {}";
    expense_target_short: "Target {}", "指标 {}";
    expense_trend: "Budget, spend and expense ratio by month", "各月预算、实际费用与费用率";
    month_by_month: "Month by month", "逐月";
    month_by_month_of: "{} · month by month", "{} · 逐月";
    sales_actual: "Sales", "销售额";
    over_target: "Above the target", "超过指标";
    // (end of method texts)
    prob_unknown_region: "no region with id “{}” in the plan", "计划中没有编号为“{}”的区域";
    prob_not_percent: "“{}” is not a share from 0 to 100%", "“{}”不是 0 到 100% 之间的占有率";
    prob_duplicate_region: "repeats the region and month of line {}", "与第 {} 行的区域和月份重复";
    file_shares_template: "market share template", "市场占有率模板";
    file_shares: "market shares", "市场占有率";
    share_preview_summary: "{} rows for {} regions in {} month(s); {} replace shares already stored.", "{} 行，涉及 {} 个区域、{} 个月；其中 {} 行将替换已有记录。";
    fig_our_volume: "Our volume", "本品销量";
    fig_category_volume: "Category volume", "同类产品总销量";
    fig_last_month_volume: "Last month's volume", "上月销量";
    fig_last_year_volume: "Same month last year (volume)", "去年同月销量";
    score_basis: "Sales share and growth on", "销售比重与增长率口径";
    score_on_volume: "Volume (销量)", "销量";
    score_on_amount: "Amount (销售额)", "销售额";
    scales: "Scales: the value that scores 0 and the value that scores 100 (linear between, flat outside)", "评分标准：得 0 分与得 100 分的数值（其间按比例，超出按端点）";
    scale_of: "{} scale", "{}评分标准";
    scale_zero: "0 points at", "0 分对应";
    scale_full: "100 points at", "100 分对应";
    scale_unit_count: "times", "次";
    scale_unit_days: "days", "天";
    scale_measure: "Measure", "考评指标";
    scale_unit: "Unit", "单位";
    score_no_volume: "⚠ No volume is typed for {}: their sales share and volume growth are scored on amount (销售额). To score everyone on amount, set “Sales share and growth on” to Amount; to score them on volume, type their volumes.", "⚠ {}未填写销量：其销售比重与销量增长率按销售额计算。如需全部按销售额计算，请将“销售比重与增长率口径”改为销售额；如需按销量计算，请补填销量。";
    score_row_on_amount: "Share and growth on amount: no volume typed", "销售比重与增长率按销售额计算（未填销量）";
    list_separator: ", ", "、";
    scale_not_rising: "the value for 100 points ({}) must be above the value for 0 points ({})", "100 分对应值（{}）必须大于 0 分对应值（{}）";
    scale_not_falling: "the value for 100 points ({}) must be below the value for 0 points ({}): fewer is better", "100 分对应值（{}）必须小于 0 分对应值（{}）：越少越好";
    scale_negative: "a count or a number of days cannot be negative", "次数或天数不能为负数";
    no_budget: "⚠ No budget is set yet: type each region's promotion and salaries in the table below.", "⚠ 尚未填写费用预算：请在下表中填写各区域的推广费用和人员薪酬。";
    // Correction that re-plans (纠偏).
    respread: "Re-spread…", "重新分摊…";
    respread_title: "Re-spread the gap of {}", "重新分摊{}的缺口";
    respread_explain: "A new scenario, a copy of the adopted one, in which {}'s monthly {} targets through {} become what was achieved ({}) and the months after carry the gap of {}. Its year stays {}; every level still adds up. Compare it with the adopted scenario and adopt it if the workshop agrees.", "新方案复制自采用方案：{}的{}月度指标在 {} 及以前各月改为实际完成（{}），之后各月承担缺口 {}。全年指标仍为 {}，各级合计不变。可与采用方案对比，讨论通过后采用。";
    respread_ahead: "Ahead of pace: the months after are lowered, none below zero.", "进度领先：之后各月相应调低，不低于零。";
    respread_even_short: "evenly", "平均分摊";
    respread_seasonal_short: "by seasonality", "按季节性";
    respread_column: "Correction", "纠偏";
    respread_how: "Spread the gap", "缺口分摊方式";
    respread_even: "Evenly over the remaining months", "平均分摊到剩余各月";
    respread_seasonal: "By seasonality", "按季节性比例分摊";
    respread_reason: "Reason (logged)", "原因（记入变更记录）";
    respread_reason_default: "{} behind pace as of {}: gap {}", "{}截至 {} 落后进度，缺口 {}";
    respread_name: "Correction: {} {}", "纠偏：{} {}";
    respread_title_collections: "Re-spread the uncollected balance of {}", "重新分摊{}的回款缺口";
    respread_name_collections: "Collections correction: {} {}", "回款纠偏：{} {}";
    respread_reason_collections: "{} behind on collections as of {}: {} uncollected", "{}截至 {} 回款落后进度，缺口 {}";
    respread_scenario_name: "Scenario name", "方案名称";
    respread_create: "Create the scenario", "生成新方案";
    respread_created: "Scenario “{}” created. Compare it with the adopted one under Plan → Compare.", "已生成方案“{}”，可在“计划 → 对比”中与采用方案对比。";
    respread_compare: "Compare with the adopted scenario", "与采用方案对比";
    log_respread: "New scenario “{}”: {}'s {} after {} carry the gap of {} ({})", "新增方案“{}”：{}的{}在 {} 之后承担缺口 {}（{}）";
    err_respread_nothing: "Nothing is recorded yet, so there is no gap to re-spread.", "尚无实际数据，没有可分摊的缺口。";
    err_respread_no_month: "No month is left after {} to carry the gap.", "{} 之后已无月份可承担缺口。";
    err_respread_outside: "{} is not a month of the plan's period.", "{} 不在计划期内。";
    err_respread_count: "The re-spread holds {} months of actuals; {} are needed.", "纠偏记录了 {} 个月的实际数据，应为 {} 个月。";
    err_respread_negative: "The actual of month {} is negative.", "第 {} 个月的实际数据为负数。";
    err_respread_no_collections: "The adopted scenario sets no collections target, so there are no collections to re-spread.", "采用方案未设回款目标，没有可分摊的回款缺口。";
}

/// The catalogue of a language.
pub fn exec_text(lang: Lang) -> &'static ExecText {
    match lang {
        Lang::Zh => &EXEC_ZH,
        Lang::En => &EXEC_EN,
    }
}

impl ExecText {
    /// Why a re-spread was refused, in this language.
    pub fn respread_error(&self, e: &crate::core::respread::RespreadError) -> String {
        use crate::core::respread::RespreadError as R;
        match e {
            R::UnknownNode(id) => fill(self.err_unknown_node, &[id]),
            R::NothingRecorded => self.err_respread_nothing.to_string(),
            R::OutsidePeriod(m) => fill(self.err_respread_outside, &[&m.to_string()]),
            R::NoMonthLeft(m) => fill(self.err_respread_no_month, &[&m.to_string()]),
            R::AchievedCount { expected, found } => fill(
                self.err_respread_count,
                &[&found.to_string(), &expected.to_string()],
            ),
            R::NegativeAchieved(k) => fill(self.err_respread_negative, &[&(k + 1).to_string()]),
            R::Reason(e) => self.field_error(e),
            R::NoCollectionsTarget => self.err_respread_no_collections.to_string(),
        }
    }

    /// Why a typed value is refused, in this language.
    pub fn field_error(&self, e: &FieldError) -> String {
        match e {
            FieldError::Empty => self.err_empty.to_string(),
            FieldError::NotANumber(s) => fill(self.err_not_a_number, &[s]),
            FieldError::Negative => self.err_negative.to_string(),
            FieldError::PercentRange => self.err_percent_range.to_string(),
            FieldError::ScoreRange(low, high) => {
                fill(self.err_score_range, &[&low.to_string(), &high.to_string()])
            }
            FieldError::NotADate(s) => fill(self.err_not_a_date, &[s]),
            FieldError::NotAWholeNumber(s) => fill(self.err_not_whole, &[s]),
            FieldError::TooLarge => self.err_too_large.to_string(),
            FieldError::Grouping(s) => fill(self.err_grouping, &[s]),
            FieldError::Ambiguous(s) => fill(self.err_ambiguous, &[s]),
            FieldError::NotPositive => self.err_not_positive.to_string(),
            FieldError::TooLong(n) => fill(self.err_too_long, &[&n.to_string()]),
            FieldError::ReasonRequired => self.err_reason_required.to_string(),
            FieldError::ControlCharacter(c) => {
                fill(self.err_control_char, &[&format!("U+{:04X}", *c as u32)])
            }
        }
    }

    pub fn tier(&self, tier: Tier) -> &'static str {
        match tier {
            Tier::BaseCamp => self.tier_base_camp,
            Tier::Stronghold => self.tier_stronghold,
            Tier::Contested => self.tier_contested,
            Tier::Guerrilla => self.tier_guerrilla,
        }
    }

    /// A line of an import file and what is wrong with it.
    pub fn problem<C: FileColumn>(&self, p: &LineProblem<C>) -> String {
        let line = p.line.to_string();
        let kind = self.problem_kind(&p.kind);
        match p.column {
            Some(c) => fill(
                self.line_column_problem,
                &[&line, &self.column_name(c.key()), &kind],
            ),
            None => fill(self.line_problem, &[&line, &kind]),
        }
    }

    /// A file column as a message names it: in English its key, as the file's header spells
    /// it; in Chinese its label from the template's second line.
    pub fn column_name(&self, key: &str) -> String {
        use crate::core::execution::{
            ACTUALS_HEADER, ACTUALS_LABELS, SCORE_HEADER, SCORE_LABELS, SHARE_HEADER, SHARE_LABELS,
        };
        if self.line == EXEC_EN.line {
            return key.to_string();
        }
        [
            (ACTUALS_HEADER, ACTUALS_LABELS[0]),
            (SCORE_HEADER, SCORE_LABELS[0]),
            (SHARE_HEADER, SHARE_LABELS[0]),
        ]
        .iter()
        .find_map(|(header, labels)| {
            let at = header.split(',').position(|k| k == key)?;
            labels.split(',').nth(at)
        })
        .unwrap_or(key)
        .to_string()
    }

    pub fn problem_kind(&self, k: &ProblemKind) -> String {
        match k {
            ProblemKind::Empty => self.prob_empty.into(),
            ProblemKind::NoRows => self.prob_no_rows.into(),
            ProblemKind::NotUtf8 => self.prob_not_utf8.into(),
            ProblemKind::WrongHeader { found, expected } => {
                fill(self.prob_header, &[found, expected])
            }
            ProblemKind::FieldCount { found, expected } => fill(
                self.prob_field_count,
                &[&found.to_string(), &expected.to_string()],
            ),
            ProblemKind::UnclosedQuote => self.prob_unclosed.into(),
            ProblemKind::TextAfterQuote => self.prob_after_quote.into(),
            ProblemKind::Missing => self.prob_missing.into(),
            ProblemKind::UnknownSalesperson(id) => fill(self.prob_unknown_person, &[id]),
            ProblemKind::NotAMonth(s) => fill(self.prob_not_month, &[s]),
            ProblemKind::MonthOutsidePeriod(m) => fill(self.prob_outside, &[&m.to_string()]),
            ProblemKind::NotANumber(s) => fill(self.prob_not_number, &[s]),
            ProblemKind::Negative(s) => fill(self.prob_negative, &[s]),
            ProblemKind::TooLarge(s) => fill(self.prob_too_large, &[s]),
            ProblemKind::Duplicate { first_line } => {
                fill(self.prob_duplicate, &[&first_line.to_string()])
            }
            ProblemKind::UnknownCustomer(id) => fill(self.prob_unknown_customer, &[id]),
            ProblemKind::NotADistributor(id) => fill(self.prob_not_distributor, &[id]),
            ProblemKind::NotAWholeNumber(s) => fill(self.prob_not_whole, &[s]),
            ProblemKind::NoFigures => self.prob_no_figures.into(),
            ProblemKind::DuplicateDistributor { first_line } => {
                fill(self.prob_duplicate_distributor, &[&first_line.to_string()])
            }
            ProblemKind::UnknownRegion(id) => fill(self.prob_unknown_region, &[id]),
            ProblemKind::NotAPercent(s) => fill(self.prob_not_percent, &[s]),
            ProblemKind::DuplicateRegion { first_line } => {
                fill(self.prob_duplicate_region, &[&first_line.to_string()])
            }
        }
    }

    pub fn apply_error(&self, e: &ApplyError) -> String {
        match e {
            ApplyError::HasProblems { problems, lines } => fill(
                self.apply_problems,
                &[&problems.to_string(), &lines.to_string()],
            ),
            ApplyError::NothingToImport => self.apply_nothing.into(),
            ApplyError::PlanChanged { line } => fill(self.apply_changed, &[&line.to_string()]),
            ApplyError::Refused { line, error } => fill(
                self.apply_refused,
                &[&line.to_string(), &self.edit_error(error)],
            ),
        }
    }

    /// Why an edit was refused, naming the field in this language.
    /// Why a scorecard scale is refused.
    pub fn scale_error(&self, e: &crate::core::execution::ScaleError) -> String {
        use crate::core::execution::ScaleError as S;
        let n = |d: &rust_decimal::Decimal| d.normalize().to_string();
        match e {
            S::NotRising { zero, full } => fill(self.scale_not_rising, &[&n(full), &n(zero)]),
            S::NotFalling { zero, full } => fill(self.scale_not_falling, &[&n(full), &n(zero)]),
            S::Negative => self.scale_negative.to_string(),
            S::TooLarge => self.err_too_large.to_string(),
        }
    }

    pub fn edit_error(&self, e: &EditError) -> String {
        match e {
            EditError::UnknownSalesperson(id) => fill(self.err_unknown_salesperson, &[id]),
            EditError::UnknownRegion(id) => fill(self.err_unknown_region, &[id]),
            EditError::UnknownSubdistrict(id) => fill(self.err_unknown_subdistrict, &[id]),
            EditError::UnknownNode(id) => fill(self.err_unknown_node, &[id]),
            EditError::UnknownCustomer(id) => fill(self.err_unknown_customer, &[id]),
            EditError::NotADistributor(id) => fill(self.err_not_distributor, &[id]),
            EditError::MonthOutsidePeriod(m) => fill(self.prob_outside, &[&m.to_string()]),
            EditError::UnknownExpense(n) => fill(self.err_unknown_expense, &[&(n + 1).to_string()]),
            EditError::Field { field, error } => {
                format!("{}: {}", self.field_label(field), self.field_error(error))
            }
            EditError::Scale { measure, error } => {
                let name = crate::view::exec::scorecard::measure_name(self, *measure);
                format!(
                    "{} · {}",
                    fill(self.scale_of, &[name]),
                    self.scale_error(error)
                )
            }
        }
    }

    /// A field named by its JSON key, in this language (the key itself when unknown).
    pub fn field_label<'a>(&self, key: &'a str) -> &'a str
    where
        Self: 'a,
    {
        match key {
            "amount" => self.amount,
            "quantity" => self.quantity,
            "collections" => self.collections,
            "name" => self.name,
            "address" => self.f_address,
            "contact" => self.f_contact,
            "phone" => self.f_phone,
            "characteristics" => self.f_characteristics,
            "standing" => self.f_standing,
            "distribution_capacity" => self.f_distribution_capacity,
            "capital_strength" => self.f_capital_strength,
            "credit" => self.f_credit,
            "cooperation_intent" => self.f_cooperation_intent,
            "last_visit" => self.last_visit,
            "owner" => self.f_owner,
            "status" => self.f_status,
            "note" => self.note,
            "budget" => self.budget,
            "discount_percent" => self.discount,
            "date" => self.date,
            "contract_volume" => self.fig_contract_volume,
            "completed_volume" => self.fig_completed_volume,
            "our_sales" => self.fig_our_sales,
            "category_sales" => self.fig_category_sales,
            "last_month_sales" => self.fig_last_month_sales,
            "last_year_sales" => self.fig_last_year_sales,
            "revenue" => self.fig_revenue,
            "costs" => self.fig_costs,
            "promotions" => self.fig_promotions,
            "rebates" => self.fig_rebates,
            "collection_days" => self.fig_collection_days,
            "price_violations" => self.fig_price_violations,
            "cross_territory" => self.fig_cross_territory,
            "our_volume" => self.fig_our_volume,
            "category_volume" => self.fig_category_volume,
            "last_month_volume" => self.fig_last_month_volume,
            "last_year_volume" => self.fig_last_year_volume,
            "threshold" => self.threshold,
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Symbols that read the same in both languages.
    const SAME_IN_BOTH: &[&str] = &["none_dash"];

    #[test]
    fn every_entry_is_translated_with_the_same_placeholders() {
        for ((key, e), (_, z)) in EXEC_EN.entries().iter().zip(&EXEC_ZH.entries()) {
            assert!(
                !e.trim().is_empty() && !z.trim().is_empty(),
                "`{key}` is empty"
            );
            if !SAME_IN_BOTH.contains(key) {
                assert_ne!(e, z, "`{key}` is not translated");
            }
            assert_eq!(
                e.matches("{}").count(),
                z.matches("{}").count(),
                "placeholders of `{key}`"
            );
        }
    }

    /// The execution pages carry their own copy of the field messages and tier names (so their
    /// wasm does without the planner's catalogue); they read the same as the planner's.
    #[test]
    fn field_messages_and_tier_names_read_as_in_the_planner() {
        use crate::core::field::FieldError as F;
        use crate::i18n::{EN, ZH};
        let errors = [
            F::Empty,
            F::NotANumber("x".into()),
            F::Negative,
            F::PercentRange,
            F::ScoreRange(1, 5),
            F::NotADate("x".into()),
            F::NotAWholeNumber("x".into()),
            F::TooLarge,
            F::NotPositive,
            F::TooLong(9),
        ];
        for (exec, planner) in [(&EXEC_EN, &EN), (&EXEC_ZH, &ZH)] {
            for e in &errors {
                assert_eq!(exec.field_error(e), planner.field_error(e));
            }
            for tier in Tier::ALL {
                assert_eq!(exec.tier(tier), planner.tier(tier));
            }
            assert_eq!(exec.app_title, planner.app_title);
        }
    }

    #[test]
    fn every_field_a_page_shows_has_a_label() {
        use crate::core::execution::{CustomerField, Figure};
        let keys = crate::view::exec::scorecard::FIGURE_KEYS
            .into_iter()
            .chain(Figure::ALL.map(Figure::key))
            .chain(CustomerField::ALL.map(CustomerField::key))
            .filter(|k| !["kind", "subdistrict"].contains(k));
        for key in keys {
            for t in [&EXEC_EN, &EXEC_ZH] {
                assert_ne!(t.field_label(key), key, "no label for `{key}`");
            }
        }
    }

    #[test]
    fn import_problems_read_in_both_languages() {
        let p = LineProblem {
            line: 3,
            column: Some(crate::core::execution::Column::Amount),
            kind: ProblemKind::NotANumber("abc".into()),
        };
        assert_eq!(EXEC_EN.problem(&p), "Line 3, amount: “abc” is not a number");
        assert_eq!(EXEC_ZH.problem(&p), "第 3 行，销售额：“abc”不是数字");
        let whole_line = LineProblem::<crate::core::execution::Column> {
            line: 4,
            column: None,
            kind: ProblemKind::Missing,
        };
        assert!(EXEC_ZH.problem(&whole_line).starts_with("第 4 行："));
        let score = LineProblem {
            line: 2,
            column: Some(crate::core::execution::ScoreColumn::CrossTerritory),
            kind: ProblemKind::NotAWholeNumber("1.5".into()),
        };
        assert!(EXEC_ZH.problem(&score).starts_with("第 2 行，窜货次数："));
        let e = EditError::Field {
            field: "amount",
            error: crate::core::field::FieldError::Negative,
        };
        assert!(EXEC_ZH.edit_error(&e).starts_with("金额: "));
    }
}
