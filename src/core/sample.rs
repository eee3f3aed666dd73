//! The built-in sample plan (a province-sized territory in all four tiers) and synthetic plans of
//! any size for scale tests.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::execution::Budget;
use super::lang::Lang;
use super::model::{
    FORMAT_VERSION, Factors, Milestone, Plan, Region, Sales, Salesperson, SubDistrict,
};
use super::period::Period;
use super::scenario::{Method, Scenario};

/// One region of the sample: names in both languages, manager, share %, customers, last sales
/// in ten-thousand yuan, and its sub-districts.
struct SampleRegion {
    zh: &'static str,
    en: &'static str,
    manager: (&'static str, &'static str),
    share: &'static str,
    customers: u32,
    last_wan: i64,
    subs: &'static [SampleSub],
}

/// A sample sub-district: names, factor scores, target share %, and its people.
struct SampleSub {
    zh: &'static str,
    en: &'static str,
    factors: [i64; 6],
    target_share: i64,
    people: &'static [(&'static str, &'static str)],
}

const ROLE_LEAD: (&str, &str) = ("主管", "Team lead");
const ROLE_REP: (&str, &str) = ("业务代表", "Sales representative");

const SAMPLE: &[SampleRegion] = &[
    SampleRegion {
        zh: "长沙",
        en: "Changsha",
        manager: ("周建国", "Zhou Jianguo"),
        share: "64.5",
        customers: 186,
        last_wan: 3120,
        subs: &[
            SampleSub {
                zh: "芙蓉区",
                en: "Furong District",
                factors: [4, 60, 5, 5, 42, 4],
                target_share: 68,
                people: &[
                    ("王伟", "Wang Wei"),
                    ("李娜", "Li Na"),
                    ("张磊", "Zhang Lei"),
                ],
            },
            SampleSub {
                zh: "岳麓区",
                en: "Yuelu District",
                factors: [4, 95, 4, 4, 38, 4],
                target_share: 66,
                people: &[
                    ("刘洋", "Liu Yang"),
                    ("陈静", "Chen Jing"),
                    ("杨帆", "Yang Fan"),
                ],
            },
            SampleSub {
                zh: "长沙县",
                en: "Changsha County",
                factors: [3, 110, 3, 4, 30, 5],
                target_share: 62,
                people: &[("赵敏", "Zhao Min"), ("黄涛", "Huang Tao")],
            },
            SampleSub {
                zh: "浏阳市",
                en: "Liuyang City",
                factors: [3, 145, 3, 3, 27, 3],
                target_share: 58,
                people: &[("吴刚", "Wu Gang"), ("徐丽", "Xu Li")],
            },
        ],
    },
    SampleRegion {
        zh: "株洲",
        en: "Zhuzhou",
        manager: ("孙立平", "Sun Liping"),
        share: "47.2",
        customers: 94,
        last_wan: 1480,
        subs: &[
            SampleSub {
                zh: "天元区",
                en: "Tianyuan District",
                factors: [4, 45, 4, 4, 24, 4],
                target_share: 52,
                people: &[("马超", "Ma Chao"), ("朱琳", "Zhu Lin"), ("胡斌", "Hu Bin")],
            },
            SampleSub {
                zh: "醴陵市",
                en: "Liling City",
                factors: [3, 105, 3, 3, 21, 3],
                target_share: 45,
                people: &[("郭峰", "Guo Feng"), ("何敏", "He Min")],
            },
            SampleSub {
                zh: "攸县",
                en: "You County",
                factors: [2, 80, 2, 2, 12, 3],
                target_share: 40,
                people: &[("高翔", "Gao Xiang"), ("林芳", "Lin Fang")],
            },
        ],
    },
    SampleRegion {
        zh: "湘潭",
        en: "Xiangtan",
        manager: ("郑海波", "Zheng Haibo"),
        share: "41.0",
        customers: 71,
        last_wan: 1150,
        subs: &[
            SampleSub {
                zh: "雨湖区",
                en: "Yuhu District",
                factors: [4, 50, 4, 4, 22, 4],
                target_share: 45,
                people: &[("罗军", "Luo Jun"), ("梁雪", "Liang Xue")],
            },
            SampleSub {
                zh: "湘乡市",
                en: "Xiangxiang City",
                factors: [3, 78, 3, 3, 17, 3],
                target_share: 40,
                people: &[
                    ("宋杰", "Song Jie"),
                    ("唐颖", "Tang Ying"),
                    ("许强", "Xu Qiang"),
                ],
            },
        ],
    },
    SampleRegion {
        zh: "衡阳",
        en: "Hengyang",
        manager: ("韩冬", "Han Dong"),
        share: "23.6",
        customers: 58,
        last_wan: 960,
        subs: &[
            SampleSub {
                zh: "蒸湘区",
                en: "Zhengxiang District",
                factors: [4, 48, 3, 4, 20, 3],
                target_share: 26,
                people: &[("冯磊", "Feng Lei"), ("邓丽", "Deng Li")],
            },
            SampleSub {
                zh: "耒阳市",
                en: "Leiyang City",
                factors: [3, 115, 2, 3, 14, 3],
                target_share: 20,
                people: &[("曹阳", "Cao Yang"), ("彭飞", "Peng Fei")],
            },
            SampleSub {
                zh: "衡南县",
                en: "Hengnan County",
                factors: [2, 95, 2, 2, 9, 4],
                target_share: 18,
                people: &[("曾辉", "Zeng Hui"), ("肖红", "Xiao Hong")],
            },
        ],
    },
    SampleRegion {
        zh: "岳阳",
        en: "Yueyang",
        manager: ("田野", "Tian Ye"),
        share: "16.8",
        customers: 37,
        last_wan: 640,
        subs: &[
            SampleSub {
                zh: "岳阳楼区",
                en: "Yueyanglou District",
                factors: [4, 82, 3, 4, 16, 3],
                target_share: 20,
                people: &[("董明", "Dong Ming"), ("袁琪", "Yuan Qi")],
            },
            SampleSub {
                zh: "汨罗市",
                en: "Miluo City",
                factors: [3, 68, 2, 3, 8, 3],
                target_share: 15,
                people: &[("潘越", "Pan Yue"), ("蒋欣", "Jiang Xin")],
            },
        ],
    },
    SampleRegion {
        zh: "常德",
        en: "Changde",
        manager: ("蔡文", "Cai Wen"),
        share: "9.4",
        customers: 21,
        last_wan: 380,
        subs: &[
            SampleSub {
                zh: "武陵区",
                en: "Wuling District",
                factors: [3, 70, 3, 4, 10, 3],
                target_share: 14,
                people: &[("余波", "Yu Bo"), ("杜娟", "Du Juan")],
            },
            SampleSub {
                zh: "津市市",
                en: "Jinshi City",
                factors: [2, 25, 2, 3, 4, 2],
                target_share: 10,
                people: &[("叶青", "Ye Qing"), ("程亮", "Cheng Liang")],
            },
        ],
    },
    SampleRegion {
        zh: "张家界",
        en: "Zhangjiajie",
        manager: ("苏晴", "Su Qing"),
        share: "2.1",
        customers: 3,
        last_wan: 55,
        subs: &[SampleSub {
            zh: "永定区",
            en: "Yongding District",
            factors: [3, 48, 2, 3, 2, 3],
            target_share: 5,
            people: &[("魏然", "Wei Ran"), ("吕鹏", "Lü Peng")],
        }],
    },
    SampleRegion {
        zh: "怀化",
        en: "Huaihua",
        manager: ("丁一", "Ding Yi"),
        share: "0",
        customers: 0,
        last_wan: 0,
        subs: &[SampleSub {
            zh: "鹤城区",
            en: "Hecheng District",
            factors: [3, 62, 2, 3, 0, 4],
            target_share: 3,
            people: &[("沈阳", "Shen Yang"), ("姜宁", "Jiang Ning")],
        }],
    },
];

