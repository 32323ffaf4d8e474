//! The runner: feeds parser events to every selected rule.
//!
//! [`Linter`] owns a [`Parser`] and the per-stream state of every rule. The caller gives it
//! windows of the input (the whole input, or a buffer over a file refilled on
//! [`Progress::Need`]) and a [`Sink`]; rules report as they go and once more at the end.

use core::fmt;

use lint_core::charset::{Scope, Scopes, TextKind, Token, scan};
use lint_core::parser::{Event, ParseError, Parser, Section, Step, TagPath};
use lint_core::pn::{self, PersonName};
use lint_core::transfer_syntax::Encoding;
use lint_core::{ByteSpan, Tag};

use crate::finding::{Finding, Sink};
use crate::registry::{AllRules, RuleMeta, Selection};
use crate::text::Text;

/// A rule: a state machine over one stream's events.
///
/// A fresh value (`Default`) is made for every stream. Rules report through
/// [`Context::report`]; they never see rules other than themselves.
pub trait Rule: Default {
    /// The rule's id, severity and docs.
    const META: &'static RuleMeta;

    /// Whether the rule uses [`Self::person_name`]: PN values are split into groups only
    /// when a selected rule does.
    const PERSON_NAME: bool = false;

    /// The kinds of [`Token`] [`Self::token`] looks at (bits of [`tokens`]): only those
    /// are passed to it. Most rules judge escapes, invalid bytes or delimiters and flush
    /// at [`Token::End`]; sparing them the text runs, most of every value, is most of the
    /// cost of dispatching a token.
    ///
    /// A *plain* value (only text, spaces and delimiters: no escape sequence, control
    /// character or invalid byte, so its state never left value 1's) ends with a
    /// [`Token::End`] only for rules that look at text, spaces or delimiters: a rule
    /// that looks at none of them saw nothing of the value since [`Self::text`], and its
    /// end state is the initial one. Most values are plain, and most rules flush at the
    /// end only what escapes and invalid bytes noted.
    const TOKENS: u8 = tokens::ALL;

    /// The classes of [`Event`] [`Self::event`] looks at (bits of [`events`]): only
    /// those are passed to it. Most rules judge only (0008,0005), or only the File Meta
    /// group and the stream's milestones; sparing them the data set's other elements,
    /// most of every file, is most of the cost of dispatching an event.
    const EVENTS: u8 = events::ALL;

    /// Called for every event, in stream order.
    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let _ = (cx, event);
    }

    /// Called for every structural error the parser reports.
    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        let _ = (cx, error);
    }

    /// Called for every string value (after [`Self::event`] saw its element), before
    /// its tokens.
    fn text(&mut self, cx: &mut Context<'_>, text: &Text<'_>) {
        let _ = (cx, text);
    }

    /// Called for each token of the value in `text`, in order; the last one is
    /// [`Token::End`].
    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        let _ = (cx, text, token);
    }

    /// Called for each value of a PN element with its component groups and components
    /// ([`lint_core::pn`]): after the tokens of the value, before the `\` or
    /// [`Token::End`] token that ends it, so a rule can collect over the values and report
    /// at the end. [`PersonName::last`] marks the element's last value.
    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let _ = (cx, text, name);
    }

    /// Called once when the stream has ended.
    fn finish(&mut self, cx: &mut Context<'_>) {
        let _ = cx;
    }
}

/// Passes the tokens of `text` (from `scanner`) to the rules, and its Person Name values
/// (split by `names`, for PN when a rule wants them). Through
/// [`Scanner::for_each_token`](lint_core::charset::Scanner::for_each_token), so the
/// scanner runs in this loop.
fn tokens(
    rules: &mut AllRules,
    cx: &mut Context<'_>,
    text: &Text<'_>,
    scanner: lint_core::charset::Scanner<'_>,
    mut names: Option<pn::Builder>,
) {
    // Whether the value is plain so far (see `Rule::TOKENS`).
    let mut plain = true;
    scanner.for_each_token(|token| {
        if let Some(name) = names.as_mut().and_then(|b| b.push(text.value, &token)) {
            rules.person_name(cx, text, name);
        }
        plain &= tokens::kind(&token) & !(tokens::PLAIN | tokens::END) == 0;
        rules.token(cx, text, &token, plain);
    });
}

/// Token kinds, as bits for [`Rule::TOKENS`].
pub mod tokens {
    use lint_core::charset::Token;

    /// [`Token::Escape`].
    pub const ESCAPE: u8 = 1;
    /// [`Token::Text`].
    pub const TEXT: u8 = 2;
    /// [`Token::Space`].
    pub const SPACE: u8 = 4;
    /// [`Token::Delimiter`].
    pub const DELIMITER: u8 = 8;
    /// [`Token::Control`].
    pub const CONTROL: u8 = 16;
    /// [`Token::Invalid`].
    pub const INVALID: u8 = 32;
    /// [`Token::End`].
    pub const END: u8 = 64;
    /// Every kind.
    pub const ALL: u8 = 127;
    /// The kinds of a plain value (see [`super::Rule::TOKENS`]).
    pub const PLAIN: u8 = TEXT | SPACE | DELIMITER;

