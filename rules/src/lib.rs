//! The rules of dcmlint.
#![no_std]
#![forbid(unsafe_code)]
