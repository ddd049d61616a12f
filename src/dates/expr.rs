//! What the grammar recognises, before it is anchored and normalised.

/// The meaning of one temporal expression, independent of any anchor.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A month with an optional day (or day range `d..=d2`) and year.
    Cal {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
        d2: Option<u32>,
    },
    /// A month (and day) of a year told relative to publication:
    /// `January this year`, `July 4 last year`.
    CalRelYear { m: u32, d: Option<u32>, rel: i32 },
    /// `last November`, `next March`, `this December`.
    RelMonth { m: u32, rel: i32 },
    /// A year (`2015`, `fiscal 1989`).
    Year(i32),
    /// A century by its ordinal (`the 20th century` → 19).
    Century(u32),
    /// A decade by its first three digits (`the 1990s` → 199).
    Decade(i32),
    /// A weekday; `rel` is -1 for `last`, 1 for `next`, 0 for `this`, `None`
    /// for a bare weekday whose direction comes from the tense.
    Weekday { wd: u32, rel: Option<i32> },
    /// `the previous Friday`, `the following Monday`: the weekday before or
    /// after the day the narrative is on (`rel` -1 or 1).
    TextWeekday { wd: u32, rel: i32 },
    /// `n` calendar units from the anchor's unit (`last week` -1, `this year`
    /// 0, `two years ago` -2).
    Shift {
        unit: &'static str,
        n: i64,
        base: Base,
    },
    /// Days from the publication date (`yesterday` -1).
    Deictic(i64),
    /// A quarter; `q: None` is the quarter the text is talking about (`the
    /// quarter`); `year_shift` -1 for `the year-earlier quarter`.
    Quarter {
        q: Option<u32>,
        y: Option<i32>,
        year_shift: i32,
        /// `the latest quarter`: the last one reported, never one still to come.
        latest: bool,
    },
    /// A half year (`h` 1 or 2) of a year, or of the publication year.
    Half { h: u32, y: Option<i32> },
    /// The calendar week holding a day (`the week of March 6`), or a
    /// holiday when `holiday` (`Easter week`, `d` coded as in
    /// [`Expr::Holiday`]).
    WeekOf {
        y: Option<i32>,
        m: u32,
        d: u32,
        holiday: bool,
    },
    /// A season (`SU`) with its year, or relative to the anchor.
    Season {
        s: &'static str,
        rel: Option<i32>,
        y: Option<i32>,
    },
    /// A weekend: weeks from the anchor's week; `None`: the one the tense
    /// points to (`the weekend`).
    Weekend { n: Option<i64> },
    /// A fixed-day holiday.
    Holiday { m: u32, d: u32, y: Option<i32> },
    /// `last Thanksgiving`, `next Christmas`: the one before or after
    /// publication (`rel` -1, 1), or of the publication year (0).
    RelHoliday { m: u32, d: u32, rel: i32 },
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// A TIMEX3 duration value (`P3D`, `PXY`).
    Duration(String),
    /// A TIMEX3 set value (`P1W`, `XXXX-WXX-1`).
    Set(String),
    /// A clock time with no date of its own: the publication day.
    Today,
}

/// What a shift counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The publication period (`last week`, `this year`).
    Published,
    /// The publication date, counting whole units back (`two years ago`):
    /// in a text about a quarter, `a year ago` is that quarter a year before.
    Ago,
    /// The date the narrative established (`a year earlier`, `the following week`).
    Text,
}

/// One recognised expression: token range and meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    /// Part of day (`NI`), making the expression a TIME.
    pub pod: Option<&'static str>,
    /// Clock time (hour, minute), making the expression a TIME.
    pub clock: Option<(u32, u32)>,
    pub modifier: Option<&'static str>,
    /// Days from the date recognised (`the day before last Tuesday` -1).
    pub day_shift: i64,
    /// The part of the period before publication (`earlier this month`,
    /// -1) or after it (`later this week`, 1); 0 for the whole period.
    pub side: i8,
}

impl Item {
    pub fn new(start: usize, end: usize, expr: Expr) -> Item {
        Item {
            start,
            end,
            expr,
            pod: None,
            clock: None,
            modifier: None,
            day_shift: 0,
            side: 0,
        }
    }
}
