//! Normalisation: a recognised [`Item`] becomes a [`Timex`], anchored on the
//! publication date or on the date the narrative established before it.

use chrono::{Datelike, NaiveDate};

use super::calendar::{self, add_days, narrow, unit_gran, weekday_from, Gran, Period};
use super::expr::{Base, Expr, Item};
use super::lexicon::Dir;
use crate::model::{Anchor, Span, Timex, TimexType};

/// What relative expressions can be anchored on, updated as the text is read.
#[derive(Debug, Clone, Default)]
pub struct Ctx {
    pub published: Option<NaiveDate>,
    /// The last calendar period the text stated or resolved.
    pub narrative: Option<Period>,
    /// The last quarter the text talked about (financial news).
    pub quarter: Option<Period>,
    /// The text moved from a quarter to a longer reporting period (`the
    /// nine months`): `a year earlier` is then the year before, not the
    /// quarter.
    pub long_period: bool,
}

/// The value of a period that cannot be anchored: X for every unknown digit.
fn unknown(gran: Gran) -> String {
    match gran {
        Gran::Day => "XXXX-XX-XX".into(),
        Gran::Week => "XXXX-WXX".into(),
        Gran::Weekend => "XXXX-WXX-WE".into(),
        Gran::Month => "XXXX-XX".into(),
        Gran::Quarter => "XXXX-QX".into(),
        Gran::Season(s) => format!("XXXX-{s}"),
        Gran::Year => "XXXX".into(),
        Gran::Decade => "XXX".into(),
        Gran::Century => "XX".into(),
    }
}

