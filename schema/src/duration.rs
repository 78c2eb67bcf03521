//! Durations as Terraform configurations write them: Go's `time.ParseDuration` syntax (`"30s"`,
//! `"2h45m"`, `"1.5h"`, `"500ms"`), the syntax of every `timeouts` block users know.

use std::time::Duration;

/// The units a duration may use, with their length in nanoseconds.
const UNITS: [(&str, u128); 7] = [
    ("ns", 1),
    ("us", 1_000),
    ("µs", 1_000),
    ("ms", 1_000_000),
    ("s", 1_000_000_000),
    ("m", 60_000_000_000),
    ("h", 3_600_000_000_000),
];

/// Reads a duration (`"20m"`, `"1h30m"`, `"0.5s"`); the error says what is wrong with `text`.
pub fn parse(text: &str) -> Result<Duration, String> {
    let wrong = |why: &str| format!("{text:?} is not a duration: {why}");
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    if text.is_empty() {
        return Err(wrong("it is empty"));
    }
    if text.starts_with('-') {
        return Err(wrong("it is negative"));
    }
    let mut rest = text.strip_prefix('+').unwrap_or(text);
    let mut nanos: u128 = 0;
    while !rest.is_empty() {
        let number_end = rest.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len());
        let (number, after) = rest.split_at(number_end);
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return Err(wrong("each part is a number followed by a unit"));
        }
        let unit_end = after.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(after.len());
        let (unit, next) = after.split_at(unit_end);
        let Some(&(_, length)) = UNITS.iter().find(|(name, _)| *name == unit) else {
            return Err(wrong(&if unit.is_empty() {
                format!("`{number}` has no unit (\"s\", \"m\" or \"h\")")
            } else {
                format!("`{unit}` is no unit (\"ns\", \"us\", \"ms\", \"s\", \"m\" or \"h\")")
            }));
        };
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| wrong("it is too long"))? };
        let mut part = whole.checked_mul(length).ok_or_else(|| wrong("it is too long"))?;
        let mut scale = length;
        for digit in fraction.chars().filter_map(|c| c.to_digit(10)) {
            scale /= 10;
            part += u128::from(digit) * scale;
        }
        nanos = nanos.checked_add(part).ok_or_else(|| wrong("it is too long"))?;
        rest = next;
    }
    let seconds = u64::try_from(nanos / 1_000_000_000).map_err(|_| wrong("it is too long"))?;
    Ok(Duration::new(seconds, (nanos % 1_000_000_000) as u32))
}

/// A duration as the shortest text [`parse`] reads back (`20m`, `1h30m`, `45s`, `1.5s`).
pub fn format(duration: Duration) -> String {
    if duration.is_zero() {
        return "0s".to_owned();
    }
    let seconds = duration.as_secs();
    let mut text = String::new();
    let (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        text.push_str(&format!("{hours}h"));
    }
    if minutes > 0 {
        text.push_str(&format!("{minutes}m"));
    }
    let nanos = duration.subsec_nanos();
    if nanos > 0 {
        let fraction = format!("{nanos:09}");
        text.push_str(&format!("{secs}.{}s", fraction.trim_end_matches('0')));
    } else if secs > 0 {
        text.push_str(&format!("{secs}s"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations_are_read() {
        let read = |text: &str| parse(text).unwrap();
        assert_eq!(read("30s"), Duration::from_secs(30));
        assert_eq!(read("2h45m"), Duration::from_secs(2 * 3600 + 45 * 60));
        assert_eq!(read("1.5h"), Duration::from_secs(5400));
        assert_eq!(read("500ms"), Duration::from_millis(500));
        assert_eq!(read("1m0.25s"), Duration::from_millis(60_250));
        assert_eq!(read("0"), Duration::ZERO);
        assert_eq!(read("10us"), Duration::from_micros(10));
    }

    #[test]
    fn what_is_no_duration_says_why() {
        assert_eq!(parse("20").unwrap_err(), "\"20\" is not a duration: `20` has no unit (\"s\", \"m\" or \"h\")");
        assert!(parse("5d").unwrap_err().contains("`d` is no unit"));
        assert!(parse("-1m").unwrap_err().contains("negative"));
        assert!(parse("").unwrap_err().contains("empty"));
        assert!(parse("h").unwrap_err().contains("a number followed by a unit"));
        assert!(parse("1..5s").is_err());
        assert!(parse("99999999999999999999999h").unwrap_err().contains("too long"));
    }

    #[test]
    fn formatted_durations_read_back() {
        for text in ["20m", "1h30m", "45s", "1.5s", "2h", "1h0m5s"] {
            let duration = parse(text).unwrap();
            assert_eq!(parse(&format(duration)).unwrap(), duration, "{text}");
        }
        assert_eq!(format(Duration::from_secs(1200)), "20m");
        assert_eq!(format(Duration::from_secs(5400)), "1h30m");
        assert_eq!(format(Duration::from_millis(1500)), "1.5s");
    }
}
