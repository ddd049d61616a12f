//! Recognition: a small hand-ordered grammar over the tokens of one sentence.
//! At each token the alternatives are tried and the longest match wins
//! (leftmost-longest), so the scan is linear in the number of tokens times a
//! small constant: no backtracking over the text.

use super::expr::{Base, Expr, Item};
use super::lex::{Kind, Tok};
use super::lexicon::Class;

/// A lowercase plural word of no temporal meaning (`flights`, `units`):
/// what an amount usually counts.
fn plural_noun(p: &Tok<'_>) -> bool {
    p.kind == Kind::Word
        && p.low.len() > 3
        && p.low.ends_with('s')
        && !p.low.ends_with("ss")
        && !p.cap
        && p.classes.is_empty()
}

/// Every expression of one sentence's tokens, in order, not overlapping.
pub fn recognise(t: &[Tok<'_>]) -> Vec<Item> {
    let g = G { t };
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // an expression starts a word or number, never inside one
        if t[i].glued && i > 0 && t[i - 1].kind != Kind::Punct && t[i].kind != Kind::Punct {
            i += 1;
            continue;
        }
        match g.at(i) {
            Some(mut item) if item.end > i => {
                // the next year or so: the approximation is part of the span
                if g.is(item.end, "or") && g.is(item.end + 1, "so") {
                    item.end += 2;
                }
                // 1994 or later, 2020 and beyond: an open end is the mod
                if let Some(m) = g.open_end(&item) {
                    item.end += 2;
                    item.modifier = Some(m);
                }
                // 24 hours a day, seven days a week: the whole of the larger
                // unit, a way of saying "always", no time
                if let Some(k) = g.whole_unit(&item) {
                    i = k;
                    continue;
                }
                let second = g.second_day(&mut item);
                i = item.end;
                out.push(item);
                if let Some(second) = second {
                    i = second.end;
                    out.push(second);
                }
            }
            _ => i += 1,
        }
    }
    out
}

struct G<'a> {
    t: &'a [Tok<'a>],
}

fn unit_letter(u: &str) -> (&'static str, bool) {
    // (TIMEX3 letter, is a time-of-day unit)
    match u {
        "TS" => ("S", true),
        "TM" => ("M", true),
        "TH" => ("H", true),
        "D" => ("D", false),
        "W" => ("W", false),
        "2W" => ("W", false),
        "WE" => ("WE", false),
        "M" => ("M", false),
        "Q" => ("Q", false),
        "Y" => ("Y", false),
        "DE" => ("DE", false),
        _ => ("CE", false),
    }
}

/// A duration of `n` and a half units (`2 1/2 years` → P2Y6M), written
/// with the next smaller unit as TimeML does; `None` for a unit without one.
fn duration_half(n: u32, unit: &str) -> Option<String> {
    let lead = |l: &str| {
        if n == 0 {
            String::new()
        } else {
            format!("{n}{l}")
        }
    };
    Some(match unit {
        "Y" => format!("P{}6M", lead("Y")),
        "DE" => format!("P{}Y", 10 * n + 5),
        "CE" => format!("P{}Y", 100 * n + 50),
        "M" => format!("P{}15D", lead("M")),
        "D" => format!("P{}T12H", lead("D")),
        "TH" => format!("PT{}30M", lead("H")),
        "TM" => format!("PT{}30S", lead("M")),
        _ => return None,
    })
}

/// A duration value: `P3D`, `PT4H`, `PXY`.
pub fn duration(n: Option<u32>, unit: &str) -> String {
    // a counted number of decades or centuries is written in years, as
    // TimeML news annotation does (`two decades` → P20Y)
    let (unit, n) = match (unit, n) {
        ("DE", Some(n)) => ("Y", Some(10 * n)),
        ("CE", Some(n)) => ("Y", Some(100 * n)),
        _ => (unit, n),
    };
    let (l, time) = unit_letter(unit);
    let n = match (n, unit) {
        (Some(n), "2W") => (2 * n).to_string(),
        (Some(n), _) => n.to_string(),
        (None, _) => "X".to_string(),
    };
    if time {
        format!("PT{n}{l}")
    } else if l == "WE" {
        format!("P{n}WE")
    } else {
        format!("P{n}{l}")
    }
}