/// The stem of a place name, for naming its distributors and shops: `芙蓉区` → `芙蓉`,
/// `Furong District` → `Furong`; a stem shorter than `shortest` characters keeps the whole
/// name (`攸县`, `You County`).
fn stem<'a>(name: &'a str, suffixes: &[&str], shortest: usize) -> &'a str {
    suffixes
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|stem| stem.chars().count() >= shortest)
        .unwrap_or(name)
}

fn stems(s: &SampleSub) -> (&'static str, &'static str) {
    (
        stem(s.zh, &["区", "市", "县"], 2),
        stem(s.en, &[" District", " City", " County"], 4),
    )
}

/// 0 for the strongest regions (a base camp's share) to 3 for those with no customer base.
fn tier_rank(r: &SampleRegion) -> usize {
    let share: f64 = r.share.parse().unwrap_or(0.0);
    match share {
        s if s >= 60.0 => 0,
        s if s >= 40.0 => 1,
        s if s >= 5.0 && r.customers > 0 => 2,
        _ => 3,
    }
}

/// The distributors a sub-district must win: its own, named after the place (the first
/// sub-district keeps 湘通商贸, the sample archive's first distributor); busier districts two.
fn sample_distributors(lang: Lang, s: &SampleSub) -> Vec<String> {
    if s.zh == "芙蓉区" {
        return vec![pick(lang, "湘通商贸", "Xiangtong Trading")];
    }
    let (zh, en) = stems(s);
    let mut names = vec![match lang {
        Lang::Zh => format!("{zh}商贸"),
        Lang::En => format!("{en} Trading"),
    }];
    if s.factors[4] >= 20 {
        names.push(match lang {
            Lang::Zh => format!("{zh}副食批发"),
            Lang::En => format!("{en} Provisions Wholesale"),
        });
    }
    names
}

