//! `charset/item-mix`: an item switches to or from UTF-8/GB 18030/GBK.

use lint_core::charset::TextEncoding;
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};
use crate::text::DeclaredSet;

declare_rule! {
    /// ## What it checks
    /// A sequence item with its own (0008,0005) that differs from the enclosing data
    /// set's, where either of the two is `ISO_IR 192`, `GB18030` or `GBK`.
    ///
    /// ## Why
    /// PS3.5 Annex J says UTF-8 and GB 18030 are to be used for all strings of an
    /// instance; items that switch between a Unicode encoding and an ISO 2022 one (as in
    /// pydicom's `chrSQEncoding.dcm`) are valid per §7.5.3 but trip readers that decode
    /// a whole instance with one codec. A warning, because the informative annex is not
    /// normative.
    ///
    /// ## Standard
    /// PS3.5 §7.5.3, Annex J (informative).
    ///
    /// ## Example
    /// Failing: top level `ISO_IR 192`, an item of (0008,1115) with
    /// `ISO 2022 IR 13\ISO 2022 IR 87`.
    /// Passing: the item without (0008,0005) (it inherits UTF-8).
    pub ITEM_MIX, "charset/item-mix", Warning,
        "an item changes to or from a Unicode character set"
}

/// The check of [`ITEM_MIX`].
#[derive(Debug, Default)]
pub struct Check;

fn is_unicode(encoding: TextEncoding) -> bool {
    matches!(
        encoding,
        TextEncoding::Utf8 | TextEncoding::Gb18030 | TextEncoding::Gbk
    )
}

impl Rule for Check {
    const META: &'static RuleMeta = &ITEM_MIX;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        let Some(parent) = cx.parent_scope().copied() else {
            return;
        };
        let own = cx.scope().set;
        if !parent.set.is_present() || own == parent.set {
            return;
        }
        if is_unicode(own.encoding()) || is_unicode(parent.set.encoding()) {
            cx.report(
                &ITEM_MIX,
                Some(element.value_span),
                Some(element.header.tag),
                format_args!(
                    "this item declares {} inside a data set declaring {}: readers that decode an instance with one codec will garble one of them",
                    DeclaredSet(own),
                    DeclaredSet(parent.set)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_pydicom_like_mix_and_not_on_clean_files() {
        let mut buf = [0u8; 1024];
        let len = item_file(
            &mut buf,
            b"ISO_IR 192",
            Some(b"ISO 2022 IR 13\\ISO 2022 IR 87"),
        );
        assert!(findings_of(&buf[..len]).has("charset/item-mix"));
        let len = item_file(&mut buf, b"ISO_IR 192", None);
        assert!(!findings_of(&buf[..len]).has("charset/item-mix"));
        let len = item_file(&mut buf, b"ISO_IR 100", Some(b"ISO_IR 101"));
        assert!(!findings_of(&buf[..len]).has("charset/item-mix"));
    }

    /// A Part 10 stream: top-level (0008,0005), then (0008,1115) with one item holding
    /// `item` (if any) and a PN.
    fn item_file(buf: &mut [u8], top: &[u8], item: Option<&[u8]>) -> usize {
        use lint_core::{Tag, Vr};
        let mut inner = [0u8; 256];
        let mut inner_len = 0;
        {
            let mut put = |b: &[u8]| {
                inner[inner_len..inner_len + b.len()].copy_from_slice(b);
                inner_len += b.len();
            };
            if let Some(cs) = item {
                crate::testing::element(&mut put, Tag::new(8, 5), Vr::CS, cs);
            }
            crate::testing::element(&mut put, Tag::new(0x10, 0x10), Vr::PN, b"Doe^Jane");
        }
        let mut len = 128;
        let mut put = |b: &[u8]| {
            buf[len..len + b.len()].copy_from_slice(b);
            len += b.len();
        };
        put(b"DICM");
        crate::testing::element(&mut put, Tag::new(2, 0x10), Vr::UI, b"1.2.840.10008.1.2.1");
        crate::testing::element(&mut put, Tag::new(8, 5), Vr::CS, top);
        // (0008,1115) SQ, undefined length, one item of defined length.
        put(&[
            0x08, 0, 0x15, 0x11, b'S', b'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
        ]);
        put(&[0xFE, 0xFF, 0x00, 0xE0]);
        put(&(inner_len as u32).to_le_bytes());
        put(&inner[..inner_len]);
        put(&[0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]);
        len
    }
}
