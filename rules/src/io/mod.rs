//! `io/*`: problems reading the files themselves, reported by the program that reads
//! them (the CLI, or firmware's own file access).

pub mod deflate;
pub mod non_utf8_name;
pub mod symlink_loop;
pub mod unreadable;

pub use deflate::DEFLATE;
pub use non_utf8_name::NON_UTF8_NAME;
pub use symlink_loop::SYMLINK_LOOP;
pub use unreadable::UNREADABLE;
