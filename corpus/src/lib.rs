//! Corpus builder.
