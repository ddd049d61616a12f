//! Calendar periods: a date at some granularity, its TIMEX3 value and its
//! interval of days.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The granularity of a calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gran {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Season(&'static str),
    Year,
    Decade,
    Century,
}

/// A calendar period: any day inside it and its granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub day: NaiveDate,
    pub gran: Gran,
}

impl Period {
    pub fn new(day: NaiveDate, gran: Gran) -> Period {
        Period { day, gran }
    }

    /// TIMEX3 value.
    pub fn value(&self) -> String {
        let d = self.day;
        match self.gran {
            // plain formatting: chrono's strftime parser is slow for this
            Gran::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Gran::Week => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Gran::Weekend => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Gran::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Gran::Quarter => format!("{:04}-Q{}", d.year(), quarter(d)),
            Gran::Season(s) => format!("{:04}-{s}", d.year()),
            Gran::Year => format!("{:04}", d.year()),
            Gran::Decade => format!("{:03}", d.year().div_euclid(10)),
            Gran::Century => format!("{:02}", d.year().div_euclid(100)),
        }
    }

    /// First and last day.
    pub fn interval(&self) -> Option<(NaiveDate, NaiveDate)> {
        let d = self.day;
        let y = d.year();
        let ymd = |y: i32, m: u32, day: u32| NaiveDate::from_ymd_opt(y, m, day);
        let month_end =
            |y: i32, m: u32| ymd(y, m, 1)?.checked_add_months(Months::new(1))?.pred_opt();
        Some(match self.gran {
            Gran::Day => (d, d),
            Gran::Week => {
                let mon = d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64);
                (mon, mon.checked_add_days(Days::new(6))?)
            }
            Gran::Weekend => {
                let mon = d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64);
                (
                    mon.checked_add_days(Days::new(5))?,
                    mon.checked_add_days(Days::new(6))?,
                )
            }
            Gran::Month => (ymd(y, d.month(), 1)?, month_end(y, d.month())?),
            Gran::Quarter => {
                let q = quarter(d);
                (ymd(y, 3 * q - 2, 1)?, month_end(y, 3 * q)?)
            }
            // meteorological seasons of the northern hemisphere
            Gran::Season(s) => match s {
                "SP" => (ymd(y, 3, 1)?, ymd(y, 5, 31)?),
                "SU" => (ymd(y, 6, 1)?, ymd(y, 8, 31)?),
                "FA" => (ymd(y, 9, 1)?, ymd(y, 11, 30)?),
                _ => (ymd(y, 12, 1)?, month_end(y + 1, 2)?),
            },
            Gran::Year => (ymd(y, 1, 1)?, ymd(y, 12, 31)?),
            Gran::Decade => {
                let s = y.div_euclid(10) * 10;
                (ymd(s, 1, 1)?, ymd(s + 9, 12, 31)?)
            }
            Gran::Century => {
                let s = y.div_euclid(100) * 100;
                (ymd(s, 1, 1)?, ymd(s + 99, 12, 31)?)
            }
        })
    }

    /// The period `n` units of its own granularity away.
    pub fn shift(&self, n: i64) -> Option<Period> {
        let d = self.day;
        let day = match self.gran {
            Gran::Day => add_days(d, n)?,
            Gran::Week | Gran::Weekend => add_days(d, 7 * n)?,
            Gran::Month => add_months(d, n)?,
            Gran::Quarter => add_months(d, 3 * n)?,
            Gran::Season(_) | Gran::Year => add_months(d, 12 * n)?,
            Gran::Decade => add_months(d, 120 * n)?,
            Gran::Century => add_months(d, 1200 * n)?,
        };
        Some(Period::new(day, self.gran))
    }
}

/// The interval narrowed by a TIMEX3 mod: START, MID and END are the first,
/// middle and last third of the period (early December → 1–10 December).
pub fn narrow(begin: NaiveDate, end: NaiveDate, modifier: Option<&str>) -> (NaiveDate, NaiveDate) {
    let len = (end - begin).num_days() + 1;
    let third = len / 3;
    if third == 0 {
        return (begin, end);
    }
    match modifier {
        Some("START") => (begin, add_days(begin, third - 1).unwrap_or(end)),
        Some("MID") => (
            add_days(begin, third).unwrap_or(begin),
            add_days(end, -third).unwrap_or(end),
        ),
        Some("END") => (add_days(end, -(third - 1)).unwrap_or(begin), end),
        _ => (begin, end),
    }
}

pub fn quarter(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let n32 = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(n32))
    } else {
        d.checked_sub_months(Months::new(n32))
    }
}

pub fn weekday(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The day of the given weekday nearest to `from` in a direction, `from`
/// itself included when it is that weekday.
pub fn weekday_from(from: NaiveDate, wd: u32, future: bool) -> Option<NaiveDate> {
    let target = weekday(wd).num_days_from_monday() as i64;
    let cur = from.weekday().num_days_from_monday() as i64;
    let diff = if future {
        (target - cur).rem_euclid(7)
    } else {
        -((cur - target).rem_euclid(7))
    };
    add_days(from, diff)
}

/// The Gran of a unit letter from the lexicon.
pub fn unit_gran(unit: &str) -> Option<Gran> {
    Some(match unit {
        "D" => Gran::Day,
        "W" | "2W" => Gran::Week,
        "WE" => Gran::Weekend,
        "M" => Gran::Month,
        "Q" => Gran::Quarter,
        "Y" => Gran::Year,
        "DE" => Gran::Decade,
        "CE" => Gran::Century,
        _ => return None,
    })
}
