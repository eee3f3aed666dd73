//! The tier board as HTML: thresholds, and the four tiers side by side with their regions,
//! strategy, spend split, policy and each region's override with its written reason.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::form::{Control, FieldErrors, FormField, fields_html, push_field};
use super::html::{push_element, push_escaped};
use super::numbers::percent;
use crate::core::model::Plan;
use crate::core::scenario::Scenario;
use crate::core::tier::Tier;
use crate::i18n::{Catalogue, fill};

pub fn tier_board_html(t: &Catalogue, plan: &Plan, s: &Scenario, errors: &FieldErrors) -> String {
    let th = &s.thresholds;
    // Folded to one line: the board is what a workshop looks at.
    let mut out = String::from("<details class=\"card thresholds\" id=\"thresholds\"><summary>");
    push_escaped(
        &mut out,
        &fill(
            t.thresholds_summary,
            &[
                &th.base_camp.to_string(),
                &th.stronghold.to_string(),
                &th.guerrilla_floor.to_string(),
            ],
        ),
    );
    out.push_str("</summary>");
    out.push_str(&fields_html(
        &[
            FormField::new(
                "sc.threshold|base_camp",
                t.threshold_base_camp,
                th.base_camp.to_string(),
                Control::Number,
            )
            .id("threshold-base-camp"),
            FormField::new(
                "sc.threshold|stronghold",
                t.threshold_stronghold,
                th.stronghold.to_string(),
                Control::Number,
            )
            .id("threshold-stronghold"),
            FormField::new(
                "sc.threshold|floor",
                t.threshold_floor,
                th.guerrilla_floor.to_string(),
                Control::Number,
            )
            .id("threshold-floor"),
        ],
        errors,
    ));
    out.push_str("</details><div class=\"tier-board\" id=\"tier-board\">");
    for tier in Tier::ALL {
        column(&mut out, t, plan, s, tier, errors);
    }
    out.push_str("</div>");
    out
}

