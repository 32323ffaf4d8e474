//! The pull parser.
