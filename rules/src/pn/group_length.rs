//! `pn/group-length`: a component group longer than 64 characters.

use lint_core::pn::{GroupKind, PersonName};

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

/// Characters allowed per component group (PS3.5 Table 6.2-1).
const LIMIT: u32 = 64;

declare_rule! {
    /// ## What it checks
    /// A component group of a PN value with more than 64 characters. Characters are
    /// counted as the standard counts them, by the character-set state machine: escape
    /// sequences count nothing, a JIS X 0208, KS X 1001 or GB 2312 pair counts one, UTF-8
    /// counts code points; the `^` between components count, trailing padding does not.
    ///
    /// The 2024c text of §6.2.1.2 adds that the 64 include the group's own `=`; dcmlint
    /// does not apply that reading (a group of exactly 64 characters followed by `=` passes),
    /// because no toolkit does and Table 6.2-1 itself says 64 per group.
    ///
    /// ## Why
    /// Receivers size database columns and buffers by this limit and truncate or reject
    /// longer names. Counting bytes instead is the classic false alarm on Japanese data:
    /// 33 kanji are 66 bytes plus escapes and a valid group (dicom3tools counts 64 bytes
    /// for the whole value; dcmlint counts what the standard counts).
    ///
    /// ## Standard
    /// PS3.5 §6.2 Table 6.2-1 (PN), §6.2.1.2.
    ///
    /// ## Example
    /// Failing: PN of 65 × `41`.
    /// Passing: (0008,0005) `\ISO 2022 IR 87`, PN `3D 1B 24 42` + 33 × `3B 33` + `1B 28 42`
    /// (33 kanji: 72 bytes, 33 characters).
    pub GROUP_LENGTH, "pn/group-length", Error,
        "a component group of a person name is longer than 64 characters"
}

/// The check of [`GROUP_LENGTH`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<(GroupKind, u32)>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &GROUP_LENGTH;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = name
            .groups()
            .find(|(_, g)| g.chars > LIMIT)
            .map(|(kind, g)| (text.span(g.content()), (kind, g.chars)));
        if let Some((span, (kind, n), more)) = self.found.see(name, hit) {
            cx.report_text(
                &GROUP_LENGTH,
                span,
                text,
                format_args!(
                    "the {kind} group has {n} characters: at most {LIMIT} per component group \
                     (escape sequences not counted){more}"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::text_case;

    #[test]
    fn fires_on_65_characters() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, &[b'A'; 65]);
        assert!(found.has("pn/group-length"), "{found:?}");
        let mut v = [b'A'; 70];
        v[0] = b'=';
        let found = text_case(None, PATIENT_NAME, Vr::PN, &v);
        assert!(found.has("pn/group-length"), "{found:?}");
    }

    #[test]
    fn passes_on_64_characters_and_on_33_kanji() {
        let mut v = [b'A'; 66];
        v[64] = b'=';
        v[65] = b'B';
        let found = text_case(None, PATIENT_NAME, Vr::PN, &v);
        assert!(!found.has("pn/group-length"), "{found:?}");
        // 33 kanji with escapes: 72 bytes, 33 characters.
        let mut v = [0u8; 73];
        v[..4].copy_from_slice(b"=\x1b$B");
        for pair in v[4..70].chunks_mut(2) {
            pair.copy_from_slice(b";3");
        }
        v[70..].copy_from_slice(b"\x1b(B");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v);
        assert!(!found.has("pn/group-length"), "{found:?}");
        // Trailing padding is not counted.
        let mut v = [b' '; 70];
        v[..64].copy_from_slice(&[b'A'; 64]);
        let found = text_case(None, PATIENT_NAME, Vr::PN, &v);
        assert!(!found.has("pn/group-length"), "{found:?}");
    }
}