impl<'a> G<'a> {
    fn tok(&self, i: usize) -> Option<&'a Tok<'a>> {
        self.t.get(i)
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(w))
    }
    fn any(&self, i: usize, ws: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| ws.contains(&t.low))
    }
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }
    fn class<T>(&self, i: usize, f: impl Fn(&Class) -> Option<T>) -> Option<T> {
        self.tok(i)?.classes.iter().find_map(f)
    }
    fn month(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        let m = self.class(i, |c| {
            if let Class::Month(m) = c {
                Some(*m)
            } else {
                None
            }
        })?;
        // month names are capitalised in running text; `may`, `march` and the
        // abbreviations need more evidence than that (checked by callers)
        t.cap.then_some(m)
    }
    fn weekday(&self, i: usize) -> Option<u32> {
        self.class(i, |c| {
            if let Class::Weekday(d) = c {
                Some(*d)
            } else {
                None
            }
        })
    }
    fn unit(&self, i: usize) -> Option<&'static str> {
        self.class(i, |c| {
            if let Class::Unit(u) = c {
                Some(*u)
            } else {
                None
            }
        })
    }
    fn pod(&self, i: usize) -> Option<&'static str> {
        self.class(i, |c| {
            if let Class::Pod(p) = c {
                Some(*p)
            } else {
                None
            }
        })
    }
    fn season(&self, i: usize) -> Option<&'static str> {
        self.class(i, |c| {
            if let Class::Season(s) = c {
                Some(*s)
            } else {
                None
            }
        })
    }
    fn rel(&self, i: usize) -> Option<i32> {
        self.class(i, |c| {
            if let Class::Rel(r) = c {
                Some(*r)
            } else {
                None
            }
        })
    }
    fn ord(&self, i: usize) -> Option<u32> {
        if let Some(o) = self.class(i, |c| {
            if let Class::Ord(o) = c {
                Some(*o)
            } else {
                None
            }
        }) {
            return Some(o);
        }
        // 1st, 2nd, 3rd, 4th
        let t = self.tok(i)?;
        let n = t.number()?;
        self.any(i + 1, &["st", "nd", "rd", "th"])
            .then_some(())
            .filter(|_| self.glued(i + 1))?;
        Some(n)
    }
    /// Does an amount end right before `i` (`$2 million`, `500 flights`,
    /// `twice`), so that `a year` after it is a rate?
    fn rate_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).and_then(|k| self.tok(k)) else {
            return false;
        };
        self.amount_end(p) || plural_noun(p)
    }

    /// Does a counted amount end right before `i` (`8%`, `$2 million`,
    /// `10,000 units`)? Stricter than [`G::rate_before`]: a bare plural may
    /// be a verb (`the ferry sails daily`).
    fn count_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).and_then(|k| self.tok(k)) else {
            return false;
        };
        self.amount_end(p)
            || (plural_noun(p)
                && i.checked_sub(2)
                    .and_then(|k| self.tok(k))
                    .is_some_and(|q| self.amount_end(q)))
    }

    /// A number, a percent sign or an amount word (`million`, `twice`).
    fn amount_end(&self, p: &Tok<'_>) -> bool {
        match p.kind {
            Kind::Digits => true,
            Kind::Punct => p.is("%"),
            Kind::Word => matches!(
                p.low,
                "once"
                    | "twice"
                    | "times"
                    | "million"
                    | "billion"
                    | "thousand"
                    | "hundred"
                    | "hundreds"
                    | "thousands"
                    | "dozens"
                    | "millions"
                    | "percent"
            ),
        }
    }

    /// A capitalised unit inside a sentence is part of a title (`"This
    /// Week"`, `"60 Minutes"`), not a time.
    fn title_unit(&self, i: usize) -> bool {
        i > 0 && self.tok(i).is_some_and(|t| t.cap)
    }
    fn plural(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.low.ends_with('s') && !t.low.ends_with("ss"))
    }
    fn is_word_unit_singular(&self, i: usize) -> bool {
        self.unit(i).is_some() && !self.plural(i)
    }

    /// A year: four digits 1000–2099 that are not part of a larger number.
    fn year(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Digits || t.low.len() != 4 {
            return None;
        }
        let y = t.number()? as i32;
        if !(1000..2100).contains(&y) {
            return None;
        }
        if i > 0
            && (self.t[i - 1].is("$")
                || (t.glued && self.t[i - 1].kind == Kind::Punct && self.t[i - 1].is(".")))
        {
            return None;
        }
        if let Some(n) = self.tok(i + 1) {
            if n.glued && (n.is("%") || (n.kind == Kind::Word && !n.is("s"))) {
                return None;
            }
            if n.glued
                && (n.is(",") || n.is("."))
                && self
                    .tok(i + 2)
                    .is_some_and(|d| d.glued && d.kind == Kind::Digits)
            {
                return None;
            }
        }
        Some(y)
    }

    /// A day of the month (1–31), optionally as an ordinal (`18th`).
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        let d = t.number().filter(|_| t.low.len() <= 2)?;
        if !(1..=31).contains(&d) {
            return None;
        }
        if self.any(i + 1, &["st", "nd", "rd", "th"]) && self.glued(i + 1) {
            return Some((d, i + 2));
        }
        if self
            .tok(i + 1)
            .is_some_and(|n| n.glued && n.kind == Kind::Word)
        {
            return None;
        }
        Some((d, i + 1))
    }

    /// A cardinal: digits or number words (`twenty four`), `a`, `a few`.
    /// `None` inside means a vague quantity (X).
    fn number(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let t = self.tok(i)?;
        if let Some(n) = t.number() {
            if self
                .tok(i + 1)
                .is_some_and(|n| n.glued && (n.is(".") || n.is(",")))
                && self
                    .tok(i + 2)
                    .is_some_and(|d| d.glued && d.kind == Kind::Digits)
            {
                return None;
            }
            return Some((Some(n), i + 1));
        }
        if t.is("a") && self.any(i + 1, &["few", "couple"]) {
            let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
            return Some((if self.is(i + 1, "few") { None } else { Some(2) }, j));
        }
        let n = self.class(i, |c| {
            if let Class::Num(n) = c {
                Some(*n)
            } else {
                None
            }
        })?;
        if n == 0 {
            return Some((None, i + 1));
        }
        // the next couple of years
        if t.is("couple") {
            let j = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
            return Some((Some(2), j));
        }
        let mut total = n;
        let mut j = i + 1;
        if (20..100).contains(&n) && n % 10 == 0 {
            let k = if self.is(j, "-") && self.glued(j) {
                j + 1
            } else {
                j
            };
            if let Some(u) = self.class(k, |c| {
                if let Class::Num(u) = c {
                    Some(*u)
                } else {
                    None
                }
            }) {
                if (1..10).contains(&u) && !self.any(k, &["a", "an"]) {
                    total += u;
                    j = k + 1;
                }
            }
        }
        if self.is(j, "hundred") && total < 10 {
            total *= 100;
            j += 1;
        }
        Some((Some(total), j))
    }

    /// Can an expression start at token `i`? Most words of a sentence
    /// cannot, and this saves trying every alternative on them.
    fn may_start(&self, t: &Tok<'_>) -> bool {
        match t.kind {
            Kind::Digits => true,
            Kind::Punct => false,
            Kind::Word => {
                // the words of the lexicon, starters included (`the`, `every`,
                // `Mondays`): one lookup made by the tokenizer
                !t.classes.is_empty()
            }
        }
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<Item> {
        let t = self.tok(i)?;
        if !self.may_start(t) {
            return None;
        }
        // quantity modifiers: about three weeks, more than four hours
        // no more than sixty days: at most; not less than a year: at least
        let negated = self.any(i, &["no", "not"]) && self.is(i + 2, "than");
        let approx = if negated && self.is(i + 1, "more") {
            Some(("EQUAL_OR_LESS", i + 3))
        } else if negated && self.is(i + 1, "less") {
            Some(("EQUAL_OR_MORE", i + 3))
        } else if t.is("more") && self.is(i + 1, "than") {
            Some(("MORE_THAN", i + 2))
        } else if t.is("less") && self.is(i + 1, "than") {
            Some(("LESS_THAN", i + 2))
        } else if t.is("at") && self.is(i + 1, "least") {
            Some(("EQUAL_OR_MORE", i + 2))
        } else if t.is("up") && self.is(i + 1, "to") {
            Some(("EQUAL_OR_LESS", i + 2))
        } else if t.is("over") && self.any(i + 1, &["a", "an"]) {
            // `over a week` is more than one; `over three years` is the
            // span something is spread over
            Some(("MORE_THAN", i + 1))
        } else {
            self.class(i, |c| {
                if let Class::Approx(m) = c {
                    Some(*m)
                } else {
                    None
                }
            })
            .map(|m| (m, i + 1))
        };
        if let Some((m, j)) = approx {
            // nearly three weeks, around 10 a.m., about two years ago (the
            // approximation is part of the expression), around Nov. 1
            let date_ok = t.is("around") || t.is("about");
            // around year end, around next week (`about` is too often the
            // preposition: `talk about last year`)
            let period_ok = t.is("around");
            if let Some(mut item) = self.core(j).filter(|it| {
                matches!(
                    it.expr,
                    Expr::Duration(_)
                        | Expr::Shift {
                            base: Base::Ago,
                            ..
                        }
                ) || it.clock.is_some()
                    || (date_ok && matches!(it.expr, Expr::Cal { .. } | Expr::CalRelYear { .. }))
                    || (period_ok
                        && matches!(
                            it.expr,
                            Expr::Shift {
                                base: Base::Published,
                                ..
                            }
                        ))
            }) {
                // `about` before a counted amount or a clock time (`about
                // five hours`, `about 10:35 a.m.`) stays out of the span, as
                // in both TimeML corpora; it belongs to `about a decade`
                // and to `about two years ago`, and the modifier is kept
                let counted = self.tok(j).is_some_and(|n| !n.is("a") && !n.is("an"))
                    && (matches!(item.expr, Expr::Duration(_)) || item.clock.is_some());
                if !(t.is("about") && counted) {
                    item.start = i;
                }
                item.modifier = Some(m);
                return Some(item);
            }
        }
        // post-1959, pre-1990: after or before that year
        if self.any(i, &["post", "pre"]) && self.is(i + 1, "-") && self.glued(i + 1) {
            if let Some(y) = self.year(i + 2).filter(|_| self.glued(i + 2)) {
                let mut item = Item::new(i, i + 3, Expr::Year(y));
                item.modifier = Some(if t.is("post") { "AFTER" } else { "BEFORE" });
                return Some(item);
            }
        }
        // sometime next year: the vagueness is part of the span
        if t.is("sometime") {
            if let Some(mut item) = self.core(i + 1).filter(|it| {
                !matches!(
                    it.expr,
                    Expr::Duration(_) | Expr::Set(_) | Expr::Ref(_) | Expr::Today
                ) && it.clock.is_none()
            }) {
                item.start = i;
                return Some(item);
            }
        }
        // period modifiers: early December, mid-2018, the end of the year
        let period = if let Some(m) = self.class(i, |c| {
            if let Class::Mod(m) = c {
                Some(*m)
            } else {
                None
            }
        }) {
            let j = if self.is(i + 1, "-") && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            Some((m, j))
        } else {
            let j = if t.is("the") { i + 1 } else { i };
            let m = match self.tok(j).map(|t| t.low) {
                Some("end") => Some("END"),
                Some("beginning") | Some("start") => Some("START"),
                Some("middle") => Some("MID"),
                _ => None,
            };
            match m {
                Some(m) if self.is(j + 1, "of") => Some((m, j + 2)),
                _ => None,
            }
        };
        if let Some((m, j)) = period {
            let inner = self
                .core(j)
                .filter(|it| !matches!(it.expr, Expr::Duration(_) | Expr::Set(_) | Expr::Ref(_)));
            if let Some(mut item) = inner.or_else(|| self.the_unit(j)) {
                item.start = i;
                item.modifier = Some(m);
                return Some(item);
            }
            // mid-afternoon, early morning [yesterday | Friday]: a time of that day
            if let Some(p) = self
                .pod(j)
                .filter(|_| !self.plural(j) && !self.is(j, "overnight"))
            {
                let day = self
                    .deictic(j + 1)
                    .or_else(|| self.weekday_expr(j + 1))
                    .filter(|d| {
                        d.pod.is_none() && matches!(d.expr, Expr::Deictic(_) | Expr::Weekday { .. })
                    });
                let mut item = match day {
                    Some(d) => Item::new(i, d.end, d.expr),
                    None => Item::new(i, j + 1, Expr::Today),
                };
                item.pod = Some(p);
                item.modifier = Some(m);
                return Some(item);
            }
        }
        // the day before last Tuesday, the day after Christmas: the day next
        // to a date (`the` stays out, as in TimeML news annotation)
        if t.is("day") && self.any(i + 1, &["before", "after"]) {
            if let Some(mut item) = self.core(i + 2).filter(|it| {
                it.pod.is_none()
                    && it.clock.is_none()
                    && matches!(
                        it.expr,
                        Expr::Cal {
                            d: Some(_),
                            d2: None,
                            ..
                        } | Expr::Weekday { .. }
                            | Expr::Deictic(_)
                            | Expr::Holiday { .. }
                            | Expr::RelHoliday { .. }
                    )
            }) {
                item.start = i;
                item.day_shift = if self.is(i + 1, "before") { -1 } else { 1 };
                return Some(item);
            }
        }
        // earlier this week, later today: the TimeML mod is START / END,
        // and the interval the part of the period before / after publication
        if self.any(i, &["earlier", "later"]) {
            if let Some(mut item) = self
                .core(i + 1)
                .filter(|it| matches!(it.expr, Expr::Shift { n: 0, .. } | Expr::Deictic(_)))
            {
                item.start = i;
                let earlier = t.is("earlier");
                item.modifier = Some(if earlier { "START" } else { "END" });
                // `earlier that year` is before a time of the story, not
                // before publication
                let now = matches!(
                    item.expr,
                    Expr::Shift {
                        base: Base::Published,
                        ..
                    } | Expr::Deictic(_)
                );
                if now {
                    item.side = if earlier { -1 } else { 1 };
                }
                return Some(item);
            }
        }
        self.core(i)
    }

    /// The end of `a day` after `24 hours` (of `a week` after `seven
    /// days`, …): a count of a unit that fills the larger unit it is given
    /// per.
    fn whole_unit(&self, item: &Item) -> Option<usize> {
        let Expr::Duration(v) = &item.expr else {
            return None;
        };
        let e = item.end;
        if item.modifier.is_some() || !self.any(e, &["a", "an", "per"]) {
            return None;
        }
        let per = self.unit(e + 1).filter(|_| !self.plural(e + 1))?;
        let whole = match per {
            "D" => "PT24H",
            "W" => "P7D",
            "Y" => "P12M",
            "TH" => "PT60M",
            _ => return None,
        };
        (v == whole).then_some(e + 2)
    }

    /// `12 to 18 months`: the end of a second, larger count after `to`
    /// (the count of a range is vague: `PXM`).
    fn range_to(&self, n: Option<u32>, k: usize) -> Option<usize> {
        let n = n?;
        if !self.is(k, "to") {
            return None;
        }
        let (n2, e) = self.number(k + 1)?;
        (n2? > n && self.unit(e).is_some() && self.plural(e)).then_some(e)
    }

    /// `or later`, `and beyond`, `or earlier` closing a date: the TIMEX3 mod
    /// of the open interval (`and later` must end the phrase: `in 2009 and
    /// later sold` joins two events).
    fn open_end(&self, item: &Item) -> Option<&'static str> {
        let dated = !matches!(
            item.expr,
            Expr::Duration(_) | Expr::Set(_) | Expr::Ref(_) | Expr::Today
        ) && item.modifier.is_none()
            && item.clock.is_none();
        if !dated {
            return None;
        }
        let k = item.end;
        let m = match (self.tok(k)?.low, self.tok(k + 1)?.low) {
            ("and", "beyond") => "ON_OR_AFTER",
            ("or" | "and", "later" | "after") => "ON_OR_AFTER",
            ("or", "earlier" | "before") => "ON_OR_BEFORE",
            _ => return None,
        };
        let closed = self.tok(k + 2).is_none_or(|n| n.kind == Kind::Punct);
        closed.then_some(m)
    }

    /// April 24 and 25: the second day of the same month is a date of its
    /// own. A year after it (`April 24 and 25, 1999`) is the year of both.
    fn second_day(&self, first: &mut Item) -> Option<Item> {
        let Expr::Cal {
            y,
            m,
            d: Some(d),
            d2: None,
        } = first.expr
        else {
            return None;
        };
        let k = first.end;
        if !self.any(k, &["and", "or"]) {
            return None;
        }
        let (d2, end) = self.day(k + 1).filter(|(d2, _)| *d2 > d)?;
        // the day ends the phrase: `April 24 and 25 percent` is no date
        let closed = self
            .tok(end)
            .is_none_or(|n| n.kind == Kind::Punct && !matches!(n.low, "%" | "-" | "/" | ":"));
        if !closed {
            return None;
        }
        let year = if y.is_none() && self.is(end, ",") {
            self.year(end + 1)
        } else {
            None
        };
        let y = y.or(year);
        first.expr = Expr::Cal {
            y,
            m,
            d: Some(d),
            d2: None,
        };
        let end = if year.is_some() { end + 2 } else { end };
        Some(Item::new(
            k + 1,
            end,
            Expr::Cal {
                y,
                m,
                d: Some(d2),
                d2: None,
            },
        ))
    }

    /// `the year`, `the month` after a period modifier: the anchor's period.
    fn the_unit(&self, i: usize) -> Option<Item> {
        if !self.is(i, "the") {
            return None;
        }
        let u = self.unit(i + 1).filter(|_| !self.plural(i + 1))?;
        Some(Item::new(
            i,
            i + 2,
            Expr::Shift {
                unit: u,
                n: 0,
                base: Base::Published,
            },
        ))
    }

    /// An expression without a leading modifier: the longest alternative.
    fn core(&self, i: usize) -> Option<Item> {
        let item = self.core_any(i)?;
        // the quarter-to-quarter comparison, day-to-day running: a compound
        // adjective of two units, no time
        let e = item.end;
        let compound = self.unit(e - 1).is_some()
            && self.is(e, "-")
            && self.glued(e)
            && self.is(e + 1, "to")
            && self.is(e + 2, "-")
            && self.unit(e + 3).is_some();
        (!compound).then_some(item)
    }

    /// The longest alternative of [`G::core`].
    fn core_any(&self, i: usize) -> Option<Item> {
        // `the first half`, `the week of`: only after an article
        let the = self.is(i, "the");
        // each alternative weighed as it comes, in this order (the first of
        // the longest wins); gathering them in an array first copied every
        // item around several times
        let mut best: Option<Item> = None;
        let mut weigh = |a: Option<Item>| {
            if let Some(a) = a {
                if best.as_ref().is_none_or(|b| a.end > b.end) {
                    best = Some(a);
                }
            }
        };
        // first: ties go to the earlier alternative, and `one day` after a
        // modal is no duration
        weigh(self.modal_one_day(i));
        weigh(self.calendar(i));
        weigh(self.relative(i));
        weigh(self.quantity(i));
        weigh(self.deictic(i));
        weigh(self.weekday_expr(i));
        weigh(self.reference(i));
        weigh(self.set(i));
        weigh(self.quarter(i));
        if the {
            weigh(self.half(i));
            weigh(self.week_of(i));
        }
        weigh(self.clock_expr(i));
        best
    }

    /// Absolute and partial dates.
    fn calendar(&self, i: usize) -> Option<Item> {
        let t = self.tok(i)?;
        // the 1990s, 1990s, the '90s
        let (j, the) = if t.is("the") {
            (i + 1, true)
        } else {
            (i, false)
        };
        if let Some(tj) = self.tok(j) {
            if tj.kind == Kind::Digits
                && self.is(j + 1, "s")
                && self.glued(j + 1)
                && tj.low.len() == 4
                && tj.low.ends_with('0')
            {
                let y: i32 = tj.low.parse().ok()?;
                return Some(Item::new(i, j + 2, Expr::Decade(y / 10)));
            }
            if the
                && tj.is("'")
                && self.tok(j + 1).is_some_and(|d| {
                    d.kind == Kind::Digits && d.low.len() == 2 && d.low.ends_with('0')
                })
                && self.is(j + 2, "s")
            {
                let d: i32 = self.t[j + 1].low.parse().ok()?;
                return Some(Item::new(i, j + 3, Expr::Decade(190 + d / 10)));
            }
        }
        // the 20th century, 11th century
        let century = self.is(j + 1, "century") || self.is(j + 2, "century");
        let ord = if century { self.ord(j) } else { None };
        if let Some(n) = ord.filter(|n| (1..=21).contains(n)) {
            let k = if self.tok(j).is_some_and(|x| x.kind == Kind::Digits) {
                j + 2
            } else {
                j + 1
            };
            if self.is(k, "century") && !(self.is(k + 1, "-") && self.glued(k + 1)) {
                return Some(Item::new(i, k + 1, Expr::Century(n)));
            }
        }
        // the nineties: the decade of the twentieth century, as `the '90s`
        if the {
            if let Some(d) = self.class(j, |c| {
                if let Class::DecadeWord(d) = c {
                    Some(*d)
                } else {
                    None
                }
            }) {
                return Some(Item::new(i, j + 1, Expr::Decade(190 + d as i32)));
            }
        }
        // fiscal 1989
        if t.is("fiscal") {
            if let Some(y) = self.year(i + 1) {
                return Some(Item::new(i, i + 2, Expr::Year(y)));
            }
        }
        // numeric: 2017-11-20, 11/20/2017, 20.11.2017 (tokens glued)
        if t.kind == Kind::Digits {
            if let Some(item) = self.numeric(i) {
                return Some(item);
            }
        }
        // day month [year]: 18 November 2017, 18th of November
        if let Some((d, j)) = self.day(i) {
            let j2 = if self.is(j, "of") { j + 1 } else { j };
            if let Some(m) = self.month(j2) {
                let mut end = j2 + 1;
                // the period of an abbreviation (`20 Nov. 2017`), not a full stop
                if self.is(end, ".")
                    && self.glued(end)
                    && self.t[j2].low.len() <= 4
                    && self.t[j2].low != "may"
                {
                    end += 1;
                }
                let (y, end) = match self.year(end).or_else(|| {
                    if self.is(end, ",") {
                        self.year(end + 1)
                    } else {
                        None
                    }
                }) {
                    Some(y) => (Some(y), if self.is(end, ",") { end + 2 } else { end + 1 }),
                    None => (None, end),
                };
                return Some(Item::new(
                    i,
                    end,
                    Expr::Cal {
                        y,
                        m,
                        d: Some(d),
                        d2: None,
                    },
                ));
            }
        }
        // month [day[-day]] [, year]
        if let Some(m) = self.month(i) {
            let short = t.low.len() <= 4 && !matches!(t.low, "may" | "june" | "july");
            let mut j = i + 1;
            let dotted = self.is(j, ".")
                && self.glued(j)
                && t.low.len() <= 4
                && !matches!(t.low, "may" | "june" | "july");
            if dotted {
                j += 1;
            }
            if short && !dotted && t.low.len() < 4 && !matches!(t.low, "may") {
                // `Mar`, `Jan` without a period: only before a day or year
                if self.day(j).is_none() && self.year(j).is_none() {
                    return None;
                }
            }
            if let Some((d, k)) = self.day(j) {
                let mut end = k;
                let mut d2 = None;
                if self.any(end, &["-", "–"]) {
                    if let Some((e, k2)) = self.day(end + 1) {
                        if e > d {
                            d2 = Some(e);
                            end = k2;
                        }
                    }
                }
                let (y, end) = if self.is(end, ",") && self.year(end + 1).is_some() {
                    (self.year(end + 1), end + 2)
                } else if self.year(end).is_some() {
                    (self.year(end), end + 1)
                } else {
                    (None, end)
                };
                if let Some((rel, e)) = self.rel_year(end).filter(|_| y.is_none() && d2.is_none()) {
                    return Some(Item::new(i, e, Expr::CalRelYear { m, d: Some(d), rel }));
                }
                return Some(Item::new(
                    i,
                    end,
                    Expr::Cal {
                        y,
                        m,
                        d: Some(d),
                        d2,
                    },
                ));
            }
            let (y, end) = if self.year(j).is_some() {
                (self.year(j), j + 1)
            } else if self.any(j, &[",", "of"]) && self.year(j + 1).is_some() {
                (self.year(j + 1), j + 2)
            } else if let Some((y, e)) = self.word_year(j) {
                (Some(y), e)
            } else {
                (None, if dotted { j } else { i + 1 })
            };
            if let Some((rel, e)) = self.rel_year(end).filter(|_| y.is_none()) {
                return Some(Item::new(i, e, Expr::CalRelYear { m, d: None, rel }));
            }
            if y.is_none() && matches!(t.low, "may" | "march") && !self.month_context(i) {
                return None;
            }
            return Some(Item::new(
                i,
                end,
                Expr::Cal {
                    y,
                    m,
                    d: None,
                    d2: None,
                },
            ));
        }
        // seasons: summer, the summer of 1998, summer 1998
        if let Some((s, k)) = self.season(j).map(|s| (s, j + 1)) {
            let (y, end) = if self.is(k, "of") && self.year(k + 1).is_some() {
                (self.year(k + 1), k + 2)
            } else if let Some((y, e)) = self.word_year(k + 1).filter(|_| self.is(k, "of")) {
                (Some(y), e)
            } else if self.year(k).is_some() {
                (self.year(k), k + 1)
            } else {
                (None, k)
            };
            let season_context = j > 0
                && self.any(
                    j - 1,
                    &[
                        "in",
                        "during",
                        "since",
                        "until",
                        "by",
                        "last",
                        "next",
                        "this",
                        "early",
                        "late",
                        "mid",
                        "through",
                        "of",
                        "into",
                        "over",
                        "throughout",
                    ],
                );
            if y.is_none() && (the || !season_context) {
                // `the fall of the wall`, `spring` as a noun: need a year or a preposition
                if !(the
                    && self.any(
                        i.wrapping_sub(1),
                        &[
                            "in",
                            "during",
                            "by",
                            "until",
                            "this",
                            "into",
                            "over",
                            "throughout",
                        ],
                    ))
                {
                    return None;
                }
            }
            return Some(Item::new(i, end, Expr::Season { s, rel: None, y }));
        }
        // holidays; Election Day, Labor Day: only with a capitalised `Day`
        let day_after = |k: usize| self.is(k, "day") && self.tok(k).is_some_and(|t| t.cap);
        if let Some((m, d)) = self.class(j, |c| match c {
            Class::Holiday(m, d) => Some((*m, *d)),
            Class::DayHoliday(m, d) if day_after(j + 1) && self.t[j].cap => Some((*m, *d)),
            _ => None,
        }) {
            let mut end = j + 1;
            // Easter week, Thanksgiving week: the calendar week holding it
            if self.is(end, "week") {
                let y = self.year(end + 1);
                let end = end + 1 + usize::from(y.is_some());
                let holiday = true;
                return Some(Item::new(i, end, Expr::WeekOf { y, m, d, holiday }));
            }
            if self.any(end, &["day", "eve"]) {
                end += 1;
            } else if self
                .weekday(end)
                .is_some_and(|wd| holiday_weekday(d) == Some(wd))
            {
                // Easter Sunday, Thanksgiving Thursday: the weekday it is on
                end += 1;
            } else if self
                .tok(end)
                .is_some_and(|t| t.kind == Kind::Word && t.cap && t.classes.is_empty())
            {
                // Easter Island, Christmas Island: a capitalised word that
                // is no date word makes the holiday part of a name
                return None;
            }
            // Christmas Eve: the day before (a fixed day only)
            let d = if self.is(end - 1, "eve") && (2..=31).contains(&d) {
                d - 1
            } else {
                d
            };
            let y = self.year(end);
            if y.is_some() {
                end += 1;
            }
            return Some(Item::new(i, end, Expr::Holiday { m, d, y }));
        }
        // a bare year
        if let Some(y) = self.year(i) {
            return Some(Item::new(i, i + 1, Expr::Year(y)));
        }
        // a year in words: nineteen ninety-six, the year two thousand
        let k = if t.is("the") && self.is(i + 1, "year") {
            i + 2
        } else {
            i
        };
        if let Some((y, end)) = self.word_year(k) {
            return Some(Item::new(i, end, Expr::Year(y)));
        }
        None
    }

    /// A year spelled out as speech transcripts write it: `nineteen
    /// ninety-six` (hundreds then tens), `two thousand [and] three`.
    fn word_year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        if t.is("two") && self.is(i + 1, "thousand") {
            let rest = self
                .number(if self.is(i + 2, "and") { i + 3 } else { i + 2 })
                .filter(|(n, _)| n.is_some_and(|n| n < 100));
            return Some(match rest {
                Some((n, end)) if !self.any(i + 2, &["a", "an"]) => (2000 + n? as i32, end),
                _ => (2000, i + 2),
            });
        }
        let (hi, j) = self.number(i)?;
        let hi = hi.filter(|h| (18..=20).contains(h) && j == i + 1)?;
        let (lo, end) = self.number(j).filter(|_| {
            self.tok(j)
                .is_some_and(|x| x.kind == Kind::Word && !x.is("a") && !x.is("an"))
        })?;
        let lo = lo.filter(|l| (10..100).contains(l))?;
        Some((hi as i32 * 100 + lo as i32, end))
    }

    /// `this year`, `last year`, `next year` right after a month: the
    /// offset in years and the end.
    fn rel_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, ",") { i + 1 } else { i };
        let r = self
            .rel(j)
            .filter(|_| self.any(j, &["this", "last", "next"]))?;
        (self.is(j + 1, "year") && !self.any(j + 2, &["'", "-"])).then_some((r, j + 2))
    }

    /// A preposition or determiner before `i` that makes a bare month or
    /// season a date (`in May`, `last spring`, `since March`).
    fn month_context(&self, i: usize) -> bool {
        i > 0
            && self.any(
                i - 1,
                &[
                    "in", "since", "until", "by", "of", "last", "next", "this", "early", "late",
                    "mid", "during", "before", "after", "through", "from", "to", "-",
                ],
            )
    }

    /// Dates written with digits only.
    fn numeric(&self, i: usize) -> Option<Item> {
        let n = |k: usize| {
            self.tok(k)
                .filter(|t| t.glued || k == i)
                .and_then(Tok::number)
        };
        let sep = |k: usize, s: &str| self.is(k, s) && self.glued(k);
        let a = self.tok(i)?;
        // ISO 2017-11-20
        if a.low.len() == 4 && sep(i + 1, "-") && sep(i + 3, "-") {
            let (y, m, d) = (n(i)? as i32, n(i + 2)?, n(i + 4)?);
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(Item::new(
                    i,
                    i + 5,
                    Expr::Cal {
                        y: Some(y),
                        m,
                        d: Some(d),
                        d2: None,
                    },
                ));
            }
        }
        // US 11/20/2017 (and 11/20/17)
        if a.low.len() <= 2 && sep(i + 1, "/") && sep(i + 3, "/") {
            let (m, d, yy) = (n(i)?, n(i + 2)?, self.tok(i + 4)?);
            let y = match yy.low.len() {
                4 => yy.number()? as i32,
                2 => {
                    let v = yy.number()? as i32;
                    if v < 50 {
                        2000 + v
                    } else {
                        1900 + v
                    }
                }
                _ => return None,
            };
            if !yy.glued {
                return None;
            }
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(Item::new(
                    i,
                    i + 5,
                    Expr::Cal {
                        y: Some(y),
                        m,
                        d: Some(d),
                        d2: None,
                    },
                ));
            }
        }
        None
    }

    /// last week, next month, this year, the past year, last Friday, this
    /// summer, the coming weeks, this morning.
    fn relative(&self, i: usize) -> Option<Item> {
        let (j, the) = if self.is(i, "the") {
            (i + 1, true)
        } else {
            (i, false)
        };
        // this past spring, this coming Sunday: `this` only stresses the
        // direction word, which tells the offset
        let j = if !the && self.is(j, "this") && self.any(j + 1, &["past", "coming"]) {
            j + 1
        } else {
            j
        };
        let r = self.rel(j)?;
        if the && r == 0 {
            return None;
        }
        // `the past` alone is a reference, handled elsewhere; `the next` needs a unit
        let k = j + 1;
        if let Some(wd) = self.weekday(k) {
            // `the previous Friday` counts from the story's day, `last Friday`
            // from publication
            let expr = if r != 0 && self.any(j, &["previous", "following", "preceding"]) {
                Expr::TextWeekday { wd, rel: r }
            } else {
                Expr::Weekday { wd, rel: Some(r) }
            };
            let mut item = Item::new(i, k + 1, expr);
            self.attach_pod(&mut item);
            return Some(item);
        }
        if let Some(m) = self.month(k) {
            // `last Oct. 23`: a day, read as a date of its own
            let d = if self.is(k + 1, ".") && self.glued(k + 1) {
                k + 2
            } else {
                k + 1
            };
            if self.day(d).is_some() {
                return None;
            }
            // last November: the most recent one before the anchor
            return Some(Item::new(i, k + 1, Expr::RelMonth { m, rel: r }));
        }
        // last Thanksgiving, next Christmas Eve
        if let Some(h) = self.calendar(k).filter(|h| h.start == k) {
            if let Expr::Holiday { m, d, y: None } = h.expr {
                return Some(Item::new(i, h.end, Expr::RelHoliday { m, d, rel: r }));
            }
        }
        if let Some(s) = self.season(k) {
            return Some(Item::new(
                i,
                k + 1,
                Expr::Season {
                    s,
                    rel: Some(r),
                    y: None,
                },
            ));
        }
        if let Some(p) = self.pod(k).filter(|_| r >= -1 && !the) {
            // this morning, last night, tonight
            let (n, ok) = match (r, p) {
                (0, _) => (0, true),
                (-1, "NI") if self.is(j, "last") => (-1, true),
                _ => (0, false),
            };
            if ok && !self.plural(k) {
                let mut item = Item::new(i, k + 1, Expr::Deictic(n));
                item.pod = Some(p);
                return Some(item);
            }
        }
        // the past two months, the last few years: a duration
        let counted = self.number(k).map(|(n, k2)| match self.range_to(n, k2) {
            Some(e) => (None, e),
            None => (n, k2),
        });
        if let Some((n, k2)) = counted.filter(|_| r != 0) {
            if let Some(u) = self.unit(k2) {
                if !self.is(k, "a") && !self.is(k, "an") {
                    return Some(Item::new(i, k2 + 1, Expr::Duration(duration(n, u))));
                }
            }
        }
        let u = self.unit(k).filter(|_| !self.title_unit(k))?;
        if self.plural(k) {
            // the coming weeks, the past months
            return Some(Item::new(i, k + 1, Expr::Duration(duration(None, u))));
        }
        if u == "WE" {
            return Some(Item::new(i, k + 1, Expr::Weekend { n: Some(r as i64) }));
        }
        if u == "Q" && r == 0 {
            return Some(Item::new(
                i,
                k + 1,
                Expr::Quarter {
                    q: None,
                    y: None,
                    year_shift: 0,
                    latest: false,
                },
            ));
        }
        // `the next day`, `the following week`: after the date the story is
        // on; `next week` counts from publication
        let base = if self.any(j, &["following", "previous", "preceding"])
            || (the && self.is(j, "next"))
        {
            Base::Text
        } else {
            Base::Published
        };
        Some(Item::new(
            i,
            k + 1,
            Expr::Shift {
                unit: u,
                n: r as i64,
                base,
            },
        ))
    }

    /// Number + unit: durations (three days, 10-year, for years, 2 1/2
    /// years), and `two years ago`, `a year earlier`.
    fn quantity(&self, i: usize) -> Option<Item> {
        // a day-long meeting, a decades-long feud: the compound says how
        // long something lasts, a duration of one unit or of a vague number
        if let Some(u) = self.unit(i).filter(|_| !self.title_unit(i)) {
            if self.is(i + 1, "-")
                && self.glued(i + 1)
                && self.is(i + 2, "long")
                && self.glued(i + 2)
            {
                let n = if self.plural(i) { None } else { Some(1) };
                return Some(Item::new(i, i + 3, Expr::Duration(duration(n, u))));
            }
        }
        // `half an hour`, `half a year`
        if self.is(i, "half") && self.any(i + 1, &["a", "an"]) {
            let u = self.unit(i + 2).filter(|_| !self.plural(i + 2))?;
            let v = duration_half(0, u)?;
            return Some(Item::new(i, i + 3, Expr::Duration(v)));
        }
        let (i0, the) = if self.is(i, "the") {
            (i + 1, true)
        } else {
            (i, false)
        };
        // the first nine months, the latest nine months, the year-earlier
        // nine months: a reporting period, a duration
        let j = if the && self.any(i0, &["first", "latest"]) {
            i0 + 1
        } else if the
            && self.is(i0, "year")
            && self.is(i0 + 1, "-")
            && self.glued(i0 + 1)
            && self.any(i0 + 2, &["earlier", "ago"])
        {
            i0 + 3
        } else {
            i0
        };
        let (n, k) = self.number(j)?;
        let (n, k) = match self
            .range_to(n, k)
            .filter(|_| !self.is(i.wrapping_sub(1), "between"))
        {
            Some(e) => (None, e),
            None => (n, k),
        };
        // two more weeks, an additional year: the count is still of the unit
        let k = if self.any(k, &["more", "additional", "extra", "further"])
            && self.unit(k + 1).is_some()
        {
            k + 1
        } else {
            k
        };
        // 2 1/2 years
        let half_digits = self.is(k, "1")
            && self.is(k + 1, "/")
            && self.glued(k + 1)
            && self.is(k + 2, "2")
            && self.glued(k + 2);
        let k = if half_digits { k + 3 } else { k };
        let hyph = self.is(k, "-") && self.glued(k);
        let k = if hyph { k + 1 } else { k };
        let u = self.unit(k).filter(|_| !self.title_unit(k))?;
        if hyph && (!self.glued(k) || self.plural(k) || (the && j == i0)) {
            return None;
        }
        if self.any(j, &["a", "an"]) && k == j + 1 && self.plural(k) {
            return None;
        }
        // a quarter of the market, three quarters of the votes: fractions
        // (`two quarters of growth` is time)
        let of_det = self.is(k + 1, "of")
            && self.any(
                k + 2,
                &[
                    "the", "a", "an", "its", "their", "his", "her", "all", "that",
                ],
            );
        if u == "Q" && (n == Some(1) && self.is(k + 1, "of") || n == Some(3) && of_det) {
            return None;
        }
        // a year-like number before a singular unit is a year (`the 1988 quarter`)
        if !self.plural(k) && self.year(j).is_some() {
            return None;
        }
        // ages: a 6-year-old, 37 years old
        if (hyph && self.is(k + 1, "-") && self.is(k + 2, "old"))
            || (u == "Y" && self.is(k + 1, "old"))
        {
            return None;
        }
        // `a second attempt`: the ordinal, not a second of time
        if u == "TS"
            && self.any(j, &["a", "an"])
            && self.tok(k + 1).is_some_and(|n| {
                n.kind == Kind::Word && !matches!(n.low, "later" | "earlier" | "ago" | "or" | "and")
            })
        {
            return None;
        }
        let mut end = k + 1;
        // `a year-earlier quarter`: the unit belongs to a compound adjective
        if self.is(end, "-") && self.glued(end) {
            return None;
        }
        // a minute and a half
        let half_words = !hyph
            && self.is(end, "and")
            && self.any(end + 1, &["a", "one"])
            && self.is(end + 2, "half");
        if half_words {
            end += 3;
        }
        let half = half_digits || half_words;
        let value = |n: Option<u32>| match (half, n) {
            (true, Some(n)) => duration_half(n, u).unwrap_or_else(|| duration(Some(n), u)),
            _ => duration(n, u),
        };
        // `a week or so`: the approximation is part of the span
        let approx_end = (self.is(end, "or") && self.is(end + 1, "so")).then_some(end + 2);
        // 50,000 copies a year, $2 million a year, twice a week: a rate
        if !the
            && !hyph
            && !half
            && self.any(j, &["a", "an"])
            && k == j + 1
            && !self.any(end, &["ago", "earlier", "later", "or", "and"])
            && self.rate_before(i)
        {
            return Some(Item::new(i, end, Expr::Set(duration(Some(1), u))));
        }
        if !the && !hyph {
            let after = approx_end.unwrap_or(end);
            // a few years ago: some time before, without a count
            if self.is(after, "ago") && n.is_none() {
                return Some(Item::new(i, after + 1, Expr::Ref("PAST_REF")));
            }
            if self.is(after, "ago") {
                let n = n? as i64;
                return Some(Item::new(
                    i,
                    after + 1,
                    Expr::Shift {
                        unit: u,
                        n: -n,
                        base: Base::Ago,
                    },
                ));
            }
            // `three days later`: TimeML takes the span alone, a duration;
            // `a year earlier` is the date a year before
            if self.any(end, &["earlier", "later"]) && matches!(u, "D" | "W" | "TH" | "TM" | "TS") {
                return Some(Item::new(i, end, Expr::Duration(value(n))));
            }
            if self.any(end, &["earlier", "later"]) {
                let n = n? as i64;
                let n = if self.is(end, "earlier") { -n } else { n };
                return Some(Item::new(
                    i,
                    end + 1,
                    Expr::Shift {
                        unit: u,
                        n,
                        base: Base::Text,
                    },
                ));
            }
            if self.is(end, "from") && self.is(end + 1, "now") {
                let n = n? as i64;
                return Some(Item::new(
                    i,
                    end + 2,
                    Expr::Shift {
                        unit: u,
                        n,
                        base: Base::Ago,
                    },
                ));
            }
        }
        // `one day` / `a day` alone is too often not a duration (`one day he…`)
        Some(Item::new(
            i,
            approx_end.unwrap_or(end),
            Expr::Duration(value(n)),
        ))
    }

    /// today, yesterday morning, tonight, last night.
    fn deictic(&self, i: usize) -> Option<Item> {
        let n = self.class(i, |c| {
            if let Class::Deictic(n) = c {
                Some(*n)
            } else {
                None
            }
        })?;
        // today's youth, today's personal computers: the present day, no date
        if self.is(i, "today") && self.is(i + 1, "'") && self.is(i + 2, "s") {
            let lex = super::lexicon::get();
            let generic =
                (i + 3..i + 5).any(|k| self.tok(k).is_some_and(|w| lex.present_day(w.low)));
            if generic {
                return None;
            }
        }
        // USA Today, VOA Today: a capitalised `Today` after a name is a title
        if i > 0
            && self.tok(i).is_some_and(|t| t.cap)
            && self
                .tok(i - 1)
                .is_some_and(|p| p.cap && p.kind == Kind::Word)
        {
            return None;
        }
        let mut item = Item::new(i, i + 1, Expr::Deictic(n));
        if self.is(i, "tonight") {
            item.pod = Some("NI");
        } else {
            self.attach_pod(&mut item);
        }
        Some(item)
    }

    /// A part of day right after a day: Monday night, yesterday morning.
    fn attach_pod(&self, item: &mut Item) {
        if let Some(p) = self.pod(item.end).filter(|_| !self.plural(item.end)) {
            item.pod = Some(p);
            item.end += 1;
        }
    }

    /// Monday, Monday night, Monday, Nov. 20 (the date wins).
    fn weekday_expr(&self, i: usize) -> Option<Item> {
        let t = self.tok(i)?;
        if !t.cap {
            return None;
        }
        if let Some(wd) = self.weekday(i) {
            // Monday, November 20 [, 2017]: the explicit date
            let k = if self.is(i + 1, ",") { i + 2 } else { i + 1 };
            if let Some(mut item) = self
                .calendar(k)
                .filter(|it| matches!(it.expr, Expr::Cal { d: Some(_), .. }))
            {
                item.start = i;
                return Some(item);
            }
            // Tuesday nights: every Tuesday night
            if let Some(p) = self.pod(i + 1).filter(|_| self.plural(i + 1)) {
                return Some(Item::new(i, i + 2, Expr::Set(format!("XXXX-WXX-{wd}T{p}"))));
            }
            let mut item = Item::new(i, i + 1, Expr::Weekday { wd, rel: None });
            self.attach_pod(&mut item);
            return Some(item);
        }
        // Mondays: a set
        let stem = t.low.strip_suffix('s')?;
        let wd = super::lexicon::get().classes(stem).iter().find_map(|c| {
            if let Class::Weekday(d) = c {
                Some(*d)
            } else {
                None
            }
        })?;
        Some(Item::new(i, i + 1, Expr::Set(format!("XXXX-WXX-{wd}"))))
    }

    /// `could one day`, `will some day`: after a modal verb, an indefinite
    /// time ahead (FUTURE_REF), not a day's length.
    fn modal_one_day(&self, i: usize) -> Option<Item> {
        // the words first: the modal is a hash lookup
        let after_modal = || {
            i > 0
                && self
                    .tok(i - 1)
                    .is_some_and(|p| super::lexicon::get().modal(p.low))
        };
        (self.any(i, &["one", "some"]) && self.is(i + 1, "day") && after_modal())
            .then(|| Item::new(i, i + 2, Expr::Ref("FUTURE_REF")))
    }

    /// now, recently, the past, the future, recent years.
    fn reference(&self, i: usize) -> Option<Item> {
        let t = self.tok(i)?;
        if t_is_bare_future(self, i) {
            return None;
        }
        // `Now, …` opening a sentence is a discourse marker, not a time
        if t.is("now") && self.is(i + 1, ",") && self.t[..i].iter().all(|p| p.kind == Kind::Punct) {
            return None;
        }
        if let Some(r) = self.class(i, |c| {
            if let Class::Ref(r) = c {
                Some(*r)
            } else {
                None
            }
        }) {
            return Some(Item::new(i, i + 1, Expr::Ref(r)));
        }
        if t.is("the")
            && self.is(i + 1, "past")
            && self.unit(i + 2).is_none()
            && self.number(i + 2).is_none()
        {
            return Some(Item::new(i, i + 2, Expr::Ref("PAST_REF")));
        }
        if t.is("the") && self.is(i + 1, "future") {
            return Some(Item::new(i, i + 2, Expr::Ref("FUTURE_REF")));
        }
        if t.is("the") && self.is(i + 1, "near") && self.is(i + 2, "future") {
            return Some(Item::new(i, i + 3, Expr::Ref("FUTURE_REF")));
        }

        // the current fiscal year, the latest fiscal year (the last one closed)
        if t.is("the") && self.any(i + 1, &["current", "latest"]) {
            let k = if self.is(i + 2, "fiscal") {
                i + 3
            } else {
                i + 2
            };
            if self.is(k, "year") && !self.any(k + 1, &["'", "-"]) {
                let n = if self.is(i + 1, "latest") { -1 } else { 0 };
                let expr = Expr::Shift {
                    unit: "Y",
                    n,
                    base: Base::Published,
                };
                return Some(Item::new(i, k + 1, expr));
            }
        }
        if t.is("the") {
            let k = if self.any(i + 1, &["fiscal", "full"]) {
                i + 2
            } else {
                i + 1
            };
            if self.is(k, "year")
                && !self.any(k + 1, &["'", "-", "before", "after", "earlier", "later"])
            {
                // `the year ended June 30`, `throughout the year`: a span of a
                // year; otherwise the year the text is in (`a high for the year`)
                let span = self.any(k + 1, &["ended", "ending", "through", "to", "starting"])
                    || (i > 0 && self.any(i - 1, &["throughout", "over", "within", "all"]));
                let expr = if span {
                    Expr::Duration("P1Y".into())
                } else {
                    Expr::Shift {
                        unit: "Y",
                        n: 0,
                        base: Base::Published,
                    }
                };
                return Some(Item::new(i, k + 1, expr));
            }
        }
        if t.is("recent") {
            // recent years: the recent past; recent weeks: a vague duration;
            // `the recent attacks` describes the attacks, it is no time
            return match self.unit(i + 1).filter(|_| self.plural(i + 1)) {
                Some("Y") | Some("DE") => Some(Item::new(i, i + 2, Expr::Ref("PAST_REF"))),
                Some(u) => Some(Item::new(i, i + 2, Expr::Duration(duration(None, u)))),
                None => None,
            };
        }
        // the then current price, the then-current owner: the present of a
        // past moment
        if t.is("then") {
            let k = if self.is(i + 1, "-") && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if self.is(k, "current") && self.unit(k + 1).is_none() {
                return Some(Item::new(i, k + 1, Expr::Ref("PAST_REF")));
            }
        }
        if t.is("current") && self.unit(i + 1).is_none() && !self.any(i + 1, &["fiscal", "period"])
        {
            return Some(Item::new(i, i + 1, Expr::Ref("PRESENT_REF")));
        }
        // for weeks, within days, over decades: a vague duration
        if i > 0
            && self.any(i - 1, &["for", "within", "over", "in"])
            && self.plural(i)
            && !self.is(i + 1, "of")
        {
            if let Some(u) = self.unit(i).filter(|u| !matches!(*u, "WE" | "Q" | "TS")) {
                return Some(Item::new(i, i + 1, Expr::Duration(duration(None, u))));
            }
        }
        // the weekend: the one the tense points to
        if t.is("the") && self.is(i + 1, "weekend") {
            return Some(Item::new(i, i + 2, Expr::Weekend { n: None }));
        }
        // that day, that same year: the period the story is on
        if t.is("that") {
            let k = if self.is(i + 1, "same") { i + 2 } else { i + 1 };
            if let Some(u) = self.unit(k).filter(|u| !matches!(*u, "WE" | "2W")) {
                // not a compound (`that day-long meeting`)
                let compound = self.is(k + 1, "-") && self.glued(k + 1);
                if !self.plural(k) && !compound {
                    let expr = Expr::Shift {
                        unit: u,
                        n: 0,
                        base: Base::Text,
                    };
                    return Some(Item::new(i, k + 1, expr));
                }
            }
        }
        // year-end, year end: the end of the year, the coming one unless
        // `since` looks back
        if t.is("year") {
            // year-end, year end, year's end
            let hyphen = self.is(i + 1, "-") && self.glued(i + 1);
            let k = if hyphen {
                i + 2
            } else if self.is(i + 1, "'") && self.is(i + 2, "s") {
                i + 3
            } else {
                i + 1
            };
            if self.is(k, "end") && !self.is(k + 1, "-") {
                let rel = if i > 0 && self.is(i - 1, "since") {
                    -1
                } else {
                    0
                };
                // the compound `year-end` names the closing day of the books;
                // `year end`, `year's end` read as `the end of the year`: the
                // year with mod END
                if hyphen {
                    let expr = Expr::CalRelYear {
                        m: 12,
                        d: Some(31),
                        rel,
                    };
                    return Some(Item::new(i, k + 1, expr));
                }
                let expr = Expr::Shift {
                    unit: "Y",
                    n: rel as i64,
                    base: Base::Published,
                };
                let mut item = Item::new(i, k + 1, expr);
                item.modifier = Some("END");
                return Some(item);
            }
        }
        // year-earlier, year-ago (as an adjective): the same period a year before
        if t.is("year")
            && self.is(i + 1, "-")
            && self.any(i + 2, &["earlier", "ago"])
            && self.glued(i + 1)
        {
            return Some(Item::new(
                i,
                i + 3,
                Expr::Shift {
                    unit: "Y",
                    n: -1,
                    base: Base::Text,
                },
            ));
        }
        // the weeks ahead: a vague stretch of time to come
        if t.is("the") && self.plural(i + 1) && self.is(i + 2, "ahead") {
            if let Some(u) = self
                .unit(i + 1)
                .filter(|u| !matches!(*u, "WE" | "Q" | "TS"))
            {
                return Some(Item::new(i, i + 3, Expr::Duration(duration(None, u))));
            }
        }
        if t.is("these") && self.is(i + 1, "days") {
            return Some(Item::new(i, i + 2, Expr::Ref("PRESENT_REF")));
        }
        None
    }

    /// daily, every week, each Thursday.
    fn set(&self, i: usize) -> Option<Item> {
        if let Some(s) = self.class(i, |c| {
            if let Class::Set(s) = c {
                Some(*s)
            } else {
                None
            }
        }) {
            // `grow 8% annually`, `10,000 units daily`: the rate of the
            // amount before it, which TimeML news annotation leaves untagged
            // (unlike `$2 million a year`, a SET)
            if self.count_before(i) {
                return None;
            }
            return Some(Item::new(i, i + 1, Expr::Set(s.to_string())));
        }
        if !self.any(i, &["every", "each", "per"]) {
            return None;
        }
        if let Some(wd) = self.weekday(i + 1) {
            return Some(Item::new(i, i + 2, Expr::Set(format!("XXXX-WXX-{wd}"))));
        }
        // each July: that month of every year
        if let Some(m) = self.month(i + 1).filter(|_| !self.is(i, "per")) {
            return Some(Item::new(i, i + 2, Expr::Set(format!("XXXX-{m:02}"))));
        }
        if let Some((n, k)) = self.number(i + 1).filter(|_| !self.is(i + 1, "a")) {
            if let Some(u) = self.unit(k) {
                return Some(Item::new(i, k + 1, Expr::Set(duration(n, u))));
            }
        }
        let u = self
            .unit(i + 1)
            .filter(|_| self.is_word_unit_singular(i + 1))?;
        Some(Item::new(i, i + 2, Expr::Set(duration(Some(1), u))))
    }

    /// the first half of 1990, the second half, the last half of the year.
    fn half(&self, i: usize) -> Option<Item> {
        if !self.is(i, "the") {
            return None;
        }
        let j = if self.is(i + 1, "fiscal") {
            i + 2
        } else {
            i + 1
        };
        let h = match self.tok(j)?.low {
            "first" => 1,
            "second" | "last" | "latter" => 2,
            _ => return None,
        };
        let k = if self.is(j + 1, "-") && self.glued(j + 1) {
            j + 2
        } else {
            j + 1
        };
        if !self.is(k, "half") {
            return None;
        }
        let (y, end) = if self.is(k + 1, "of") && self.year(k + 2).is_some() {
            (self.year(k + 2), k + 3)
        } else if self.is(k + 1, "of")
            && self.any(k + 2, &["the", "this"])
            && self.is(k + 3, "year")
        {
            (None, k + 4)
        } else if self.is(k + 1, "of") {
            // the last half of the '80s: a half of something else
            return None;
        } else {
            (None, k + 1)
        };
        Some(Item::new(i, end, Expr::Half { h, y }))
    }

    /// the week of March 6: the calendar week holding that day.
    fn week_of(&self, i: usize) -> Option<Item> {
        if !(self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of")) {
            return None;
        }
        let day = self.calendar(i + 3)?;
        match day.expr {
            Expr::Cal {
                y,
                m,
                d: Some(d),
                d2: None,
            } => Some(Item::new(
                i,
                day.end,
                Expr::WeekOf {
                    y,
                    m,
                    d,
                    holiday: false,
                },
            )),
            _ => None,
        }
    }

    /// the third quarter [of 2017], third-quarter, the quarter, the first half.
    fn quarter(&self, i: usize) -> Option<Item> {
        let (mut j, mut the) = if self.is(i, "the") {
            (i + 1, true)
        } else {
            (i, false)
        };
        // this year's third quarter, next year's first quarter
        let mut poss_shift = 0;
        if !the
            && self.any(i, &["this", "last", "next"])
            && self.is(i + 1, "year")
            && self.is(i + 2, "'")
            && self.is(i + 3, "s")
        {
            poss_shift = self.rel(i)?;
            j = i + 4;
            the = true;
        }
        // the fiscal second quarter, the fiscal-first quarter
        let fiscal = self.is(j, "fiscal").then_some(j);
        if fiscal.is_some() {
            j += 1;
            if self.is(j, "-") && self.glued(j) {
                j += 1;
            }
        }
        // the 1988 third quarter, the 1988 period
        let lead_year = if the { self.year(j) } else { None };
        if lead_year.is_some() {
            j += 1;
            // the 1988 period: in a report on a quarter, that quarter of 1988
            if self.is(j, "period") {
                let q = Expr::Quarter {
                    q: None,
                    y: lead_year,
                    year_shift: 0,
                    latest: false,
                };
                return Some(Item::new(i, j + 1, q));
            }
        }
        let mut year_shift = poss_shift;
        let mut latest = false;
        // the current quarter: the one of the publication date, whatever
        // quarter the text reported on
        if the && self.is(j, "current") && self.is(j + 1, "quarter") && !self.glued(j + 2) {
            let shift = Expr::Shift {
                unit: "Q",
                n: 0,
                base: Base::Published,
            };
            return Some(Item::new(i, j + 2, shift));
        }
        // the comparable year-ago quarter, the corresponding period
        let same = self.any(j, &["comparable", "corresponding"]);
        if same {
            j += 1;
        }
        if self.any(j, &["latest", "current", "same"]) {
            latest = true;
            j += 1;
        } else if self.is(j, "year") && self.is(j + 1, "-") && self.any(j + 2, &["earlier", "ago"])
        {
            year_shift = -1;
            j += 3;
        }
        let q = self.ord(j);
        let k = if q.is_some() {
            let k = if self.tok(j).is_some_and(|t| t.kind == Kind::Digits) {
                j + 2
            } else {
                j + 1
            };
            if self.is(k, "-") && self.glued(k) {
                k + 1
            } else {
                k
            }
        } else {
            j
        };
        // the quarter a year ago, the same period last year
        let year_before = if self.is(k + 1, "a")
            && self.is(k + 2, "year")
            && self.any(k + 3, &["ago", "earlier"])
        {
            Some(k + 4)
        } else if self.is(k + 1, "last") && self.is(k + 2, "year") && !self.is(k + 3, "'") {
            Some(k + 3)
        } else {
            None
        };
        let is_q = self.any(k, &["quarter", "period"])
            && !(self.is(k, "period")
                && (q.is_some() || (year_shift == 0 && !latest && !same && year_before.is_none())));
        if !is_q {
            return None;
        }
        if q.is_none() && !the {
            return None;
        }
        if let Some(q) = q {
            if !(1..=4).contains(&q) {
                return None;
            }
        }
        let mut end = k + 1;
        if let Some(e) = year_before.filter(|_| q.is_none() && year_shift == 0) {
            year_shift = -1;
            end = e;
        }
        let mut y = lead_year;
        if self.is(end, "of") && self.year(end + 1).is_some() {
            y = self.year(end + 1);
            end += 2;
        } else if self.is(end, "of") && self.is(end + 1, "fiscal") && self.year(end + 2).is_some() {
            y = self.year(end + 2);
            end += 3;
        }
        // `the third-quarter results`: the article belongs to the noun (and
        // `fiscal` to the quarter: `the fiscal second-quarter loss`)
        let start = if the
            && q.is_some()
            && self.is(k - 1, "-")
            && poss_shift == 0
            && !self.is(i, "this")
        {
            fiscal.unwrap_or(j)
        } else {
            i
        };
        let latest = latest && self.is(j - 1, "latest");
        Some(Item::new(
            start,
            end,
            Expr::Quarter {
                q,
                y,
                year_shift,
                latest,
            },
        ))
    }

    /// `in the morning`, `in the afternoon`, `in the evening`, `at night`
    /// after an hour: the part of day and the end.
    fn clock_pod(&self, k: usize) -> Option<(&'static str, usize)> {
        if self.is(k, "in") && self.is(k + 1, "the") {
            let p = self
                .pod(k + 2)
                .filter(|p| *p != "NI" && !self.plural(k + 2))?;
            return Some((p, k + 3));
        }
        (self.is(k, "at") && self.is(k + 1, "night")).then_some(("NI", k + 2))
    }

    /// 3 p.m., 10:30 a.m., noon, midnight [EST] [on] [Monday | Nov. 9].
    fn clock_expr(&self, i: usize) -> Option<Item> {
        let t = self.tok(i)?;
        let (mut h, mut m, mut k) = if t.is("noon") || t.is("midday") {
            (12, 0, i + 1)
        } else if t.is("midnight") {
            (24, 0, i + 1)
        } else {
            let h = t.number().filter(|h| *h <= 24 && t.low.len() <= 2)?;
            if self.is(i + 1, ":") && self.glued(i + 1) {
                let mm = self
                    .tok(i + 2)
                    .filter(|x| x.glued && x.low.len() == 2)?
                    .number()?;
                (h, mm, i + 3)
            } else {
                (h, 0, i + 1)
            }
        };
        let colon = k == i + 3;
        if self.any(k, &["a.m.", "am"]) {
            if h == 12 {
                h = 0;
            }
            k += 1;
        } else if self.any(k, &["p.m.", "pm"]) {
            if h < 12 {
                h += 12;
            }
            k += 1;
        } else if let Some((p, e)) = self.clock_pod(k) {
            // 4 in the morning, 11 at night: the part of day says a.m. or p.m.
            match p {
                "MO" if h == 12 => h = 0,
                "AF" | "EV" | "NI" if h < 12 => h += 12,
                _ => {}
            }
            k = e;
        } else if !colon && k == i + 1 && t.kind == Kind::Digits {
            return None;
        }
        if m >= 60 {
            return None;
        }
        if self.tok(k).is_some_and(|z| {
            matches!(
                z.low,
                "est" | "edt" | "gmt" | "utc" | "pst" | "pdt" | "cst" | "cdt" | "et"
            )
        }) {
            k += 1;
        }
        // a day after the time
        let j = if self.any(k, &[",", "on"]) { k + 1 } else { k };
        let day = self
            .weekday_expr(j)
            .or_else(|| self.deictic(j))
            .or_else(|| self.calendar(j));
        let mut item = match day.filter(|d| {
            matches!(
                d.expr,
                Expr::Weekday { .. } | Expr::Deictic(_) | Expr::Cal { d: Some(_), .. }
            ) && d.pod.is_none()
        }) {
            Some(mut d) => {
                d.start = i;
                d
            }
            None => Item::new(i, k, Expr::Today),
        };
        if h == 24 {
            m = 0;
        }
        item.clock = Some((h, m));
        Some(item)
    }
}

/// The weekday (ISO, Monday 1) a holiday always falls on: Sunday for
/// Easter, the coded weekday moved by its K days after (`words.tsv`) for a
/// weekday of the month; none for a fixed day.
fn holiday_weekday(d: u32) -> Option<u32> {
    if d == super::lexicon::EASTER {
        return Some(7);
    }
    let (k, _, wd) = super::lexicon::weekday_code(d);
    (d > 31 && (1..=7).contains(&wd)).then(|| (wd - 1 + k) % 7 + 1)
}

/// `future` is a time only as a noun (`in future`, `the future`), not in
/// `future plans`; `the foreseeable future` is a set phrase for "as far
/// as anyone can tell", which TimeML news annotation leaves out.
fn t_is_bare_future(g: &G<'_>, i: usize) -> bool {
    g.is(i, "future") && !(i > 0 && g.any(i - 1, &["in", "near", "distant"]))
}