fn column(
    out: &mut String,
    t: &Catalogue,
    plan: &Plan,
    s: &Scenario,
    tier: Tier,
    errors: &FieldErrors,
) {
    let key = tier.key();
    let regions: Vec<_> = plan
        .regions
        .iter()
        .filter(|r| s.tier_of(r) == tier)
        .collect();
    let _ = write!(
        out,
        "<section class=\"tier-column tier-col-{key}\" aria-labelledby=\"tier-title-{key}\"><header class=\"tier-head tier-{key}\"><h2 id=\"tier-title-{key}\">{}</h2><span class=\"tier-count\">{}</span></header>",
        t.tier(tier),
        regions.len()
    );
    let th = &s.thresholds;
    let rule = match tier {
        Tier::BaseCamp => fill(t.rule_base_camp, &[&th.base_camp.to_string()]),
        Tier::Stronghold => fill(
            t.rule_stronghold,
            &[&th.stronghold.to_string(), &th.base_camp.to_string()],
        ),
        Tier::Contested => fill(t.rule_contested, &[&th.stronghold.to_string()]),
        Tier::Guerrilla => fill(t.rule_guerrilla, &[&th.guerrilla_floor.to_string()]),
    };
    push_element(out, "p", "class=\"tier-rule\"", &rule);
    let _ = write!(
        out,
        "<dl class=\"tier-strategy\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
        t.investment,
        t.investment(tier),
        t.channel,
        t.channel(tier)
    );
    push_element(out, "p", "class=\"tier-text\"", t.strategy(tier));
    let policy = s.tier_policies.get(tier);
    let split = fill(
        t.spend_split,
        &[
            &policy.distributor_spend.to_string(),
            &(Decimal::from(100) - policy.distributor_spend).to_string(),
        ],
    );
    // Guerrilla areas get publicity only: a distributor/terminal split would mislead.
    if tier != Tier::Guerrilla {
        push_element(out, "p", "class=\"tier-split\"", &split);
    }
    if let Some(goal) = policy.share_goal {
        push_element(
            out,
            "p",
            "class=\"tier-split\"",
            &format!("{}: {}", t.share_goal, percent(goal)),
        );
    }
    out.push_str("<ul class=\"tier-regions\">");
    for r in &regions {
        let rule_tier = s.thresholds.classify_region(r);
        let over = s.tier_overrides.get(&r.id);
        out.push_str("<li class=\"tier-region");
        if over.is_some() {
            out.push_str(" overridden");
        }
        out.push_str("\" id=\"tier-region-");
        push_escaped(out, &r.id);
        out.push_str("\"><div class=\"tier-region-head\">");
        push_element(out, "span", "class=\"tier-region-name\"", &r.name);
        push_element(
            out,
            "span",
            "class=\"tier-region-share\"",
            &percent(r.market_share),
        );
        out.push_str("</div><div class=\"tier-region-meta\">");
        push_escaped(
            out,
            &fill(t.customers_short, &[&r.active_customers.to_string()]),
        );
        if let Some(o) = over {
            push_element(
                out,
                "span",
                "class=\"override-badge\"",
                &format!("{}: {}", t.overridden, o.reason),
            );
        }
        out.push_str("</div>");
        let group = format!("sc.override|{}", r.id);
        let mut options = vec![(String::new(), fill(t.tier_by_rule, &[t.tier(rule_tier)]))];
        options.extend(
            Tier::ALL
                .iter()
                .filter(|x| **x != rule_tier)
                .map(|x| (x.key().to_string(), t.tier(*x).to_string())),
        );
        let chosen = over.map(|o| o.tier.key()).unwrap_or_default();
        push_field(
            out,
            &FormField::new("", t.override_tier, chosen, Control::Select(options)).group(&group),
            errors,
        );
        let reason = over.map(|o| o.reason.clone()).unwrap_or_default();
        push_field(
            out,
            &FormField::new("", t.override_reason, reason, Control::Text)
                .group(&group)
                .placeholder(),
            &FieldErrors::new(),
        );
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    if regions.is_empty() {
        push_element(out, "p", "class=\"empty\"", t.no_regions_in_tier);
    }
    let _ = write!(
        out,
        "<details class=\"tier-policy\"><summary>{} · {}</summary>",
        t.multiplier, t.distributor_spend
    );
    for f in [
        FormField::new(
            format!("sc.policy|multiplier|{key}"),
            t.multiplier,
            policy.multiplier.to_string(),
            Control::Number,
        )
        .id(&format!("policy-{key}-multiplier")),
        FormField::new(
            format!("sc.policy|spend|{key}"),
            t.distributor_spend,
            policy.distributor_spend.to_string(),
            Control::Number,
        ),
        FormField::new(
            format!("sc.policy|goal|{key}"),
            t.share_goal,
            policy.share_goal.map(|g| g.to_string()).unwrap_or_default(),
            Control::Number,
        ),
    ] {
        push_field(out, &f, errors);
    }
    out.push_str("</details></section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::core::tier::TierOverride;
    use crate::i18n::{EN, ZH};

    #[test]
    fn every_region_sits_in_its_tier_column_and_overrides_show_their_reason() {
        let plan = sample_plan(Lang::Zh);
        let mut s = plan.adopted().unwrap().clone();
        let html = tier_board_html(&ZH, &plan, &s, &FieldErrors::new());
        for name in [
            "长沙",
            "株洲",
            "衡阳",
            "怀化",
            "大本营",
            "根据地",
            "运动区域",
            "游击区域",
            "经销商 30% / 终端 70%",
        ] {
            assert!(html.contains(name), "missing {name}");
        }
        let rid = plan.regions[7].id.clone();
        s.tier_overrides.insert(
            rid,
            TierOverride {
                tier: Tier::Contested,
                reason: "新经销商已签约".into(),
            },
        );
        let html = tier_board_html(&EN, &plan, &s, &FieldErrors::new());
        assert!(html.contains("Override: 新经销商已签约"), "{html}");
        assert!(html.contains("class=\"tier-region overridden\""));
    }
}
