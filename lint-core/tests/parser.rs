//! Parser tests over hand-built byte streams: every transfer syntax, every length form,
//! and every structural defect the parser must describe without panicking.

use lint_core::parser::{
    Event, Events, ParseError, ParseErrorKind, Parser, Preamble, Section, Step, VrOrigin,
};
use lint_core::tag::{Tag, tags};
use lint_core::transfer_syntax::Encoding;
use lint_core::vr::Vr;

/// A minimal writer of element bytes (the corpus crate has the full builder).
#[derive(Default)]
struct W {
    b: Vec<u8>,
    be: bool,
}

impl W {
    fn be() -> Self {
        W {
            b: vec![],
            be: true,
        }
    }
    fn u16(&mut self, v: u16) -> &mut Self {
        let bytes = if self.be {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        };
        self.b.extend_from_slice(&bytes);
        self
    }
    fn u32(&mut self, v: u32) -> &mut Self {
        let bytes = if self.be {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        };
        self.b.extend_from_slice(&bytes);
        self
    }
    fn tag(&mut self, t: Tag) -> &mut Self {
        self.u16(t.group).u16(t.element)
    }
    /// Explicit VR element.
    fn ex(&mut self, t: Tag, vr: &str, value: &[u8]) -> &mut Self {
        self.tag(t);
        self.b.extend_from_slice(vr.as_bytes());
        let long =
            Vr::from_code([vr.as_bytes()[0], vr.as_bytes()[1]]).is_none_or(Vr::has_long_length);
        if long {
            self.u16(0).u32(value.len() as u32);
        } else {
            self.u16(value.len() as u16);
        }
        self.b.extend_from_slice(value);
        self
    }
    /// Explicit VR header with a given length and no value.
    fn ex_head(&mut self, t: Tag, vr: &str, len: u32) -> &mut Self {
        self.tag(t);
        self.b.extend_from_slice(vr.as_bytes());
        self.u16(0).u32(len)
    }
    /// Implicit VR element.
    fn im(&mut self, t: Tag, value: &[u8]) -> &mut Self {
        self.tag(t).u32(value.len() as u32);
        self.b.extend_from_slice(value);
        self
    }
    fn delim(&mut self, t: Tag, len: u32) -> &mut Self {
        self.tag(t).u32(len)
    }
    fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.b.extend_from_slice(bytes);
        self
    }
}

fn meta(ts: &str) -> Vec<u8> {
    let mut ts_bytes = ts.as_bytes().to_vec();
    if ts_bytes.len() % 2 == 1 {
        ts_bytes.push(0);
    }
    let mut group = W::default();
    group
        .ex(tags::FILE_META_INFORMATION_VERSION, "OB", &[0, 1])
        .ex(
            tags::MEDIA_STORAGE_SOP_CLASS_UID,
            "UI",
            b"1.2.840.10008.5.1.4.1.1.2\0",
        )
        .ex(tags::MEDIA_STORAGE_SOP_INSTANCE_UID, "UI", b"1.2.3.4")
        .ex(tags::TRANSFER_SYNTAX_UID, "UI", &ts_bytes);
    let mut out = vec![0u8; 128];
    out.extend_from_slice(b"DICM");
    let mut gl = W::default();
    gl.ex(
        tags::FILE_META_INFORMATION_GROUP_LENGTH,
        "UL",
        &(group.b.len() as u32).to_le_bytes(),
    );
    out.extend_from_slice(&gl.b);
    out.extend_from_slice(&group.b);
    out
}

fn collect(bytes: &[u8]) -> Vec<Result<Event<'_>, ParseError>> {
    Events::<32>::new(bytes).collect()
}

fn elements(bytes: &[u8]) -> Vec<(Tag, Vr, Option<Vec<u8>>)> {
    collect(bytes)
        .into_iter()
        .filter_map(|e| match e {
            Ok(Event::Element(el)) if el.section == Section::DataSet => {
                Some((el.header.tag, el.header.vr, el.value.map(<[u8]>::to_vec)))
            }
            _ => None,
        })
        .collect()
}

fn errors(bytes: &[u8]) -> Vec<ParseError> {
    collect(bytes).into_iter().filter_map(Result::err).collect()
}

const NAME: Tag = tags::PATIENT_NAME;
const SCS: Tag = tags::SPECIFIC_CHARACTER_SET;
const SEQ: Tag = Tag::new(0x0040, 0x0275);
const CODE: Tag = Tag::new(0x0008, 0x0100);