/// The result of resolving the date part of an expression.
enum Res {
    Period(Period, Anchor),
    /// A value without an interval (references, unknown parts).
    Value(String, Anchor),
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The year of a month/day without one: the publication year, moved by one
/// when the tense points more than a week the other way.
fn year_for(pubd: NaiveDate, m: u32, d: u32, dir: Dir) -> Option<i32> {
    let y = pubd.year();
    let cand = ymd(y, m, d.min(28))?;
    let diff = (cand - pubd).num_days();
    Some(match dir {
        Dir::Past if diff > 61 => y - 1,
        Dir::Future if diff < -61 => y + 1,
        _ => y,
    })
}

/// A holiday's day: a fixed day (1–31), or `K*1000 + N*100 + WD`, the N-th
/// weekday WD of the month (N 5: the last one) and K days after it
/// (`lexicons/dates/words.tsv`).
fn holiday(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if (1..=31).contains(&d) {
        return ymd(y, m, d);
    }
    if d == super::lexicon::EASTER {
        return easter(y);
    }
    let (k, n, wd) = super::lexicon::weekday_code(d);
    let day = if n == 5 {
        let next = if m == 12 {
            ymd(y + 1, 1, 1)
        } else {
            ymd(y, m + 1, 1)
        }?;
        weekday_from(add_days(next, -1)?, wd, false)?
    } else {
        add_days(weekday_from(ymd(y, m, 1)?, wd, true)?, 7 * (n as i64 - 1))?
    };
    add_days(day, k as i64)
}

/// Easter Sunday of year `y` (Gregorian calendar; the anonymous algorithm
/// of Meeus, *Astronomical Algorithms*).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let (b, c) = (y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// Does the value of `e` depend on the tense around it? Only expressions
/// whose year, week or quarter is left open do, and only when there is a
/// publication date to count from; the tense is looked up for those alone.
pub fn uses_tense(e: &Expr, ctx: &Ctx) -> bool {
    ctx.published.is_some()
        && matches!(
            e,
            Expr::Cal { y: None, .. }
                | Expr::WeekOf { y: None, .. }
                | Expr::Holiday { y: None, .. }
                | Expr::Weekday { rel: None, .. }
                | Expr::Quarter {
                    q: Some(_),
                    y: None,
                    ..
                }
                | Expr::Season {
                    rel: None,
                    y: None,
                    ..
                }
                | Expr::Weekend { n: None }
        )
}

fn resolve_date(e: &Expr, tense: Option<Dir>, ctx: &Ctx) -> Option<Res> {
    use Anchor::*;
    // news narrative is past unless a verb says otherwise
    let dir = tense.unwrap_or(Dir::Past);
    let pubd = ctx.published;
    Some(match *e {
        Expr::Cal {
            y: Some(y), m, d, ..
        } => match d {
            Some(d) => Res::Period(Period::new(ymd(y, m, d)?, Gran::Day), Absolute),
            None => Res::Period(Period::new(ymd(y, m, 1)?, Gran::Month), Absolute),
        },
        Expr::Cal { y: None, m, .. } | Expr::Holiday { m, y: None, .. } if pubd.is_none() => {
            let (dd, hol) = match *e {
                Expr::Holiday { d, .. } => (Some(d), true),
                Expr::Cal { d, .. } => (d, false),
                _ => (None, false),
            };
            // no publication date: the year the narrative established, else X
            match (ctx.narrative, dd) {
                (Some(n), Some(d)) => {
                    let day = if hol {
                        holiday(n.day.year(), m, d)?
                    } else {
                        ymd(n.day.year(), m, d)?
                    };
                    Res::Period(Period::new(day, Gran::Day), Text)
                }
                (None, Some(d)) if d > 31 => Res::Value(format!("XXXX-{m:02}-XX"), Published),
                (Some(n), None) => {
                    Res::Period(Period::new(ymd(n.day.year(), m, 1)?, Gran::Month), Text)
                }
                (None, Some(d)) => Res::Value(format!("XXXX-{m:02}-{d:02}"), Published),
                (None, None) => Res::Value(format!("XXXX-{m:02}"), Published),
            }
        }
        Expr::Cal {
            y: None,
            m,
            d: Some(d),
            ..
        } => {
            let p = pubd?;
            let y = year_for(p, m, d, dir)?;
            Res::Period(Period::new(ymd(y, m, d)?, Gran::Day), Published)
        }
        Expr::Holiday { m, d, y: None } => {
            let p = pubd?;
            let y = year_for(p, m, d.max(1), dir)?;
            Res::Period(Period::new(holiday(y, m, d)?, Gran::Day), Published)
        }
        Expr::RelHoliday { m, d, rel } => {
            let Some(p) = pubd else {
                let day = if (1..=31).contains(&d) {
                    format!("{d:02}")
                } else {
                    "XX".into()
                };
                return Some(Res::Value(format!("XXXX-{m:02}-{day}"), Published));
            };
            let this = holiday(p.year(), m, d)?;
            let y = match rel {
                r if r < 0 => p.year() - i32::from(this >= p),
                r if r > 0 => p.year() + i32::from(this <= p),
                _ => p.year(),
            };
            Res::Period(Period::new(holiday(y, m, d)?, Gran::Day), Published)
        }
        Expr::Holiday { m, d, y: Some(y) } => {
            Res::Period(Period::new(holiday(y, m, d)?, Gran::Day), Absolute)
        }
        Expr::Cal {
            y: None,
            m,
            d: None,
            ..
        } => {
            let p = pubd?;
            let (pm, m32) = (p.month() as i32, m as i32);
            // a month named without a year is in the publication year unless the
            // tense points more than a quarter the other way
            let y = match tense {
                Some(Dir::Past) if m32 - pm > 3 => p.year() - 1,
                Some(Dir::Future) if pm - m32 > 3 => p.year() + 1,
                None if m32 - pm > 6 => p.year() - 1,
                None if pm - m32 > 6 => p.year() + 1,
                _ => p.year(),
            };
            Res::Period(Period::new(ymd(y, m, 1)?, Gran::Month), Published)
        }
        Expr::CalRelYear { m, d, rel } => {
            let Some(p) = pubd else {
                return Some(Res::Value(
                    d.map_or_else(|| format!("XXXX-{m:02}"), |d| format!("XXXX-{m:02}-{d:02}")),
                    Published,
                ));
            };
            let y = p.year() + rel;
            match d {
                Some(d) => Res::Period(Period::new(ymd(y, m, d)?, Gran::Day), Published),
                None => Res::Period(Period::new(ymd(y, m, 1)?, Gran::Month), Published),
            }
        }
        Expr::RelMonth { m, rel } => {
            let Some(p) = pubd else {
                return Some(Res::Value(format!("XXXX-{m:02}"), Published));
            };
            let y = match rel {
                r if r < 0 => p.year() - i32::from(m >= p.month()),
                r if r > 0 => p.year() + i32::from(m <= p.month()),
                _ => p.year(),
            };
            Res::Period(Period::new(ymd(y, m, 1)?, Gran::Month), Published)
        }
        Expr::Year(y) => Res::Period(Period::new(ymd(y, 1, 1)?, Gran::Year), Absolute),
        Expr::Century(n) => Res::Period(
            Period::new(ymd(100 * (n as i32 - 1), 1, 1)?, Gran::Century),
            Absolute,
        ),
        Expr::Decade(d) => Res::Period(Period::new(ymd(d * 10, 1, 1)?, Gran::Decade), Absolute),
        Expr::Weekday { wd, rel } => {
            let Some(p) = pubd else {
                return Some(Res::Value(format!("XXXX-WXX-{wd}"), Published));
            };
            let day = match rel {
                None => weekday_from(p, wd, dir == Dir::Future)?,
                Some(r) if r < 0 => weekday_from(add_days(p, -1)?, wd, false)?,
                Some(r) if r > 0 => weekday_from(add_days(p, 1)?, wd, true)?,
                Some(_) => {
                    let mon = add_days(p, -(p.weekday().num_days_from_monday() as i64))?;
                    add_days(mon, wd as i64 - 1)?
                }
            };
            Res::Period(Period::new(day, Gran::Day), Published)
        }
        Expr::TextWeekday { wd, rel } => {
            let (from, anchor) = match (ctx.narrative, pubd) {
                (Some(n), _) if n.gran == Gran::Day => (n.day, Text),
                (_, Some(p)) => (p, Published),
                _ => return Some(Res::Value(format!("XXXX-WXX-{wd}"), Published)),
            };
            let day = if rel < 0 {
                weekday_from(add_days(from, -1)?, wd, false)?
            } else {
                weekday_from(add_days(from, 1)?, wd, true)?
            };
            Res::Period(Period::new(day, Gran::Day), anchor)
        }
        Expr::Shift { unit, n, base } => {
            let gran = unit_gran(unit).unwrap_or(Gran::Day);
            let steps = if unit == "2W" { 2 * n } else { n };
            let (from, anchor) = match (base, ctx.narrative) {
                (Base::Text, Some(nar)) => (nar, Text),
                _ => match pubd {
                    Some(p) => (Period::new(p, Gran::Day), Published),
                    None => return Some(Res::Value(unknown(gran), Published)),
                },
            };
            // `a year ago` / `a year earlier` in a text about a quarter is that
            // quarter a year before (`the next year` is a year all the same)
            let quarterly = matches!(base, Base::Ago | Base::Text)
                && unit == "Y"
                && n < 0
                && ctx.quarter.is_some()
                && !ctx.long_period;
            if quarterly {
                let q = if base == Base::Text {
                    from.day
                } else {
                    ctx.quarter?.day
                };
                let q = if base == Base::Text && from.gran != Gran::Quarter {
                    ctx.quarter?.day
                } else {
                    q
                };
                return Some(Res::Period(
                    Period::new(q, Gran::Quarter).shift(4 * steps)?,
                    anchor,
                ));
            }
            if base == Base::Text && from.gran != Gran::Day && gran == Gran::Day {
                return Some(Res::Value(unknown(gran), Text));
            }
            Res::Period(Period::new(from.day, gran).shift(steps)?, anchor)
        }
        Expr::Deictic(n) => match pubd {
            Some(p) => Res::Period(Period::new(add_days(p, n)?, Gran::Day), Published),
            None => Res::Value(unknown(Gran::Day), Published),
        },
        // a clock time without a day: the day the narrative is on, else publication
        Expr::Today => match (ctx.narrative, pubd) {
            (Some(n), _) if n.gran == Gran::Day => Res::Period(n, Text),
            (_, Some(p)) => Res::Period(Period::new(p, Gran::Day), Published),
            _ => Res::Value(unknown(Gran::Day), Published),
        },
        Expr::Quarter {
            q,
            y,
            year_shift,
            latest,
        } => {
            let per = match (q, y) {
                (Some(q), Some(y)) => {
                    Res::Period(Period::new(ymd(y, 3 * q, 1)?, Gran::Quarter), Absolute)
                }
                (Some(q), None) => {
                    let Some(p) = pubd else {
                        return Some(Res::Value(format!("XXXX-Q{q}"), Published));
                    };
                    let cur = calendar::quarter(p);
                    // a quarter told relative to a year (`next year's first
                    // quarter`) starts from the publication year
                    let y = if q > cur && dir == Dir::Past && year_shift == 0 {
                        p.year() - 1
                    } else {
                        p.year()
                    };
                    Res::Period(Period::new(ymd(y, 3 * q, 1)?, Gran::Quarter), Published)
                }
                // the 1988 quarter: the quarter the text is about, in 1988
                (None, Some(y)) => {
                    let qn = match (ctx.quarter, pubd) {
                        (Some(qp), _) => calendar::quarter(qp.day),
                        (None, Some(p)) => {
                            calendar::quarter(Period::new(p, Gran::Quarter).shift(-1)?.day)
                        }
                        (None, None) => {
                            return Some(Res::Period(
                                Period::new(ymd(y, 1, 1)?, Gran::Year),
                                Absolute,
                            ))
                        }
                    };
                    Res::Period(Period::new(ymd(y, 3 * qn, 1)?, Gran::Quarter), Text)
                }
                (None, None) => match (ctx.quarter, pubd) {
                    // the latest quarter is over: not one the text forecasts
                    (Some(qp), Some(p))
                        if latest && qp.day >= Period::new(p, Gran::Quarter).interval()?.0 =>
                    {
                        Res::Period(Period::new(p, Gran::Quarter).shift(-1)?, Published)
                    }
                    (Some(qp), _) => Res::Period(qp, Text),
                    (None, Some(p)) => {
                        Res::Period(Period::new(p, Gran::Quarter).shift(-1)?, Published)
                    }
                    (None, None) => Res::Value(unknown(Gran::Quarter), Published),
                },
            };
            match per {
                Res::Period(p, a) if year_shift != 0 => {
                    Res::Period(p.shift(4 * year_shift as i64)?, a)
                }
                other => other,
            }
        }
        Expr::Season { s, rel, y } => {
            let gran = Gran::Season(s);
            if let Some(y) = y {
                return Some(Res::Period(Period::new(ymd(y, 1, 15)?, gran), Absolute));
            }
            let Some(p) = pubd else {
                return Some(Res::Value(unknown(gran), Published));
            };
            let this = Period::new(ymd(p.year(), 1, 15)?, gran);
            let (b, e) = this.interval()?;
            let r = rel.unwrap_or(if dir == Dir::Future { 1 } else { -1 });
            let inclusive = rel.is_none();
            let y = match r {
                r if r < 0 => p.year() - i32::from(if inclusive { b > p } else { e >= p }),
                r if r > 0 => p.year() + i32::from(if inclusive { e < p } else { b <= p }),
                _ => p.year(),
            };
            Res::Period(Period::new(ymd(y, 1, 15)?, gran), Published)
        }
        Expr::Weekend { n } => match pubd {
            Some(p) => {
                // a weekday looks back to the last weekend, or on to the next one
                let n = n.unwrap_or(match dir {
                    _ if p.weekday().number_from_monday() >= 6 => 0,
                    Dir::Past => -1,
                    Dir::Future => 0,
                });
                Res::Period(Period::new(p, Gran::Weekend).shift(n)?, Published)
            }
            None => Res::Value(unknown(Gran::Weekend), Published),
        },
        Expr::Half { h, y } => match (y, pubd) {
            (Some(y), _) => Res::Value(format!("{y:04}-H{h}"), Absolute),
            (None, Some(p)) => Res::Value(format!("{:04}-H{h}", p.year()), Published),
            (None, None) => Res::Value(format!("XXXX-H{h}"), Published),
        },
        Expr::WeekOf { y, m, d, holiday } => {
            let day = if holiday {
                Expr::Holiday { m, d, y }
            } else {
                Expr::Cal {
                    y,
                    m,
                    d: Some(d),
                    d2: None,
                }
            };
            match resolve_date(&day, tense, ctx)? {
                Res::Period(p, a) => Res::Period(Period::new(p.day, Gran::Week), a),
                other => other,
            }
        }
        Expr::Ref(r) => Res::Value(r.to_string(), Published),
        Expr::Duration(_) | Expr::Set(_) => return None,
    })
}

/// Normalise one item of a sentence; `None` when its date does not exist
/// (`February 30`). Updates the narrative context.
pub fn resolve(item: &Item, span: Span, dir: Option<Dir>, ctx: &mut Ctx) -> Option<Timex> {
    let mut t = Timex {
        span,
        typ: TimexType::Date,
        value: String::new(),
        modifier: item.modifier,
        begin: None,
        end_date: None,
        anchor: Anchor::Absolute,
    };
    match &item.expr {
        Expr::Duration(v) => {
            // six to eleven months: a reporting period longer than a quarter
            let months = v
                .strip_prefix('P')
                .and_then(|m| m.strip_suffix('M'))
                .and_then(|m| m.parse::<u32>().ok());
            if months.is_some_and(|m| (6..12).contains(&m)) {
                ctx.long_period = true;
            }
            t.typ = TimexType::Duration;
            t.value = v.clone();
            return Some(t);
        }
        Expr::Set(v) => {
            t.typ = TimexType::Set;
            t.value = v.clone();
            return Some(t);
        }
        _ => {}
    }
    let res = match resolve_date(&item.expr, dir, ctx) {
        Some(r) => r,
        // a relative expression without a publication date
        None if ctx.published.is_none() => Res::Value(unknown(Gran::Day), Anchor::Published),
        None => return None,
    };
    // the day before / after the date recognised
    let res = match res {
        Res::Period(p, a) if item.day_shift != 0 && p.gran == Gran::Day => {
            Res::Period(Period::new(add_days(p.day, item.day_shift)?, Gran::Day), a)
        }
        Res::Value(_, a) if item.day_shift != 0 => Res::Value(unknown(Gran::Day), a),
        other => other,
    };
    match res {
        Res::Value(v, a) => {
            t.value = v;
            t.anchor = a;
        }
        Res::Period(p, a) => {
            t.value = p.value();
            t.anchor = a;
            if let Some((b, e)) = p.interval() {
                let e = match item.expr {
                    Expr::Cal {
                        y,
                        m,
                        d: Some(_),
                        d2: Some(d2),
                    } => {
                        let y = y.unwrap_or(b.year());
                        ymd(y, m, d2).filter(|_| y == b.year()).unwrap_or(e)
                    }
                    _ => e,
                };
                let (b, e) = match (item.side, ctx.published) {
                    (0, _) => narrow(b, e, item.modifier),
                    // `earlier this month`: from its start to the day
                    // before publication (the whole period when that is
                    // not inside it, or for `earlier today`)
                    (s, Some(d)) if s < 0 && b < d && d <= e => (b, add_days(d, -1)?),
                    (s, Some(d)) if s > 0 && b <= d && d < e => (add_days(d, 1)?, e),
                    _ => (b, e),
                };
                t.begin = Some(b);
                t.end_date = Some(e);
            }
            // a quarter of another year (`the 1988 quarter`) is a comparison,
            // not the quarter the text is about
            let compared = matches!(
                item.expr,
                Expr::Quarter {
                    q: None,
                    y: Some(_),
                    ..
                }
            );
            // a quarter before the one reported on (`after a flat second
            // quarter`) looks back, and one not over at publication (`the
            // fourth quarter` in October) is a forecast: neither is the
            // quarter the report is about
            let looks_back = ctx.quarter.is_some_and(|q| p.day < q.day);
            let forecast = match (p.interval(), ctx.published) {
                (Some((_, end)), Some(d)) => end > d,
                _ => false,
            };
            if matches!(item.expr, Expr::Quarter { year_shift: 0, .. })
                && !compared
                && !looks_back
                && !forecast
            {
                ctx.quarter = Some(p);
                ctx.long_period = false;
            }
            // what a shift yields is told relative to the narrative, it does
            // not move it (`a year ago … a year earlier` both lean on the same date)
            // nor does a quarter of another year (`the year-ago quarter`)
            let other_year = compared
                || matches!(item.expr, Expr::Quarter { year_shift, .. } if year_shift != 0);
            if !other_year
                && !matches!(
                    item.expr,
                    Expr::Ref(_)
                        | Expr::Shift {
                            base: Base::Text | Base::Ago,
                            ..
                        }
                )
            {
                ctx.narrative = Some(p);
            }
        }
    }
    // a part of day or clock time makes it a TIME on that day
    if item.pod.is_some() || item.clock.is_some() {
        t.typ = TimexType::Time;
        let day = if t.value.len() == 10 {
            t.value.clone()
        } else {
            unknown(Gran::Day)
        };
        t.value = match (item.clock, item.pod) {
            (Some((h, m)), _) => format!("{day}T{h:02}:{m:02}"),
            (None, Some(p)) => format!("{day}T{p}"),
            _ => day,
        };
    }
    Some(t)
}
