//! Every word the product shows, one catalogue per language. A catalogue is a struct, so a key
//! missing in either language does not compile; `tests` also checks no entry is left empty.

mod breakdown;
mod en;
pub mod exec;
pub mod merge;
mod read_errors;
mod zh;

use crate::core::field::FieldError;
use crate::core::format::ReadError;
pub use crate::core::lang::Lang;

pub use en::EN;
pub use zh::ZH;

/// Declares the catalogue struct and a listing of its entries (for the completeness test).
macro_rules! catalogue_keys {
    ($($key:ident),* $(,)?) => {
        /// The catalogue of one language.
        pub struct Catalogue {
            $(pub $key: &'static str,)*
        }

        impl Catalogue {
            /// Every (key, text) pair, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

catalogue_keys! {
    app_title,
    app_subtitle,
    language_name,
    switch_language,

    // Plans.
    plan,
    plans,
    new_plan,
    new_plan_name,
    baseline_scenario,
    new_plan_title,
    new_plan_company,
    new_plan_create,
    duplicate_plan,
    copy_suffix,
    rename_plan,
    delete_plan,
    confirm_delete_plan,
    plan_deleted,
    undo,
    redo,
    cancel,
    delete,
    ok,
    close,
    export_json,
    import_json,
    imported_plan,
    import_failed,
    import_conflict,
    import_as_copy,
    import_replace,
    replaced_plan,
    restore_backup,
    backup_restored,
    drop_here,
    export_csv,
    share_link,
    share_title,
    share_explain,
    share_offline,
    share_offline_file,
    share_copy,
    share_copied,
    share_too_large,
    share_offer,
    share_import,
    share_bad,
    share_no_plan,
    share_bad_char,
    share_truncated,
    share_bad_compression,
    share_too_big,
    share_too_long,
    share_not_text,
    share_unsupported,
    sample_plan_name,

    // Views.
    view_territory,
    view_tiers,
    view_breakdown,
    view_scenarios,
    view_compare,
    view_print,
    view_execution,
    open_archive,
    plan_reloaded,
    view_log,
    log_search,
    log_empty,
    log_when,
    log_what,
    log_reason,
    log_reason_hint,
    log_restore,
    log_no_match,
    log_unrestorable,
    log_not_restorable,
    log_restored,
    log_cannot_restore,
    log_added,
    log_moved,
    log_undone,
    log_adopted,
    present,
    present_hint,
    slide_tiers,
    slide_regions,
    slide_monthly,
    slide_compare,
    slide_compare_month,
    slide_of,
    slide_tier_regions,
    slide_tier_region,
    slide_prev,
    slide_next,
    doc_title,
    doc_goals,
    doc_market,
    doc_tiers,
    doc_targets_region,
    doc_targets_sub,
    doc_targets_people,
    doc_schedule,
    doc_budget,
    doc_team,
    doc_training,
    doc_review,
    doc_rewards,
    doc_risks,
    doc_review_line,
    doc_rewards_line,
    doc_risks_prompt,
    doc_incentives_prompt,
    doc_training_prompt,
    doc_strategy,
    doc_to_write,
    doc_headline,
    doc_targets_line,
    doc_collections,
    doc_no_breakdown,
    doc_spend_note,
    doc_budget_target,
    doc_budget_promotion,
    doc_budget_salaries,
    doc_budget_total,
    doc_budget_distributors,
    doc_budget_terminals,
    doc_budget_sum,
    doc_budget_within,
    doc_budget_over,
    doc_budget_none,
    doc_budget_some_missing,
    doc_print,
    doc_edit_hint,
    doc_rows_shown,
    doc_show_all,
    doc_scope_label,
    doc_all_regions,
    doc_one_region_note,
    doc_scope_line,
    doc_scope_section,
    slide_cover,
    slide_adopted,
    slide_counts,
    slide_region_title,
    slide_region_entry,
    slide_completion,
    slide_leaderboard,
    slide_as_of,
    slide_top,
    slide_no_target,
    slide_no_quantity,
    slide_no_people,
    slide_zero_people,
    slide_year_total,
    slide_menu,
    slide_menu_hint,
    slide_menu_close,
    slide_show,
    doc_left_out,
    doc_print_anyway,
    doc_amount_line,
    doc_no_targets,
    doc_terminal_spend,
    doc_zero_mark,
    note_goals,
    note_market,
    note_strategy,
    note_risks,
    note_incentives,
    note_training,
    note_review,
    note_rewards,
    compare_pick,
    compare_need_two,
    compare_span,
    compare_year,
    compare_months_hint,
    compare_diff,
    compare_movers,
    compare_tier_changed,
    compare_error,
    scenario,
    new_scenario,
    new_scenario_name,
    duplicate_scenario,
    rename_scenario,
    delete_scenario,
    confirm_delete_scenario,
    scenario_deleted,
    last_scenario,
    adopt,
    adopted,
    scenario_name,

    // Tree.
    territory,
    company,
    region,
    regions,
    subdistrict,
    subdistricts,
    salesperson,
    salespeople,
    add_region,
    add_subdistrict,
    add_salesperson,
    new_region_name,
    new_subdistrict_name,
    new_salesperson_name,
    move_up,
    move_down,
    move_to,
    delete_node,
    node_deleted,
    expand,
    collapse,
    expand_all,
    collapse_all,
    tree_help,
    sample_note,
    sample_start,
    tree_add_hint,

    // Plan fields.
    plan_name,
    company_name,
    currency,
    period,
    period_start,
    period_year,
    period_half_year,
    period_quarter,
    amount_target,
    quantity_target,
    collections_target,
    targets_of_scenario,

    // Region fields.
    name,
    manager,
    market_share,
    active_customers,
    last_amount,
    last_quantity,
    notes,

    // Sub-district fields.
    factors,
    factor_admin_division,
    factor_population,
    factor_consumption,
    factor_transport,
    factor_customer_distribution,
    factor_policy_investment,
    factor_scale_admin_division,
    factor_scale_population,
    factor_scale_consumption,
    factor_scale_transport,
    factor_scale_customer_distribution,
    factor_scale_policy_investment,
    factors_scale_note,
    target_share,
    milestones,
    milestone_date,
    milestone_title,
    milestone_done,
    add_milestone,
    new_milestone_title,
    remove,
    target_distributors,
    target_terminals,
    add_distributor,
    add_terminal,
    new_distributor_name,
    new_terminal_name,

    // Salesperson fields.
    role,

    // Tiers.
    tier_base_camp,
    tier_stronghold,
    tier_contested,
    tier_guerrilla,
    measure_amount,
    measure_quantity,
    method_even,
    method_weighted,
    method_history,
    method_manual,
    month_names,
    node_label,
    company_targets,
    amount_unit,
    quantity_unit,
    methods,
    split_regions,
    split_subdistricts,
    split_salespeople,
    tier_multiplier_on,
    factor_weights,
    seasonality,
    seasonality_total,
    season_even,
    x_months_even,
    flat_profile,
    col_year,
    people_table_button,
    people_table_file,
    people_table_total,
    people_table_level,
    errors_title,
    showing_last_good,
    warnings_title,
    why_title,
    lock,
    unlock,
    locked,
    lock_at,
    manual_value,
    x_method,
    x_weight,
    x_base_weight,
    x_share,
    x_parent,
    x_locked_siblings,
    x_remaining,
    x_exact,
    x_rounded,
    x_rounding,
    x_even_fallback,
    x_zero,
    zero_with_people,
    zero_alone,
    zero_both,
    zero_cause_history,
    zero_cause_index,
    zero_cause_manual,
    zero_cause_multiplier,
    zero_cause_locked,
    zero_cause_siblings_locked,
    zero_cause_below_unit,
    zero_fix_even,
    zero_fix_unlock,
    zero_show,
    x_tier,
    x_multiplier_applied,
    x_multiplier_off,
    x_factors,
    x_value,
    x_total,
    x_contribution,
    x_months,
    x_season,
    x_basis_target,
    x_basis_locked,
    x_unit,
    x_basis,
    x_parent_short,
    x_exact_short,
    x_rounding_short,
    thresholds_summary,
    select_to_explain,
    tier_board,
    thresholds,
    threshold_base_camp,
    threshold_stronghold,
    threshold_floor,
    rule_base_camp,
    rule_stronghold,
    rule_contested,
    rule_guerrilla,
    strategy_base_camp,
    strategy_stronghold,
    strategy_contested,
    strategy_guerrilla,
    investment_base_camp,
    investment_stronghold,
    investment_contested,
    investment_guerrilla,
    channel_base_camp,
    channel_stronghold,
    channel_contested,
    channel_guerrilla,
    investment,
    channel,
    spend_split,
    distributor_spend,
    share_goal,
    multiplier,
    no_regions_in_tier,
    customers_short,
    tier_by_rule,
    override_tier,
    override_reason,
    overridden,
    reason_required,

    // The source text's method: budgets, execution follow-up, document sections.
    period_label_year,
    period_label_quarter,
    period_label_span,
    override_note,
    in_parens,
    err_base_camp_order,
    err_stronghold_order,
    bdw_share_without_customers,
    inconsistent_share,
    // (end of method keys)

    // Storage.
    broken_entry,
    download_raw,
    delete_broken,
    confirm_delete_broken,
    storage_full,
    storage_unavailable,
    saved,
    storage_full_short,
    versions_button,
    versions_title,
    versions_total,
    versions_note,
    versions_none,
    versions_when,
    versions_why,
    versions_size,
    versions_plan,
    why_replace,
    why_delete,
    why_restore,
    version_restore,
    version_download,
    version_restored,
    storage_use,
    storage_persisted,
    storage_not_persisted,
    keep_failed,
    plan_not_made,
    cannot_open,
    plan_gone,
    plan_gone_keep,
    plan_gone_drop,
    collision,
    keep_mine,
    keep_theirs,
    taken_in,
    opening_library,
    library_unavailable,

    // Field errors; `{}` is replaced by the offending text or limit.
    err_empty,
    err_not_found,
    err_no_entry,
    err_not_a_number,
    err_negative,
    err_percent_range,
    err_score_range,
    err_not_a_date,
    err_not_whole,
    err_too_large,
    err_grouping,
    err_ambiguous,
    err_not_positive,
    err_too_long,
    err_control_char,
    err_read_not_json,
    err_read_wrong_shape,
    err_read_future_version,
    err_read_invalid,
    err_read_too_large,
    err_read_too_deep,
    json_eof,
    json_expected_value,
    json_expected_punct,
    json_key_string,
    json_trailing,
    json_number,
    json_string,
    json_missing_field,
    json_unknown_field,
    json_wrong_type,
    json_unknown_variant,
    json_other,
    issue_duplicate_id,
    issue_unknown_id,
    issue_no_scenario,
    issue_month_count,
    issue_version,
    bd_unit_not_positive,
    bd_negative_target,
    bd_target_not_multiple,
    bd_too_many_units,
    bd_season_count,
    bd_season_missing,
    bd_season_negative,
    bd_season_total,
    bd_method_not_allowed,
    bd_negative_factor_weight,
    bd_negative_factor,
    bd_negative_history,
    bd_negative_manual,
    bd_negative_multiplier,
    bd_weight_too_large,
    bd_negative_lock,
    bd_lock_not_multiple,
    bd_lock_too_large,
    bd_locks_exceed,
    bd_locks_do_not_add_up,
    bd_rounding_failed,
    bdw_zero_weights,
    bdw_manual_sum,
    bdw_no_children,
    bdw_unknown_node,
    bdw_pinned_lock,
    bdw_pinned_manual,
    bdw_duplicate_id,
    bdw_respread_ignored,
    x_respread,
    x_respread_own,
    x_respread_below,
    x_respread_planned,
    x_respread_change,
    x_respread_even,
    x_respread_seasonal,
    x_respread_stopped,
    x_respread_ahead_year,
    x_respread_even_fallback,
    x_collections_respread,
    x_collections_respread_own,
    x_collections_respread_below,
    compare_collections_hint,
    compare_collections_error,
}

/// The catalogue for a language.
pub fn catalogue(lang: Lang) -> &'static Catalogue {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A count with thousands separators (`1,400,006`), as both languages write long counts.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Replaces each `{}` in a template with the next argument.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

impl Catalogue {
    /// The language of this catalogue.
    pub fn lang(&self) -> Lang {
        if std::ptr::eq(self, &ZH) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Why an edit was refused, in this language.
    pub fn edit_error(&self, e: &crate::core::edit::EditError) -> String {
        use crate::core::edit::EditError as E;
        use crate::core::scenario_list::ScenarioError;
        let x = exec::exec_text(self.lang());
        match e {
            E::Field(e) => self.field_error(e),
            E::UnknownScenario(id) | E::Scenario(ScenarioError::NotFound(id)) => {
                fill(self.err_not_found, &[id])
            }
            E::Tree(crate::core::tree::TreeError::NotFound(id))
            | E::Tree(crate::core::tree::TreeError::WrongParent(id)) => {
                fill(self.err_not_found, &[id])
            }
            E::Scenario(ScenarioError::LastScenario) => self.last_scenario.to_string(),
            E::Execution(e) => x.edit_error(e),
            E::Import(e) => x.apply_error(e),
            E::NoEntry(i) => fill(self.err_no_entry, &[&(i + 1).to_string()]),
            E::Thresholds(e) => self.threshold_order(e),
            E::Respread(e) => x.respread_error(e),
        }
    }

    /// Why tier thresholds are out of order, in this language.
    pub fn threshold_order(&self, e: &crate::core::tier::ThresholdOrder) -> String {
        use crate::core::tier::ThresholdOrder as O;
        let n = |d: &rust_decimal::Decimal| d.normalize().to_string();
        match e {
            O::BaseCampNotAboveStronghold {
                base_camp,
                stronghold,
            } => fill(self.err_base_camp_order, &[&n(base_camp), &n(stronghold)]),
            O::StrongholdNotAboveFloor { stronghold, floor } => {
                fill(self.err_stronghold_order, &[&n(stronghold), &n(floor)])
            }
        }
    }

    /// A field error in this language.
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
            FieldError::ReasonRequired => self.reason_required.to_string(),
            FieldError::ControlCharacter(c) => {
                fill(self.err_control_char, &[&format!("U+{:04X}", *c as u32)])
            }
        }
    }

    /// Why a stored or imported text could not be read, in this language.
    pub fn read_error(&self, e: &ReadError) -> String {
        match e {
            ReadError::NotJson {
                line,
                column,
                reason,
            } => fill(
                self.err_read_not_json,
                &[
                    &line.to_string(),
                    &column.to_string(),
                    &self.json_reason(reason),
                ],
            ),
            ReadError::WrongShape {
                line,
                column,
                reason,
            } => fill(
                self.err_read_wrong_shape,
                &[
                    &line.to_string(),
                    &column.to_string(),
                    &self.json_reason(reason),
                ],
            ),
            ReadError::FutureVersion { found } => fill(
                self.err_read_future_version,
                &[
                    &found.to_string(),
                    &crate::core::model::FORMAT_VERSION.to_string(),
                ],
            ),
            ReadError::Invalid(problems) => {
                let first = problems
                    .first()
                    .map(|p| self.problem_text(p))
                    .unwrap_or_default();
                fill(
                    self.err_read_invalid,
                    &[&problems.len().to_string(), &first],
                )
            }
            ReadError::TooLarge { bytes, limit } => {
                // Whole megabytes, rounded up: a file over the limit never reads as equal to it.
                let mb = |b: &usize| b.div_ceil(1024 * 1024).to_string();
                fill(self.err_read_too_large, &[&mb(bytes), &mb(limit)])
            }
            ReadError::TooDeep {
                line,
                column,
                limit,
            } => fill(
                self.err_read_too_deep,
                &[&limit.to_string(), &line.to_string(), &column.to_string()],
            ),
        }
    }

    /// Why a share link could not be opened, in this language.
    pub fn share_error(&self, e: &crate::core::share_link::ShareError) -> String {
        use crate::core::share_link::ShareError as S;
        let reason = match e {
            S::NoPlan => self.share_no_plan.to_string(),
            S::BadCharacter { position, found } => fill(
                self.share_bad_char,
                &[&position.to_string(), &found.to_string()],
            ),
            S::Truncated => self.share_truncated.to_string(),
            S::BadCompression => self.share_bad_compression.to_string(),
            S::TooLarge { limit } => {
                fill(self.share_too_big, &[&(limit / (1024 * 1024)).to_string()])
            }
            S::TooLong { chars, limit } => fill(
                self.share_too_long,
                &[&group_thousands(*chars), &group_thousands(*limit)],
            ),
            S::NotText => self.share_not_text.to_string(),
            S::Plan(e) => self.read_error(e),
        };
        fill(self.share_bad, &[&reason])
    }

    pub fn tier(&self, tier: crate::core::tier::Tier) -> &'static str {
        use crate::core::tier::Tier;
        match tier {
            Tier::BaseCamp => self.tier_base_camp,
            Tier::Stronghold => self.tier_stronghold,
            Tier::Contested => self.tier_contested,
            Tier::Guerrilla => self.tier_guerrilla,
        }
    }

    /// The source's strategy for a tier.
    pub fn strategy(&self, tier: crate::core::tier::Tier) -> &'static str {
        use crate::core::tier::Tier;
        match tier {
            Tier::BaseCamp => self.strategy_base_camp,
            Tier::Stronghold => self.strategy_stronghold,
            Tier::Contested => self.strategy_contested,
            Tier::Guerrilla => self.strategy_guerrilla,
        }
    }

    pub fn investment(&self, tier: crate::core::tier::Tier) -> &'static str {
        use crate::core::tier::Tier;
        match tier {
            Tier::BaseCamp => self.investment_base_camp,
            Tier::Stronghold => self.investment_stronghold,
            Tier::Contested => self.investment_contested,
            Tier::Guerrilla => self.investment_guerrilla,
        }
    }

    pub fn channel(&self, tier: crate::core::tier::Tier) -> &'static str {
        use crate::core::tier::Tier;
        match tier {
            Tier::BaseCamp => self.channel_base_camp,
            Tier::Stronghold => self.channel_stronghold,
            Tier::Contested => self.channel_contested,
            Tier::Guerrilla => self.channel_guerrilla,
        }
    }

    /// A factor's scale: a score's range and what its ends mean, or a figure's unit.
    pub fn factor_scale(&self, f: crate::core::model::Factor) -> &'static str {
        use crate::core::model::Factor;
        match f {
            Factor::AdminDivision => self.factor_scale_admin_division,
            Factor::Population => self.factor_scale_population,
            Factor::Consumption => self.factor_scale_consumption,
            Factor::Transport => self.factor_scale_transport,
            Factor::CustomerDistribution => self.factor_scale_customer_distribution,
            Factor::PolicyInvestment => self.factor_scale_policy_investment,
        }
    }

    pub fn factor(&self, f: crate::core::model::Factor) -> &'static str {
        use crate::core::model::Factor;
        match f {
            Factor::AdminDivision => self.factor_admin_division,
            Factor::Population => self.factor_population,
            Factor::Consumption => self.factor_consumption,
            Factor::Transport => self.factor_transport,
            Factor::CustomerDistribution => self.factor_customer_distribution,
            Factor::PolicyInvestment => self.factor_policy_investment,
        }
    }

    pub fn period_kind(&self, k: crate::core::period::PeriodKind) -> &'static str {
        use crate::core::period::PeriodKind;
        match k {
            PeriodKind::Year => self.period_year,
            PeriodKind::HalfYear => self.period_half_year,
            PeriodKind::Quarter => self.period_quarter,
        }
    }
}

#[cfg(test)]
mod tests;