#[test]
fn part10_explicit_le() {
    let mut f = meta("1.2.840.10008.1.2.1");
    let mut w = W::default();
    w.ex(SCS, "CS", b"ISO_IR 100").ex(NAME, "PN", b"Doe^Jane");
    f.extend_from_slice(&w.b);
    let events = collect(&f);
    assert!(matches!(
        events[0],
        Ok(Event::StreamStart(s)) if s.file_meta && matches!(s.preamble, Preamble::Standard { .. })
    ));
    let meta_end = events
        .iter()
        .find_map(|e| match e {
            Ok(Event::FileMetaEnd(m)) => Some(*m),
            _ => None,
        })
        .unwrap();
    let (gl, _) = meta_end.group_length.unwrap();
    assert_eq!(u64::from(gl), meta_end.counted.len());
    assert_eq!(meta_end.transfer_syntax.unwrap().uid, "1.2.840.10008.1.2.1");
    assert_eq!(
        elements(&f),
        vec![
            (SCS, Vr::CS, Some(b"ISO_IR 100".to_vec())),
            (NAME, Vr::PN, Some(b"Doe^Jane".to_vec()))
        ]
    );
    assert!(errors(&f).is_empty());
}

#[test]
fn implicit_le_uses_the_dictionary() {
    let mut f = meta("1.2.840.10008.1.2");
    let mut w = W::default();
    w.im(SCS, b"ISO_IR 100")
        .im(NAME, b"Doe^Jane")
        .im(Tag::new(0x0009, 0x1001), b"ab");
    f.extend_from_slice(&w.b);
    let events = collect(&f);
    let origins: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Ok(Event::Element(el)) if el.section == Section::DataSet => {
                Some((el.header.vr, el.header.vr_origin))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        origins,
        vec![
            (Vr::CS, VrOrigin::Dictionary),
            (Vr::PN, VrOrigin::Dictionary),
            (Vr::UN, VrOrigin::Unknown)
        ]
    );
}

#[test]
fn big_endian_data_set() {
    let mut f = meta("1.2.840.10008.1.2.2");
    let mut w = W::be();
    w.ex(SCS, "CS", b"ISO_IR 100")
        .ex(Tag::new(0x0028, 0x0010), "US", &[0x02, 0x00]);
    f.extend_from_slice(&w.b);
    let els = elements(&f);
    assert_eq!(els[1].0, Tag::new(0x0028, 0x0010));
    assert!(errors(&f).is_empty());
}

#[test]
fn raw_data_sets_are_sniffed() {
    let mut w = W::default();
    w.im(SCS, b"ISO_IR 100").im(NAME, b"Doe^Jane");
    let events = collect(&w.b);
    assert!(matches!(events[0], Ok(Event::StreamStart(s)) if !s.file_meta));
    assert!(events.iter().any(|e| matches!(
        e,
        Ok(Event::DataSetStart(d)) if d.used == Encoding::ImplicitVrLittleEndian && d.declared.is_none()
    )));
    assert_eq!(elements(&w.b).len(), 2);

    let mut w = W::default();
    w.ex(SCS, "CS", b"ISO_IR 100").ex(NAME, "PN", b"Doe^Jane");
    assert!(collect(&w.b).iter().any(|e| matches!(
        e,
        Ok(Event::DataSetStart(d)) if d.used == Encoding::ExplicitVrLittleEndian
    )));
}

#[test]
fn mislabelled_transfer_syntax_is_read_as_the_bytes_say() {
    // Declared explicit, written implicit: read implicit and say so.
    let mut f = meta("1.2.840.10008.1.2.1");
    let mut w = W::default();
    w.im(SCS, b"ISO_IR 100").im(NAME, b"Doe^Jane");
    f.extend_from_slice(&w.b);
    let start = collect(&f)
        .into_iter()
        .find_map(|e| match e {
            Ok(Event::DataSetStart(d)) => Some(d),
            _ => None,
        })
        .unwrap();
    assert_eq!(start.declared, Some(Encoding::ExplicitVrLittleEndian));
    assert_eq!(start.used, Encoding::ImplicitVrLittleEndian);
    assert_eq!(elements(&f).len(), 2);
}

fn nested(defined: bool) -> Vec<u8> {
    let mut item = W::default();
    item.ex(CODE, "SH", b"T-1234");
    let mut inner = W::default();
    if defined {
        inner.delim(tags::ITEM, item.b.len() as u32).raw(&item.b);
    } else {
        inner
            .delim(tags::ITEM, u32::MAX)
            .raw(&item.b)
            .delim(tags::ITEM_DELIMITATION_ITEM, 0);
    }
    let mut w = W::default();
    w.ex(SCS, "CS", b"ISO_IR 100");
    if defined {
        w.ex_head(SEQ, "SQ", inner.b.len() as u32).raw(&inner.b);
    } else {
        w.ex_head(SEQ, "SQ", u32::MAX)
            .raw(&inner.b)
            .delim(tags::SEQUENCE_DELIMITATION_ITEM, 0);
    }
    w.ex(NAME, "PN", b"Doe^Jane");
    w.b
}

