//! `vr/invalid-number`: an IS or DS value that is not a number in the form PS3.5 allows.

use lint_core::Vr;
use lint_core::parser::Event;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// Each value of an Integer String (IS) or Decimal String (DS) element has the form
    /// PS3.5 Table 6.2-1 gives: for IS, an optional sign and 1 or more digits, in the range
    /// -2³¹ … 2³¹-1, at most 12 bytes; for DS, a fixed or floating point number (digits,
    /// an optional sign, `.`, and an exponent `E`/`e`), at most 16 bytes. Leading and
    /// trailing spaces are allowed; an empty value is allowed (Type 2).
    ///
    /// ## Why
    /// Readers convert these strings to numbers: `1A` or `1,5` makes them fail, or
    /// worse, silently read 0. Slice positions, pixel spacing and doses are DS values.
    ///
    /// ## Standard
    /// PS3.5 §6.2, Table 6.2-1 (IS, DS).
    ///
    /// ## Example
    /// Failing: `(0020,0013) IS "1A"` (pydicom's `badVR.dcm`), `(0028,0030) DS "0,5\0,5"`.
    /// Passing: `(0020,0013) IS "12"`, `(0028,0030) DS "0.5\0.5"`.
    pub INVALID_NUMBER, "vr/invalid-number", Error, "an IS or DS value is not a valid number"
}

/// The check of [`INVALID_NUMBER`].
#[derive(Debug, Default)]
pub struct InvalidNumber;

fn valid_is(value: &[u8]) -> bool {
    let digits = value
        .strip_prefix(b"+")
        .or_else(|| value.strip_prefix(b"-"))
        .unwrap_or(value);
    if value.len() > 12 || digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let magnitude = digits.iter().try_fold(0i64, |n, d| {
        n.checked_mul(10)?.checked_add(i64::from(d - b'0'))
    });
    match magnitude {
        Some(m) if value.first() == Some(&b'-') => m <= 1 << 31,
        Some(m) => m < 1 << 31,
        None => false,
    }
}

fn valid_ds(value: &[u8]) -> bool {
    let body = value
        .strip_prefix(b"+")
        .or_else(|| value.strip_prefix(b"-"))
        .unwrap_or(value);
    let (mantissa, exponent) = match body.iter().position(|&b| b == b'E' || b == b'e') {
        Some(i) => (
            body.get(..i).unwrap_or(&[]),
            Some(body.get(i + 1..).unwrap_or(&[])),
        ),
        None => (body, None),
    };
    let mut dots = 0;
    let mut digits = 0;
    for &b in mantissa {
        match b {
            b'.' => dots += 1,
            b'0'..=b'9' => digits += 1,
            _ => return false,
        }
    }
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e
            .strip_prefix(b"+")
            .or_else(|| e.strip_prefix(b"-"))
            .unwrap_or(e);
        !e.is_empty() && e.iter().all(u8::is_ascii_digit)
    });
    value.len() <= 16 && dots <= 1 && digits > 0 && exponent_ok
}

impl Rule for InvalidNumber {
    const META: &'static RuleMeta = &INVALID_NUMBER;
    const EVENTS: u8 = events::ELEMENTS;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Event::Element(element) = event else {
            return;
        };
        let vr = element.header.vr;
        if !matches!(vr, Vr::IS | Vr::DS) {
            return;
        }
        let Some(value) = element.value else {
            return;
        };
        // IS and DS use the default repertoire only, so `\` always separates values.
        let mut start = 0usize;
        for raw in value.split(|&b| b == b'\\') {
            let trimmed = raw.trim_ascii();
            let ok = trimmed.is_empty()
                || if vr == Vr::IS {
                    valid_is(trimmed)
                } else {
                    valid_ds(trimmed)
                };
            if !ok {
                let span = element.value_span.sub(start, start + raw.len());
                cx.report(
                    &INVALID_NUMBER,
                    Some(span),
                    Some(element.header.tag),
                    format_args!(
                        "{vr} value \"{}\" is not {}",
                        Printable(raw),
                        if vr == Vr::IS {
                            "an integer string (sign and digits, 32-bit range, at most 12 bytes)"
                        } else {
                            "a decimal string (digits, sign, '.', exponent; at most 16 bytes)"
                        }
                    ),
                );
            }
            start += raw.len() + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{valid_ds, valid_is};
    use crate::testing::{CLEAN, findings_of};

    #[test]
    fn forms() {
        for ok in [&b"12"[..], b"-2147483648", b"+7", b"0"] {
            assert!(valid_is(ok));
        }
        for bad in [&b"1A"[..], b"2147483648", b"1.0", b"", b"+"] {
            assert!(!valid_is(bad));
        }
        for ok in [&b"0.5"[..], b"-1.5e-3", b"10", b".5", b"1E10"] {
            assert!(valid_ds(ok));
        }
        for bad in [&b"0,5"[..], b"1.2.3", b"E5", b"1e", b"12345678901234567"] {
            assert!(!valid_ds(bad));
        }
    }

    #[test]
    fn passes_clean_files() {
        for clean in CLEAN {
            assert!(!findings_of(clean).has("vr/invalid-number"));
        }
    }
}