    /// The bit of `token`'s kind.
    #[inline]
    #[must_use]
    pub const fn kind(token: &Token) -> u8 {
        match token {
            Token::Escape { .. } => ESCAPE,
            Token::Text { .. } => TEXT,
            Token::Space { .. } => SPACE,
            Token::Delimiter { .. } => DELIMITER,
            Token::Control { .. } => CONTROL,
            Token::Invalid { .. } => INVALID,
            Token::End { .. } => END,
        }
    }
}

/// Event classes, as bits for [`Rule::EVENTS`].
pub mod events {
    use lint_core::parser::{Event, Section};

    /// [`Event::Element`] in the data set, other than (0008,0005).
    pub const ELEMENT: u8 = 1;
    /// [`Event::Element`] in the File Meta group.
    pub const META: u8 = 2;
    /// [`Event::Element`] (0008,0005) Specific Character Set in the data set, at any
    /// depth.
    pub const CHARSET: u8 = 4;
    /// Sequences, items and encapsulated fragments: [`Event::SequenceStart`],
    /// [`Event::ItemStart`], [`Event::ItemEnd`], [`Event::SequenceEnd`],
    /// [`Event::FragmentsStart`], [`Event::Fragment`], [`Event::FragmentsEnd`].
    pub const STRUCTURE: u8 = 8;
    /// The stream's milestones: [`Event::StreamStart`], [`Event::FileMetaEnd`],
    /// [`Event::DataSetStart`], [`Event::Deflated`].
    pub const STREAM: u8 = 16;
    /// Every element.
    pub const ELEMENTS: u8 = ELEMENT | META | CHARSET;
    /// Every class.
    pub const ALL: u8 = 31;

    /// The class of `event`.
    #[inline]
    #[must_use]
    pub fn class(event: &Event<'_>) -> u8 {
        match event {
            Event::Element(element) => match element.section {
                Section::FileMeta => META,
                Section::DataSet
                    if element.header.tag == lint_core::tag::tags::SPECIFIC_CHARACTER_SET =>
                {
                    CHARSET
                }
                Section::DataSet => ELEMENT,
            },
            Event::SequenceStart(_)
            | Event::ItemStart(_)
            | Event::ItemEnd(_)
            | Event::SequenceEnd(_)
            | Event::FragmentsStart(_)
            | Event::Fragment(_)
            | Event::FragmentsEnd(_) => STRUCTURE,
            Event::StreamStart(_)
            | Event::FileMetaEnd(_)
            | Event::DataSetStart(_)
            | Event::Deflated(_) => STREAM,
        }
    }
}

/// What a rule can see besides the event, and where it reports.
pub struct Context<'c> {
    path: TagPath<'c>,
    sink: &'c mut dyn Sink,
    pub(crate) selection: &'c Selection,
    scope: &'c Scope,
    parent_scope: Option<&'c Scope>,
}

impl fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl<'c> Context<'c> {
    /// The sequences and items around the current event (see [`Parser::path`]).
    pub fn path(&self) -> TagPath<'c> {
        self.path
    }

    /// The Specific Character Set (0008,0005) in force for the current data set or item
    /// (already including the current element if it is (0008,0005) itself).
    pub fn scope(&self) -> &Scope {
        self.scope
    }

    /// The scope of the enclosing data set or item, when inside an item.
    pub fn parent_scope(&self) -> Option<&Scope> {
        self.parent_scope
    }

    /// Reports a finding of `rule` at the current path.
    pub fn report(
        &mut self,
        rule: &'static RuleMeta,
        span: Option<ByteSpan>,
        tag: Option<Tag>,
        message: fmt::Arguments<'_>,
    ) {
        self.sink.report(&Finding {
            rule,
            span,
            tag,
            path: self.path,
            message,
            text: None,
        });
    }

    /// Reports a finding about a text value, so the output can show it decoded.
    pub fn report_text(
        &mut self,
        rule: &'static RuleMeta,
        span: ByteSpan,
        text: &Text<'_>,
        message: fmt::Arguments<'_>,
    ) {
        self.sink.report(&Finding {
            rule,
            span: Some(span),
            tag: Some(text.tag),
            path: self.path,
            message,
            text: Some(text.context()),
        });
    }
}