#[test]
fn sequences_of_both_length_forms_give_the_same_structure() {
    for defined in [true, false] {
        let bytes = nested(defined);
        let mut events = Events::<32>::new(&bytes);
        let mut shape = vec![];
        while let Some(event) = events.next() {
            let path = events.parser().path().to_string();
            shape.push(match event.unwrap() {
                Event::SequenceStart(s) => format!("seq {} @{path}", s.header.tag),
                Event::ItemStart(i) => format!("item {} @{path}", i.index),
                Event::Element(e) => format!("el {} @{path}", e.header.tag),
                Event::ItemEnd(i) => format!("/item {} {}", i.index, i.delimited),
                Event::SequenceEnd(s) => format!("/seq {} {}", s.items, s.delimited),
                _ => continue,
            });
        }
        assert_eq!(
            shape,
            vec![
                "el (0008,0005) @".to_string(),
                "seq (0040,0275) @(0040,0275)".into(),
                "item 0 @(0040,0275)[0]".into(),
                "el (0008,0100) @(0040,0275)[0]".into(),
                format!("/item 0 {}", !defined),
                format!("/seq 1 {}", !defined),
                "el (0010,0010) @".into(),
            ],
            "defined = {defined}"
        );
    }
}

#[test]
fn un_of_undefined_length_is_read_as_implicit_le() {
    let mut item = W::default();
    item.im(CODE, b"T-1234");
    let mut w = W::default();
    w.ex_head(Tag::new(0x0009, 0x1010), "UN", u32::MAX)
        .delim(tags::ITEM, u32::MAX)
        .raw(&item.b)
        .delim(tags::ITEM_DELIMITATION_ITEM, 0)
        .delim(tags::SEQUENCE_DELIMITATION_ITEM, 0)
        .ex(NAME, "PN", b"Doe^Jane");
    let events = collect(&w.b);
    assert!(events.iter().all(Result::is_ok), "{events:?}");
    assert!(events.iter().any(|e| matches!(
        e,
        Ok(Event::Element(el)) if el.header.tag == CODE && el.header.vr == Vr::SH && el.encoding == Encoding::ImplicitVrLittleEndian
    )));
    assert!(events.iter().any(|e| matches!(
        e,
        Ok(Event::Element(el)) if el.header.tag == NAME && el.encoding == Encoding::ExplicitVrLittleEndian
    )));
}

#[test]
fn encapsulated_pixel_data_is_skipped_by_fragment() {
    let mut f = meta("1.2.840.10008.1.2.4.50");
    let mut w = W::default();
    w.ex(Tag::new(0x0028, 0x0010), "US", &[16, 0])
        .ex_head(tags::PIXEL_DATA, "OB", u32::MAX)
        .delim(tags::ITEM, 0)
        .delim(tags::ITEM, 6)
        .raw(&[0xFF, 0xD8, 1, 2, 0xFF, 0xD9])
        .delim(tags::SEQUENCE_DELIMITATION_ITEM, 0);
    f.extend_from_slice(&w.b);
    let events = collect(&f);
    let fragments = events
        .iter()
        .filter(|e| matches!(e, Ok(Event::Fragment(_))))
        .count();
    assert_eq!(fragments, 2);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Ok(Event::FragmentsEnd(s)) if s.items == 2))
    );
    assert!(events.iter().all(Result::is_ok));
}

#[test]
fn value_past_end_is_fatal_with_the_header_span() {
    let mut w = W::default();
    w.ex(SCS, "CS", b"ISO_IR 100")
        .tag(NAME)
        .raw(b"PN")
        .u16(40)
        .raw(b"Doe^Jane");
    let errs = errors(&w.b);
    assert_eq!(errs.len(), 1);
    assert!(errs[0].fatal);
    assert_eq!(errs[0].at.start, 18);
    assert!(matches!(
        errs[0].kind,
        ParseErrorKind::ValuePastEnd {
            tag: NAME,
            length: 40,
            available: 8
        }
    ));
}

#[test]
fn truncated_header() {
    let mut w = W::default();
    w.ex(SCS, "CS", b"ISO_IR 100").raw(&[0x10, 0x00, 0x10]);
    let errs = errors(&w.b);
    assert!(matches!(
        errs[..],
        [ParseError {
            kind: ParseErrorKind::TruncatedHeader,
            fatal: true,
            ..
        }]
    ));
}

#[test]
fn missing_sequence_delimiter() {
    let mut w = W::default();
    w.ex_head(SEQ, "SQ", u32::MAX)
        .delim(tags::ITEM, u32::MAX)
        .ex(CODE, "SH", b"T-1234");
    let errs = errors(&w.b);
    assert!(matches!(
        errs[..],
        [ParseError {
            kind: ParseErrorKind::MissingDelimiter {
                sequence: SEQ,
                in_item: true
            },
            ..
        }]
    ));
}

