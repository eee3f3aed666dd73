//! The CSV the command line prints: a breakdown, and the tier board.

use std::io::{self, Write};

use crate::core::breakdown::{Breakdown, node_name, tier_rows};
use crate::core::model::Plan;
use crate::core::scenario::{Measure, Scenario};

use super::csv::write_record;

pub const BREAKDOWN_HEADER: &str = "level,id,name,parent_id,period,amount,quantity";
pub const TIERS_HEADER: &str = "region_id,name,market_share,tier,overridden";

/// Every node in tree order: its total row, then one row per month.
pub fn breakdown_csv(plan: &Plan, b: &Breakdown, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{BREAKDOWN_HEADER}")?;
    let months: Vec<String> = b.months().iter().map(|m| m.to_string()).collect();
    for (i, node) in b.nodes().iter().enumerate() {
        let parent_id = node.parent.map_or("", |p| b.nodes()[p].id.as_str());
        let name = node_name(plan, node.pos);
        let (amount, quantity) = (b.annual(i, Measure::Amount), b.annual(i, Measure::Quantity));
        let fields = [node.level.key(), &node.id, name, parent_id];
        write_record_with(
            out,
            &fields,
            "total",
            &amount.to_string(),
            &quantity.to_string(),
        )?;
        let monthly = b
            .monthly(i, Measure::Amount)
            .zip(b.monthly(i, Measure::Quantity));
        for (month, (amount, quantity)) in months.iter().zip(monthly) {
            write_record_with(
                out,
                &fields,
                month,
                &amount.to_string(),
                &quantity.to_string(),
            )?;
        }
    }
    Ok(())
}

fn write_record_with(
    out: &mut dyn Write,
    node: &[&str; 4],
    period: &str,
    amount: &str,
    quantity: &str,
) -> io::Result<()> {
    write_record(
        out,
        &[node[0], node[1], node[2], node[3], period, amount, quantity],
    )
}

/// Each region's market share and tier in the scenario.
pub fn tiers_csv(plan: &Plan, scenario: &Scenario, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{TIERS_HEADER}")?;
    for row in tier_rows(plan, scenario) {
        let share = row.market_share.to_string();
        let overridden = if row.overridden { "true" } else { "false" };
        write_record(
            out,
            &[
                &row.region_id,
                &row.name,
                &share,
                row.tier.key(),
                overridden,
            ],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    #[test]
    fn the_breakdown_has_a_total_and_twelve_months_per_node() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let b = compute(&plan, s).unwrap();
        let mut out = Vec::new();
        breakdown_csv(&plan, &b, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], BREAKDOWN_HEADER);
        assert_eq!(lines.len(), 1 + b.nodes().len() * 13);
        assert_eq!(
            lines[1],
            "company,sample,\"Huaxin Beverages Co., Ltd.\",,total,118000000,4720000"
        );
        assert_eq!(
            lines[2],
            "company,sample,\"Huaxin Beverages Co., Ltd.\",,2027-01,12980000,519200"
        );
        assert!(
            lines[14].starts_with("region,r1,Changsha,sample,total,"),
            "{}",
            lines[14]
        );
    }

    #[test]
    fn tiers_name_each_region_and_its_override() {
        let mut plan = sample_plan(Lang::Zh);
        let id = plan.regions[0].id.clone();
        let over = crate::core::tier::TierOverride {
            tier: crate::core::tier::Tier::Stronghold,
            reason: "理由".into(),
        };
        plan.scenarios[0].tier_overrides.insert(id, over);
        let mut out = Vec::new();
        tiers_csv(&plan, &plan.scenarios[0], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], TIERS_HEADER);
        assert_eq!(lines[1], "r1,长沙,64.5,stronghold,true");
        assert_eq!(lines[8], "r63,怀化,0,guerrilla,false");
    }
}
