//! `charset/dicomdir-top-level`: a (0008,0005) at the top level of a DICOMDIR.

use lint_core::parser::{Event, Section};
use lint_core::tag::tags;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// A Specific Character Set (0008,0005) in the top-level data set of a DICOMDIR
    /// (Media Storage SOP Class `1.2.840.10008.1.3.10`).
    ///
    /// ## Why
    /// The Basic Directory IOD has no SOP Common module, so a top-level (0008,0005) is not
    /// part of it; each Directory Record declares its own, for its own keys. Readers that
    /// follow the IOD ignore the top-level value and show records' non-ASCII keys as
    /// garbage; a record with non-ASCII keys and no (0008,0005) of its own is reported by
    /// `charset/missing`.
    ///
    /// ## Standard
    /// PS3.3 F.3.1 (Table F.3-1), F.5 (each record's (0008,0005), Type 1C).
    ///
    /// ## Example
    /// Failing: a DICOMDIR with (0008,0005) `ISO_IR 100` before (0004,1130).
    /// Passing: the same value moved into each Directory Record that needs it.
    pub DICOMDIR_TOP_LEVEL, "charset/dicomdir-top-level", Warning,
        "a DICOMDIR declares (0008,0005) at its top level"
}

/// The Media Storage SOP Class of a DICOMDIR.
const MEDIA_STORAGE_DIRECTORY: &[u8] = b"1.2.840.10008.1.3.10";

/// The check of [`DICOMDIR_TOP_LEVEL`].
#[derive(Debug, Default)]
pub struct Check {
    dicomdir: bool,
}

impl Rule for Check {
    const META: &'static RuleMeta = &DICOMDIR_TOP_LEVEL;
    const EVENTS: u8 = events::META | events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        if let Event::Element(e) = event {
            if e.section == Section::FileMeta && e.header.tag == tags::MEDIA_STORAGE_SOP_CLASS_UID {
                self.dicomdir = e.value.is_some_and(|v| {
                    lint_core::transfer_syntax::trim_uid(v) == MEDIA_STORAGE_DIRECTORY
                });
            }
        }
        let Some(element) = charset_element(event) else {
            return;
        };
        if self.dicomdir && cx.parent_scope().is_none() {
            cx.report(
                &DICOMDIR_TOP_LEVEL,
                Some(element.value_span),
                Some(element.header.tag),
                format_args!(
                    "the Basic Directory IOD has no top-level (0008,0005): declare it in each Directory Record whose keys need it"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::{Tag, Vr};

    use crate::testing::{element, findings_of};

    fn dicomdir(charset: Option<&[u8]>, buf: &mut [u8]) -> usize {
        let mut len = 128;
        let mut put = |b: &[u8]| {
            buf[len..len + b.len()].copy_from_slice(b);
            len += b.len();
        };
        put(b"DICM");
        element(&mut put, Tag::new(2, 2), Vr::UI, b"1.2.840.10008.1.3.10");
        element(&mut put, Tag::new(2, 0x10), Vr::UI, b"1.2.840.10008.1.2.1");
        element(&mut put, Tag::new(4, 0x1130), Vr::CS, b"DISC1");
        if let Some(cs) = charset {
            element(&mut put, Tag::new(8, 5), Vr::CS, cs);
        }
        len
    }

    #[test]
    fn fires_in_a_dicomdir_only() {
        let mut buf = [0u8; 512];
        let len = dicomdir(Some(b"ISO_IR 100"), &mut buf);
        assert!(findings_of(&buf[..len]).has("charset/dicomdir-top-level"));
        let len = dicomdir(None, &mut buf);
        assert!(!findings_of(&buf[..len]).has("charset/dicomdir-top-level"));
        let found =
            crate::testing::text_case(Some(b"ISO_IR 100"), Tag::new(0x10, 0x10), Vr::PN, b"Doe");
        assert!(!found.has("charset/dicomdir-top-level"));
    }
}