/// What the caller must do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Provide a window holding `len` bytes from `offset`, and call [`Linter::run`] again.
    Need {
        /// Absolute offset.
        offset: u64,
        /// Bytes needed.
        len: u64,
    },
    /// The rest of the input (this span) is a deflated data set: inflate it, call
    /// [`Linter::resume_inflated`], then [`Linter::run`] over the inflated bytes; or, if
    /// you cannot inflate, call [`Linter::finish`].
    Deflated(ByteSpan),
    /// Finished: every finding has been reported.
    Done,
}

/// Lints one stream.
#[derive(Debug)]
pub struct Linter<const DEPTH: usize = { lint_core::parser::DEFAULT_DEPTH }> {
    parser: Parser<DEPTH>,
    scopes: Scopes<DEPTH>,
    rules: AllRules,
    selection: Selection,
    /// Whether a selected rule uses [`Rule::person_name`] (PN values are then split).
    person_names: bool,
    finished: bool,
}

impl<const DEPTH: usize> Linter<DEPTH> {
    /// A linter for a stream of `total` bytes (Part 10 file or bare data set).
    pub fn new(total: u64, selection: Selection) -> Self {
        Linter {
            parser: Parser::new(total),
            scopes: Scopes::default(),
            rules: AllRules::default(),
            selection,
            person_names: AllRules::wants_person_names(&selection),
            finished: false,
        }
    }

    /// Continues over the inflated data set of a deflated stream (`total` inflated bytes).
    /// Offsets reported from now on are offsets into the inflated bytes.
    pub fn resume_inflated(&mut self, total: u64) {
        self.parser = Parser::data_set(total, Encoding::ExplicitVrLittleEndian);
    }

    /// The parser (for its tag path and position).
    pub fn parser(&self) -> &Parser<DEPTH> {
        &self.parser
    }

    /// Ends the stream early and lets every rule report what it still holds: for a caller
    /// that stops at [`Progress::Deflated`] because it cannot inflate (firmware without
    /// a deflate implementation). Called by [`Self::run`] at the end of the stream.
    pub fn finish(&mut self, sink: &mut dyn Sink) {
        if self.finished {
            return;
        }
        let mut cx = Context {
            path: TagPath::default(),
            sink,
            selection: &self.selection,
            scope: self.scopes.current(),
            parent_scope: None,
        };
        self.rules.finish(&mut cx);
        self.finished = true;
    }

    /// Runs over `window` (input bytes from absolute `offset`) until more bytes are
    /// needed or the stream ends. `observe` sees every event after the rules do.
    pub fn run(
        &mut self,
        window: &[u8],
        offset: u64,
        sink: &mut dyn Sink,
        observe: &mut dyn FnMut(&Event<'_>, TagPath<'_>),
    ) -> Progress {
        if self.finished {
            return Progress::Done;
        }
        loop {
            let step = self.parser.next(window, offset);
            if let Step::Event(event) = &step {
                self.scopes.observe(event);
            }
            let mut cx = Context {
                path: self.parser.path(),
                sink: &mut *sink,
                selection: &self.selection,
                scope: self.scopes.current(),
                parent_scope: self.scopes.parent(),
            };
            match step {
                Step::Event(event) => {
                    self.rules.event(&mut cx, &event);
                    if let Event::Element(element) = &event {
                        if let (Some(value), true) = (element.value, element.header.vr.is_string())
                        {
                            let kind = match element.section {
                                // Group 0002 is never governed by (0008,0005) (PS3.10 §7.1).
                                Section::FileMeta => TextKind::NoExtensions,
                                Section::DataSet => TextKind::for_vr(element.header.vr),
                            };
                            let scanner = scan(value, &cx.scope.set, kind);
                            let text = Text {
                                tag: element.header.tag,
                                vr: element.header.vr,
                                kind,
                                value,
                                value_span: element.value_span,
                                scope: *cx.scope,
                                initial: scanner.initial_state(),
                            };
                            self.rules.text(&mut cx, &text);
                            let names = (kind == TextKind::PersonName && self.person_names)
                                .then(pn::Builder::new);
                            tokens(&mut self.rules, &mut cx, &text, scanner, names);
                        }
                    }
                    observe(&event, self.parser.path());
                    if let Event::Deflated(span) = event {
                        return Progress::Deflated(span);
                    }
                }
                Step::Error(error) => self.rules.error(&mut cx, &error),
                Step::Need { offset, len } => return Progress::Need { offset, len },
                Step::End => {
                    self.finish(sink);
                    return Progress::Done;
                }
            }
        }
    }
}

/// Lints a stream held wholly in memory. A deflated data set is not looked into (the
/// caller inflates it; see [`Progress::Deflated`]); this returns its span.
pub fn lint_bytes(bytes: &[u8], selection: Selection, sink: &mut dyn Sink) -> Progress {
    let mut linter =
        Linter::<{ lint_core::parser::DEFAULT_DEPTH }>::new(bytes.len() as u64, selection);
    linter.run(bytes, 0, sink, &mut |_, _| {})
}
