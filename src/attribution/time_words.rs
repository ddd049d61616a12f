//! Closed lists of time words that the attribution rules step over: a time
//! phrase next to a cue ("Lee on Tuesday said", "said this month it would")
//! is neither its speaker nor its content.

/// Weekday names, lowercase.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Periods and parts of a day that follow "this", "last" or "next".
pub const PERIODS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
];

/// Is `w` (lowercase) a weekday name?
pub fn is_weekday(w: &str) -> bool {
    WEEKDAYS.contains(&w)
}

/// Is `w` (lowercase) a period or part of a day ([`PERIODS`])?
pub fn is_period(w: &str) -> bool {
    PERIODS.contains(&w)
}