/// The retail terminals a sub-district must win.
fn sample_terminals(lang: Lang, s: &SampleSub) -> Vec<String> {
    if s.zh == "芙蓉区" {
        return vec![
            pick(lang, "步步高超市", "Bubugao Supermarket"),
            pick(lang, "友阿百货", "Friendship Department Store"),
        ];
    }
    let (zh, en) = stems(s);
    let mut names = vec![match lang {
        Lang::Zh => format!("{zh}百货"),
        Lang::En => format!("{en} Department Store"),
    }];
    if s.factors[4] >= 10 {
        names.push(match lang {
            Lang::Zh => format!("{zh}连锁超市"),
            Lang::En => format!("{en} Supermarkets"),
        });
    }
    names
}

/// The last day of a month of 2027.
fn month_end(month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(2028, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(2027, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).expect("a sample date")
}

/// The sub-district's development and promotion schedule (市场开发和产品推广进度): its own
/// distributor and terminal to win, dated by how established the region is, and a third step
/// that follows the tier's strategy.
fn sample_milestones(lang: Lang, s: &SampleSub, rank: usize) -> Vec<Milestone> {
    let dist = sample_distributors(lang, s).remove(0);
    let shop = sample_terminals(lang, s).remove(0);
    let offset = (s.factors[1] / 40) as u32 % 2;
    let sign_month = 2 + rank as u32 + offset;
    let third = match rank {
        0 => (
            "县乡网点覆盖率达到 80%",
            "Outlets in 80% of counties and townships",
            9,
        ),
        1 => (
            "重点终端陈列达标",
            "Key terminals meet the display standard",
            8,
        ),
        2 => (
            "以终端带动经销商上量",
            "Terminals lift the distributor's volume",
            10,
        ),
        _ => ("完成区域宣传活动", "Publicity campaign done", 11),
    };
    let step = |zh: String, en: String, month: u32| Milestone {
        date: month_end(month),
        title: match lang {
            Lang::Zh => zh,
            Lang::En => en,
        },
        done: false,
        done_on: None,
        note: String::new(),
    };
    vec![
        step(format!("签约{dist}"), format!("Sign {dist}"), sign_month),
        step(
            format!("新品进入{shop}"),
            format!("New range in {shop}"),
            sign_month + 3,
        ),
        step(third.0.to_string(), third.1.to_string(), third.2),
    ]
}

/// Seasonality of the sample: Spring Festival peak, summer peak, a slow spring.
const SAMPLE_SEASONALITY: [&str; 12] = [
    "11", "6", "7", "7.5", "8", "9", "10", "9.5", "8", "8.5", "7.5", "8",
];

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

fn wan(n: i64) -> Decimal {
    Decimal::from(n * 10_000)
}

/// The id of the built-in sample plan (a second copy opened beside it gets `sample-2`…).
pub const SAMPLE_ID: &str = "sample";

/// Whether a plan is the built-in sample (what a first visit opens), by its id.
pub fn is_sample(plan: &Plan) -> bool {
    plan.id == SAMPLE_ID
        || plan
            .id
            .strip_prefix("sample-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The built-in sample plan, with names in the given language.
pub fn sample_plan(lang: Lang) -> Plan {
    let months = 12;
    let mut plan = Plan {
        format_version: FORMAT_VERSION,
        id: SAMPLE_ID.into(),
        name: pick(
            lang,
            "湖南省 2027 年度销售计划",
            "Hunan 2027 annual sales plan",
        ),
        company: pick(lang, "华新饮品有限公司", "Huaxin Beverages Co., Ltd."),
        currency: "CNY".into(),
        period: Period::fiscal_year(2027),
        regions: Vec::new(),
        scenarios: Vec::new(),
        adopted_scenario: String::new(),
        id_seq: 0,
        notes: Default::default(),
        execution: Default::default(),
        recipient_part: None,
        change_log: Vec::new(),
    };
    for r in SAMPLE {
        let region_id = plan.fresh_id("r");
        let mut region = Region {
            id: region_id,
            name: pick(lang, r.zh, r.en),
            manager: pick(lang, r.manager.0, r.manager.1),
            market_share: r.share.parse().expect("sample share is a decimal"),
            active_customers: r.customers,
            last_sales: Sales {
                amount: wan(r.last_wan),
                quantity: Decimal::from(r.last_wan * 40),
            },
            notes: String::new(),
            subdistricts: Vec::new(),
        };
        let factor_total: i64 = r.subs.iter().map(|s| s.factors[4] + 1).sum();
        for s in r.subs {
            let sub_id = plan.fresh_id("d");
            let [admin, population, consumption, transport, customers, policy] = s.factors;
            // Split the region's history over its sub-districts by customer distribution.
            let sub_last = r.last_wan * (s.factors[4] + 1) / factor_total;
            let mut sub = SubDistrict {
                id: sub_id,
                name: pick(lang, s.zh, s.en),
                factors: Factors {
                    admin_division: Decimal::from(admin),
                    population: Decimal::from(population),
                    consumption: Decimal::from(consumption),
                    transport: Decimal::from(transport),
                    customer_distribution: Decimal::from(customers),
                    policy_investment: Decimal::from(policy),
                },
                target_share: Decimal::from(s.target_share),
                last_sales: Sales {
                    amount: wan(sub_last),
                    quantity: Decimal::from(sub_last * 40),
                },
                milestones: sample_milestones(lang, s, tier_rank(r)),
                target_distributors: sample_distributors(lang, s),
                target_terminals: sample_terminals(lang, s),
                salespeople: Vec::new(),
            };
            let people = s.people.len() as i64;
            for (i, (zh, en)) in s.people.iter().enumerate() {
                let id = plan.fresh_id("p");
                let lead = i == 0;
                let share = if lead {
                    sub_last * 4 / (people * 4 + 1) + sub_last / (people * 4 + 1)
                } else {
                    sub_last * 4 / (people * 4 + 1)
                };
                sub.salespeople.push(Salesperson {
                    id,
                    name: pick(lang, zh, en),
                    role: if lead {
                        pick(lang, ROLE_LEAD.0, ROLE_LEAD.1)
                    } else {
                        pick(lang, ROLE_REP.0, ROLE_REP.1)
                    },
                    last_sales: Sales {
                        amount: wan(share),
                        quantity: Decimal::from(share * 40),
                    },
                });
            }
            region.subdistricts.push(sub);
        }
        plan.regions.push(region);
    }
    let scenario_id = plan.fresh_id("s");
    let mut base = Scenario::with_defaults(
        scenario_id.clone(),
        pick(lang, "基准方案", "Baseline"),
        months,
    );
    base.amount_target = Decimal::from(SAMPLE_AMOUNT_TARGET);
    base.quantity_target = Decimal::from(4_720_000);
    // Collections (回款) target: 90% of the sales.
    base.collections_target = Some(Decimal::from(106_200_000));
    base.amount_unit = Decimal::from(1000);
    base.methods.region = Method::History;
    base.methods.subdistrict = Method::Weighted;
    base.methods.salesperson = Method::Even;
    base.seasonality = SAMPLE_SEASONALITY
        .iter()
        .map(|s| Some(s.parse().expect("sample month share")))
        .collect();
    let growth_id = plan.fresh_id("s");
    let mut growth = base.clone();
    growth.id = growth_id;
    growth.name = pick(lang, "进取方案", "Stretch");
    growth.amount_target = Decimal::from(130_000_000);
    growth.quantity_target = Decimal::from(5_200_000);
    growth.collections_target = Some(Decimal::from(117_000_000));
    growth.methods.region_tier_multiplier = true;
    growth.tier_policies.stronghold.multiplier = "1.2".parse().expect("decimal");
    growth.tier_policies.contested.multiplier = "1.1".parse().expect("decimal");
    plan.adopted_scenario = scenario_id;
    plan.scenarios = vec![base, growth];
    for (region, r) in plan.regions.iter().zip(SAMPLE) {
        plan.execution
            .budgets
            .insert(region.id.clone(), sample_budget(r));
    }
    plan
}

/// The sample's amount target (销售额), in yuan.
const SAMPLE_AMOUNT_TARGET: i64 = 118_000_000;

/// A team lead's and a representative's yearly pay (人员薪酬), in yuan.
const SALARY: (i64, i64) = (120_000, 84_000);

/// A sample region's budget for the year (拟定预算): promotion (推广费用) at its tier's rate of
/// its share of the company target (the target split by last year's sales, as the adopted
/// scenario does) — 3% in a base camp, 3.5% where a stronghold is invested in (重点投入), 3% in
/// a contested region, a fixed 60,000 of publicity in a guerrilla region — rounded to 10,000
/// yuan; salaries (人员薪酬) of its people, a lead and representatives per sub-district.
/// Together about 6.7% of sales, within the 8% expense-ratio target (费用控制指标).
fn sample_budget(r: &SampleRegion) -> Budget {
    let last_total: i64 = SAMPLE.iter().map(|r| r.last_wan).sum();
    let rate = match tier_rank(r) {
        0 | 2 => Decimal::new(3, 2),
        1 => Decimal::new(35, 3),
        _ => Decimal::ZERO,
    };
    let wan = Decimal::from(10_000);
    let target =
        Decimal::from(SAMPLE_AMOUNT_TARGET) * Decimal::from(r.last_wan) / Decimal::from(last_total);
    let promotion = if rate.is_zero() {
        Decimal::from(60_000)
    } else {
        (target * rate / wan).round() * wan
    };
    let salaries: i64 = r
        .subs
        .iter()
        .map(|s| SALARY.0 + SALARY.1 * (s.people.len() as i64 - 1))
        .sum();
    Budget {
        promotion,
        salaries: Decimal::from(salaries),
    }
}

/// Deterministic pseudo-random numbers for synthetic plans and demo data (the same on every
/// machine).
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    /// A number in `0..bound`.
    pub(crate) fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound.max(1)
    }

    /// A factor between `lo` and `hi` percent, in steps of 1%, as a decimal.
    pub(crate) fn percent(&mut self, lo: u64, hi: u64) -> Decimal {
        Decimal::new((lo + self.next(hi - lo + 1)) as i64, 2)
    }
}

/// A synthetic plan with `people` salespeople: about ten per sub-district, twenty sub-districts
/// per region, shares spread over all four tiers.
pub fn scaled_plan(people: usize) -> Plan {
    let per_sub = 10usize;
    let subs_per_region = 20usize;
    let subs = people.div_ceil(per_sub).max(1);
    let regions = subs.div_ceil(subs_per_region).max(1);
    let mut rng = Lcg(0x5eed);
    let mut plan = Plan {
        format_version: FORMAT_VERSION,
        id: format!("scale-{people}"),
        name: format!("Synthetic plan, {people} salespeople"),
        company: "Synthetic Co.".into(),
        currency: "CNY".into(),
        period: Period::fiscal_year(2027),
        regions: Vec::with_capacity(regions),
        scenarios: Vec::new(),
        adopted_scenario: String::new(),
        id_seq: 0,
        notes: Default::default(),
        execution: Default::default(),
        recipient_part: None,
        change_log: Vec::new(),
    };
    let mut placed_people = 0usize;
    let mut placed_subs = 0usize;
    let mut total_last = 0i64;
    for r in 0..regions {
        plan.id_seq += 1;
        let mut region = Region {
            id: format!("r{}", plan.id_seq),
            name: format!("Region {}", r + 1),
            manager: format!("Manager {}", r + 1),
            market_share: Decimal::new(rng.next(800) as i64, 1),
            active_customers: rng.next(300) as u32,
            last_sales: Sales::default(),
            notes: String::new(),
            subdistricts: Vec::new(),
        };
        let mut region_last = 0i64;
        for d in 0..subs_per_region {
            if placed_subs == subs {
                break;
            }
            placed_subs += 1;
            plan.id_seq += 1;
            let sub_last = 200_000 + rng.next(3_000_000) as i64;
            region_last += sub_last;
            let mut sub = SubDistrict {
                id: format!("d{}", plan.id_seq),
                name: format!("District {}-{}", r + 1, d + 1),
                factors: Factors {
                    admin_division: Decimal::from(1 + rng.next(5)),
                    population: Decimal::from(10 + rng.next(200)),
                    consumption: Decimal::from(1 + rng.next(5)),
                    transport: Decimal::from(1 + rng.next(5)),
                    customer_distribution: Decimal::from(rng.next(60)),
                    policy_investment: Decimal::from(1 + rng.next(5)),
                },
                target_share: Decimal::from(rng.next(70)),
                last_sales: Sales {
                    amount: Decimal::from(sub_last),
                    quantity: Decimal::from(sub_last / 25),
                },
                milestones: Vec::new(),
                target_distributors: Vec::new(),
                target_terminals: Vec::new(),
                salespeople: Vec::with_capacity(per_sub),
            };
            let here = per_sub.min(people - placed_people.min(people));
            for p in 0..here {
                placed_people += 1;
                plan.id_seq += 1;
                let last = sub_last / here as i64 + rng.next(50_000) as i64;
                sub.salespeople.push(Salesperson {
                    id: format!("p{}", plan.id_seq),
                    name: format!("Salesperson {placed_people}"),
                    role: if p == 0 {
                        "Team lead".into()
                    } else {
                        "Sales representative".into()
                    },
                    last_sales: Sales {
                        amount: Decimal::from(last),
                        quantity: Decimal::from(last / 25),
                    },
                });
            }
            region.subdistricts.push(sub);
        }
        region.last_sales = Sales {
            amount: Decimal::from(region_last),
            quantity: Decimal::from(region_last / 25),
        };
        total_last += region_last;
        plan.regions.push(region);
    }
    plan.id_seq += 1;
    let sid = format!("s{}", plan.id_seq);
    let mut scenario = Scenario::with_defaults(sid.clone(), "Baseline".into(), 12);
    // Ten percent growth on last period, rounded to the unit.
    let amount_unit = 1000i64;
    scenario.amount_target = Decimal::from((total_last * 11 / 10) / amount_unit * amount_unit);
    scenario.quantity_target = Decimal::from(total_last * 11 / 10 / 25);
    scenario.amount_unit = Decimal::from(amount_unit);
    // The methods a territory with history and factors is split by (what the timings measure).
    scenario.methods.region = Method::History;
    scenario.methods.subdistrict = Method::Weighted;
    scenario.seasonality = SAMPLE_SEASONALITY
        .iter()
        .map(|s| Some(s.parse().expect("month share")))
        .collect();
    plan.adopted_scenario = sid;
    plan.scenarios.push(scenario);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_known_by_its_id_and_a_new_plan_is_not() {
        let mut plan = sample_plan(Lang::Zh);
        assert!(is_sample(&plan));
        plan.id = "sample-2".into();
        assert!(is_sample(&plan));
        for id in ["sample-notes", "plan-1", "sampler", "sample-"] {
            plan.id = id.into();
            assert!(!is_sample(&plan), "{id}");
        }
    }
    use crate::core::tier::Tier;

    #[test]
    fn sample_has_regions_in_all_four_tiers() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().expect("sample has an adopted scenario");
        let mut seen: Vec<Tier> = plan.regions.iter().map(|r| s.tier_of(r)).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen, Tier::ALL.to_vec());
    }

    #[test]
    fn sample_is_the_same_territory_in_both_languages() {
        let zh = sample_plan(Lang::Zh);
        let en = sample_plan(Lang::En);
        assert_eq!(zh.size(), en.size());
        assert_eq!(zh.regions[0].name, "长沙");
        assert_eq!(en.regions[0].name, "Changsha");
        assert_eq!(
            zh.regions[0].subdistricts[0].salespeople[0].id,
            en.regions[0].subdistricts[0].salespeople[0].id
        );
    }

    /// Each sub-district has its own distributors, terminals and schedule (the source asks for
    /// every 分区's 目标经销商和零售终端 and 市场开发和产品推广进度), not a shared list.
    #[test]
    fn every_sub_district_has_its_own_targets_and_milestones() {
        for lang in [Lang::Zh, Lang::En] {
            let plan = sample_plan(lang);
            let subs: Vec<&SubDistrict> =
                plan.regions.iter().flat_map(|r| &r.subdistricts).collect();
            let mut seen = std::collections::HashSet::new();
            for d in &subs {
                assert!(!d.target_distributors.is_empty() && !d.target_terminals.is_empty());
                assert_eq!(d.milestones.len(), 3, "{}", d.name);
                for name in d.target_distributors.iter().chain(&d.target_terminals) {
                    assert!(seen.insert(name.clone()), "{name} is named twice");
                }
                // The first step signs the sub-district's own first distributor.
                assert!(d.milestones[0].title.contains(&d.target_distributors[0]));
                assert!(d.milestones.windows(2).all(|w| w[0].date < w[1].date));
            }
        }
        let zh = sample_plan(Lang::Zh);
        assert_eq!(
            zh.regions[1].subdistricts[2].target_distributors,
            ["攸县商贸"]
        );
        assert_eq!(
            zh.regions[0].subdistricts[0].target_distributors,
            ["湘通商贸"]
        );
    }

    /// Section 八 of the sample is in money: each region's promotion by its tier's rate of its
    /// share of the target, salaries of its people (lead 120,000, representatives 84,000 a
    /// year), 7,848,000 in all: 6.65% of the 118,000,000 target, within the 8% target.
    #[test]
    fn the_sample_budgets_promotion_and_salaries_within_the_expense_ratio_target() {
        let plan = sample_plan(Lang::Zh);
        let b = &plan.execution.budgets;
        let budget = |k: usize| b[&plan.regions[k].id];
        // 长沙: 118,000,000 × 3120 / 7785 = 47,291,008 × 3% = 1,418,730 → 1,420,000;
        // four leads and six representatives.
        assert_eq!(budget(0).promotion, Decimal::from(1_420_000));
        assert_eq!(budget(0).salaries, Decimal::from(4 * 120_000 + 6 * 84_000));
        // 株洲, a stronghold: 22,432,884 × 3.5% = 785,151 → 790,000.
        assert_eq!(budget(1).promotion, Decimal::from(790_000));
        // 怀化 has no customer base: publicity only.
        assert_eq!(budget(7).promotion, Decimal::from(60_000));
        let promotion: Decimal = b.values().map(|x| x.promotion).sum();
        let salaries: Decimal = b.values().map(|x| x.salaries).sum();
        assert_eq!(b.len(), plan.regions.len());
        assert_eq!(promotion, Decimal::from(3_840_000));
        assert_eq!(salaries, Decimal::from(4_008_000));
        let s = plan.adopted().unwrap();
        let ratio = (promotion + salaries) * Decimal::ONE_HUNDRED / s.amount_target;
        assert_eq!(ratio.round_dp(2), Decimal::new(665, 2));
        assert!(ratio <= plan.execution.settings.expense_ratio_target);
        assert_eq!(sample_plan(Lang::En).execution, plan.execution);
    }

    #[test]
    fn scaled_plan_has_the_asked_number_of_people_in_teams_of_ten() {
        let plan = scaled_plan(10_000);
        assert_eq!(plan.size(), (50, 1000, 10_000));
        let small = scaled_plan(25);
        assert_eq!(small.size(), (1, 3, 25));
    }
}
