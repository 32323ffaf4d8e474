//! `meta/*`: the File Meta Information of a Part 10 file (PS3.10 §7.1): preamble and
//! `DICM` prefix, the group 0002 elements, the transfer syntax, and agreement with the
//! data set.

pub mod group2_in_data_set;
pub mod group_length;
pub mod missing_element;
pub mod missing_file_meta;
pub mod missing_prefix;
pub mod retired_transfer_syntax;
pub mod sop_class_mismatch;
pub mod sop_instance_mismatch;
pub mod transfer_syntax_mismatch;
pub mod unknown_transfer_syntax;
pub mod version;

use lint_core::Tag;
use lint_core::parser::{Event, Section};

use crate::registry::RuleMeta;
use crate::runner::Context;
use crate::value::UidBuf;

/// A UID of the File Meta group that the data set repeats under another tag
/// ((0002,0002) = (0008,0016), (0002,0003) = (0008,0018)): the shared check of
/// `meta/sop-class-mismatch` and `meta/sop-instance-mismatch`.
#[derive(Debug, Default)]
struct UidEcho {
    meta: Option<UidBuf>,
}

impl UidEcho {
    fn event(
        &mut self,
        cx: &mut Context<'_>,
        event: &Event<'_>,
        rule: &'static RuleMeta,
        (meta_tag, data_set_tag): (Tag, Tag),
    ) {
        let Event::Element(element) = event else {
            return;
        };
        let value = element.value.unwrap_or(&[]);
        if element.section == Section::FileMeta && element.header.tag == meta_tag {
            self.meta = Some(UidBuf::new(value));
        } else if element.section == Section::DataSet
            && element.header.tag == data_set_tag
            && cx.path().is_root()
        {
            if let Some(meta) = self.meta.filter(|meta| !meta.same_as(value)) {
                cx.report(
                    rule,
                    Some(element.value_span),
                    Some(data_set_tag),
                    format_args!(
                        "{data_set_tag} is \"{}\" but {meta_tag} in the File Meta group is \"{meta}\"",
                        crate::value::Printable(lint_core::transfer_syntax::trim_uid(value))
                    ),
                );
            }
        }
    }
}
