//! Durations as people write them in routine files: `"45s"`, `"2m"`,
//! `"1m30s"`, `"1h"`, `"500ms"`, or whole seconds as a plain integer.

use std::time::Duration;

const UNITS: [(&str, u64); 4] = [("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)];

/// Parses a duration string; the error says what is wrong, for a diagnostic.
pub fn parse(text: &str) -> Result<Duration, String> {
    let s = text.trim();
    if s.is_empty() {
        return Err("empty duration; write it like \"30s\", \"2m\" or \"1m30s\"".into());
    }
    let mut rest = s;
    let mut total_ms: u64 = 0;
    // Index into UNITS of the last unit seen: each must be smaller than the one before.
    let mut last: Option<usize> = None;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(match rest.chars().next() {
                Some('.') | Some(',') => format!(
                    "\"{s}\" is not a duration: use whole numbers, like \"1m30s\" instead of \"1.5m\""
                ),
                Some('-') => format!("\"{s}\" is not a duration: it cannot be negative"),
                _ => {
                    format!("\"{s}\" is not a duration; write it like \"30s\", \"2m\" or \"1m30s\"")
                }
            });
        }
        let number: u64 = rest[..digits]
            .parse()
            .map_err(|_| format!("\"{s}\" is far too long"))?;
        rest = rest[digits..].trim_start();
        let unit_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let unit = &rest[..unit_len];
        if unit.is_empty() {
            return Err(match rest.chars().next() {
                None if last.is_none() => {
                    format!(
                        "\"{s}\" needs a unit: write \"{number}s\", or the plain number {number}"
                    )
                }
                Some('.') | Some(',') => format!(
                    "\"{s}\" is not a duration: use whole numbers, like \"1m30s\" instead of \"1.5m\""
                ),
                _ => format!("\"{s}\" has a number without a unit (h, m, s or ms)"),
            });
        }
        let Some(index) = UNITS.iter().position(|(name, _)| *name == unit) else {
            return Err(format!(
                "\"{s}\" has an unknown unit '{unit}'; use h, m, s or ms"
            ));
        };
        if last.is_some_and(|l| index <= l) {
            return Err(format!(
                "\"{s}\" repeats or misorders its units; write larger units first, like \"1m30s\""
            ));
        }
        last = Some(index);
        total_ms = number
            .checked_mul(UNITS[index].1)
            .and_then(|ms| total_ms.checked_add(ms))
            .ok_or_else(|| format!("\"{s}\" is far too long"))?;
        rest = rest[unit_len..].trim_start();
    }
    Ok(Duration::from_millis(total_ms))
}

/// Formats a duration the way routine files write it: `"1m30s"`, `"2m"`, `"500ms"`.
pub fn format(d: Duration) -> String {
    let mut ms = d.as_millis();
    if ms == 0 {
        return "0s".into();
    }
    let mut out = String::new();
    for (name, size) in UNITS {
        let size = u128::from(size);
        if ms >= size {
            out.push_str(&format!("{}{name}", ms / size));
            ms %= size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_forms() {
        let cases = [
            ("45s", 45_000),
            ("2m", 120_000),
            ("1m30s", 90_000),
            ("1m 30s", 90_000),
            ("1h", 3_600_000),
            ("1h5m", 3_900_000),
            ("500ms", 500),
            ("1s500ms", 1_500),
            (" 0s ", 0),
        ];
        for (text, ms) in cases {
            assert_eq!(parse(text), Ok(Duration::from_millis(ms)), "{text}");
        }
    }

    #[test]
    fn rejects_malformed_text_with_a_reason() {
        let cases = [
            ("", "empty duration"),
            ("30", "needs a unit"),
            ("1.5m", "whole numbers"),
            ("-5s", "cannot be negative"),
            ("5 sec", "unknown unit 'sec'"),
            ("30s1m", "larger units first"),
            ("1m1m", "larger units first"),
            ("abc", "is not a duration"),
            ("99999999999999999999s", "far too long"),
            ("9999999999999999h", "far too long"),
            ("1m30", "without a unit"),
        ];
        for (text, expected) in cases {
            let err = parse(text).expect_err(text);
            assert!(err.contains(expected), "{text}: {err}");
        }
    }

    #[test]
    fn format_round_trips() {
        for ms in [0, 500, 1_000, 90_000, 120_000, 3_600_000, 3_661_001] {
            let d = Duration::from_millis(ms);
            assert_eq!(parse(&format(d)), Ok(d), "{ms}");
        }
        assert_eq!(format(Duration::from_secs(90)), "1m30s");
    }
}