#[test]
fn item_crossing_its_sequence() {
    let mut w = W::default();
    w.ex_head(SEQ, "SQ", 8)
        .delim(tags::ITEM, 14)
        .ex(CODE, "SH", b"T-1234");
    let errs = errors(&w.b);
    assert!(
        matches!(
            errs[..],
            [ParseError {
                kind: ParseErrorKind::CrossesParent { .. },
                ..
            }]
        ),
        "{errs:?}"
    );
}

#[test]
fn expected_item() {
    let mut w = W::default();
    w.ex_head(SEQ, "SQ", u32::MAX).ex(CODE, "SH", b"T-1234");
    let errs = errors(&w.b);
    assert!(matches!(
        errs[..],
        [ParseError {
            kind: ParseErrorKind::ExpectedItem { found: CODE },
            ..
        }]
    ));
}

#[test]
fn stray_delimiter_is_skipped() {
    let mut w = W::default();
    w.ex(SCS, "CS", b"ISO_IR 100")
        .delim(tags::ITEM_DELIMITATION_ITEM, 0)
        .ex(NAME, "PN", b"Doe^Jane");
    let errs = errors(&w.b);
    assert!(matches!(
        errs[..],
        [ParseError {
            kind: ParseErrorKind::UnexpectedDelimiter { .. },
            fatal: false,
            ..
        }]
    ));
    assert_eq!(elements(&w.b).len(), 2);
}

#[test]
fn nesting_is_bounded() {
    let mut w = W::default();
    for _ in 0..40 {
        w.ex_head(SEQ, "SQ", u32::MAX).delim(tags::ITEM, u32::MAX);
    }
    let errs: Vec<_> = Events::<8>::new(&w.b).filter_map(Result::err).collect();
    assert!(matches!(
        errs[..],
        [ParseError {
            kind: ParseErrorKind::NestingTooDeep { limit: 8 },
            ..
        }]
    ));
}

#[test]
fn order_is_reported_through_previous() {
    let mut w = W::default();
    w.ex(NAME, "PN", b"Doe^Jane")
        .ex(SCS, "CS", b"ISO_IR 100")
        .ex(SCS, "CS", b"ISO_IR 100");
    let previous: Vec<_> = collect(&w.b)
        .into_iter()
        .filter_map(|e| match e {
            Ok(Event::Element(el)) => Some(el.previous),
            _ => None,
        })
        .collect();
    assert_eq!(previous, vec![None, Some(NAME), Some(SCS)]);
}

#[test]
fn windowed_parsing_skips_bulk_and_matches_whole_input() {
    let mut f = meta("1.2.840.10008.1.2.1");
    let mut w = W::default();
    w.ex(SCS, "CS", b"ISO_IR 100")
        .ex(NAME, "PN", b"Doe^Jane")
        .ex(tags::PIXEL_DATA, "OW", &vec![7u8; 100_000])
        .ex(Tag::new(0xFFFC, 0xFFFC), "OB", &[0; 4]);
    f.extend_from_slice(&w.b);
    // Feed small windows; the pixel data must never be requested.
    let mut parser = Parser::<32>::new(f.len() as u64);
    let mut offset = 0u64;
    let mut window = 64usize;
    let mut tags_seen = vec![];
    let mut requested = 0u64;
    loop {
        let end = (offset as usize + window).min(f.len());
        match parser.next(&f[offset as usize..end], offset) {
            Step::Event(Event::Element(el)) => {
                if el.header.tag == tags::PIXEL_DATA {
                    assert!(el.value.is_none());
                }
                tags_seen.push(el.header.tag);
            }
            Step::Event(_) => {}
            Step::Error(e) => panic!("{e:?}"),
            Step::Need { offset: at, len } => {
                assert!(len <= 136, "asked for {len} bytes");
                requested += len;
                offset = at;
                window = window.max(len as usize);
            }
            Step::End => break,
        }
    }
    assert!(requested < 1000);
    assert_eq!(tags_seen.len(), 4 + 4 + 1); // meta (with group length) + data set
}

#[test]
fn arbitrary_bytes_terminate() {
    // A cheap deterministic fuzz: every prefix and many byte flips of a valid stream.
    let f = {
        let mut f = meta("1.2.840.10008.1.2.1");
        f.extend_from_slice(&nested(false));
        f
    };
    for cut in 0..f.len() {
        let n = collect(&f[..cut]).len();
        assert!(n <= f.len() + 8);
    }
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut g = f.clone();
        let i = (seed as usize) % g.len();
        g[i] = (seed >> 32) as u8;
        let n = collect(&g).len();
        assert!(n <= g.len() + 8);
    }
}
